package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.testing.StoreFixture;
import org.junit.jupiter.api.Nested;

/**
 * The adapter's own tests ({@link RoomStoreTests}, {@link StoreBehaviourTests}) as {@code @Nested} classes: a subclass
 * per database registers its {@link StoreFixture} and hands it out, nothing else.
 */
abstract class JdbcStoreTests {

    abstract StoreFixture fixture();

    @Nested
    class Rooms extends RoomStoreTests {
        @Override
        StoreFixture fixture() {
            return JdbcStoreTests.this.fixture();
        }
    }

    @Nested
    class Behaviour extends StoreBehaviourTests {
        @Override
        StoreFixture fixture() {
            return JdbcStoreTests.this.fixture();
        }
    }
}
