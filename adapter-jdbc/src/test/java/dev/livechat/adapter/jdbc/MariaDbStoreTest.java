package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.testing.StoreFixture;
import dev.livechat.adapter.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The adapter's own tests on MariaDB (LIVECHAT_TEST_MARIADB_URL). */
class MariaDbStoreTest {

    @RegisterExtension
    static final StoreFixture FIXTURE = StoreFixture.on(TestDatabase.MARIADB);

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
