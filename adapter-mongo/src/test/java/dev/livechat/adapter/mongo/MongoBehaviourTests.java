package dev.livechat.adapter.mongo;

import org.junit.jupiter.api.Nested;

/**
 * The adapter's own tests, one {@code @Nested} class per behaviour: a subclass per server registers its
 * {@link MongoFixture} and hands it out, nothing else.
 */
abstract class MongoBehaviourTests {

    abstract MongoFixture mongo();

    @Nested
    class CounterAndLock extends CounterAndLockBehaviour {
        @Override
        MongoFixture mongo() {
            return MongoBehaviourTests.this.mongo();
        }
    }

    @Nested
    class LookupAndSearch extends LookupAndSearchBehaviour {
        @Override
        MongoFixture mongo() {
            return MongoBehaviourTests.this.mongo();
        }
    }

    @Nested
    class RocketChatFixture extends RocketChatFixtureBehaviour {
        @Override
        MongoFixture mongo() {
            return MongoBehaviourTests.this.mongo();
        }
    }

    @Nested
    class RoomAtomicity extends RoomAtomicityBehaviour {
        @Override
        MongoFixture mongo() {
            return MongoBehaviourTests.this.mongo();
        }
    }

    @Nested
    class RoundTrip extends RoundTripBehaviour {
        @Override
        MongoFixture mongo() {
            return MongoBehaviourTests.this.mongo();
        }
    }
}
