package dev.livechat.adapter.mongo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link LookupAndSearchBehaviour} against the in-process mongo-java-server (memory backend). */
class InProcessLookupAndSearchTest extends LookupAndSearchBehaviour {

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
