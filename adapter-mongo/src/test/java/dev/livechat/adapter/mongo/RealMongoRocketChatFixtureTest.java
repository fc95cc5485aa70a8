package dev.livechat.adapter.mongo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** {@link RocketChatFixtureBehaviour} against the real MongoDB of {@code LIVECHAT_TEST_MONGO_URI};
 * every test is skipped, visibly, when it is unset. */
class RealMongoRocketChatFixtureTest extends RocketChatFixtureBehaviour {

    private static MongoFixture mongo;

    @BeforeAll
    static void start() {
        mongo = MongoFixture.realOrNull();
    }

    @AfterAll
    static void stop() {
        if (mongo != null) {
            mongo.close();
        }
    }

    @BeforeEach
    void requireServer() {
        MongoFixture.assumeAvailable(mongo);
    }

    @Override
    MongoFixture mongo() {
        return mongo;
    }
}
