package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.testing.StoreFixture;
import dev.livechat.adapter.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The adapter's own tests on an in-memory H2 database (always). */
class H2StoreTest extends JdbcStoreTests {

    @RegisterExtension
    static final StoreFixture FIXTURE = StoreFixture.on(TestDatabase.H2);

    @Override
    StoreFixture fixture() {
        return FIXTURE;
    }
}
