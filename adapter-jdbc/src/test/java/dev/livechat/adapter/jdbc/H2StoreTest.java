package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.testing.StoreFixture;
import dev.livechat.adapter.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The adapter's own tests on an in-memory H2 database. */
class H2StoreTest {

    @RegisterExtension
    static final StoreFixture FIXTURE = StoreFixture.on(TestDatabase.H2);

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
