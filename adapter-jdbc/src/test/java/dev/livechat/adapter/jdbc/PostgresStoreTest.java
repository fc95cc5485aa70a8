package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.testing.StoreFixture;
import dev.livechat.adapter.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The adapter's own tests on PostgreSQL (LIVECHAT_TEST_POSTGRES_URL). */
class PostgresStoreTest {

    @RegisterExtension
    static final StoreFixture FIXTURE = StoreFixture.on(TestDatabase.POSTGRESQL);

    @Nested
    class Rooms extends RoomStoreTests {
        @Override
        StoreFixture fixture() {
            return FIXTURE;
        }
    }

    @Nested
    class Behaviour extends StoreBehaviourTests {
        @Override
        StoreFixture fixture() {
            return FIXTURE;
        }
    }
}
