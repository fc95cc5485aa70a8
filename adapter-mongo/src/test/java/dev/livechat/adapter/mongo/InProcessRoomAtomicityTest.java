package dev.livechat.adapter.mongo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link RoomAtomicityBehaviour} against the in-process mongo-java-server (memory backend). */
class InProcessRoomAtomicityTest extends RoomAtomicityBehaviour {

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
