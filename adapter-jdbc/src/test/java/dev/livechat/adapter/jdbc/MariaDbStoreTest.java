package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.testing.StoreFixture;
import dev.livechat.adapter.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The adapter's own tests on MariaDB (when {@code LIVECHAT_TEST_MARIADB_URL} is set). */
class MariaDbStoreTest extends JdbcStoreTests {

    @RegisterExtension
    static final StoreFixture FIXTURE = StoreFixture.on(TestDatabase.MARIADB);

    @Override
    StoreFixture fixture() {
        return FIXTURE;
    }
}
