package dev.livechat.adapter.mongo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link RocketChatFixtureBehaviour} against the in-process mongo-java-server (memory backend). */
class InProcessRocketChatFixtureTest extends RocketChatFixtureBehaviour {

    private static MongoFixture mongo;

    @BeforeAll
    static void start() {
        mongo = MongoFixture.inProcess();
    }

    @AfterAll
    static void stop() {
        if (mongo != null) {
            mongo.close();
        }
    }

    @Override
    MongoFixture mongo() {
        return mongo;
    }
}
