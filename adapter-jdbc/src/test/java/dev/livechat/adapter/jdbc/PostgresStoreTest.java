package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.testing.StoreFixture;
import dev.livechat.adapter.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The adapter's own tests on PostgreSQL (when {@code LIVECHAT_TEST_POSTGRES_URL} is set). */
class PostgresStoreTest extends JdbcStoreTests {

    @RegisterExtension
    static final StoreFixture FIXTURE = StoreFixture.on(TestDatabase.POSTGRESQL);

    @Override
    StoreFixture fixture() {
        return FIXTURE;
    }
}
