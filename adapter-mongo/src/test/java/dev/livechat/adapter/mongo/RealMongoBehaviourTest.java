package dev.livechat.adapter.mongo;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The adapter's own tests against the real MongoDB of {@code LIVECHAT_TEST_MONGO_URI}; every test is skipped,
 * visibly, when the variable is unset.
 */
class RealMongoBehaviourTest extends MongoBehaviourTests {

    @RegisterExtension
    static final MongoFixture MONGO = MongoFixture.real();

    @Override
    MongoFixture mongo() {
        return MONGO;
    }
}
