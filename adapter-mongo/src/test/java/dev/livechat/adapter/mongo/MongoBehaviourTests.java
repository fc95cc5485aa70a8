package dev.livechat.adapter.mongo;

import org.junit.jupiter.api.Nested;

/**
 * The adapter's own tests, one {@code @Nested} class per behaviour: a subclass per server registers its
 * {@link MongoFixture} and hands it out, nothing else.
 */
abstract class MongoBehaviourTests {

    abstract MongoFixture mongo();

    @Nested
    class CounterAndLock extends CounterAndLockBehaviourTests {
        @Override
        MongoFixture mongo() {
            return MongoBehaviourTests.this.mongo();
        }
    }

    @Nested
    class LookupAndSearch extends LookupAndSearchBehaviourTests {
        @Override
        MongoFixture mongo() {
            return MongoBehaviourTests.this.mongo();
        }
    }

    @Nested
    class RocketChatFixture extends RocketChatFixtureBehaviourTests {
        @Override
        MongoFixture mongo() {
            return MongoBehaviourTests.this.mongo();
        }
    }

    @Nested
    class RoomAtomicity extends RoomAtomicityBehaviourTests {
        @Override
        MongoFixture mongo() {
            return MongoBehaviourTests.this.mongo();
        }
    }

    @Nested
    class RoundTrip extends RoundTripBehaviourTests {
        @Override
        MongoFixture mongo() {
            return MongoBehaviourTests.this.mongo();
        }
    }
}
