package dev.livechat.adapter.mongo;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The adapter's own tests against the in-process mongo-java-server (memory backend).
 */
class InProcessBehaviourTest extends MongoBehaviourTests {

    @RegisterExtension
    static final MongoFixture MONGO = MongoFixture.inProcess();

    @Override
    MongoFixture mongo() {
        return MONGO;
    }
}
