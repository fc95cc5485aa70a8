package dev.livechat.adapter.mongo;

import dev.livechat.application.port.out.contract.VisitorChatSearchContract;
import dev.livechat.application.port.out.StorePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The {@link VisitorChatSearchContract} against the real MongoDB of {@code LIVECHAT_TEST_MONGO_URI},
 * a fresh database per store; every test is skipped, visibly, when the variable is unset.
 */
class RealMongoVisitorChatSearchTest extends VisitorChatSearchContract {

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

    @Override
    protected StorePorts newStores() {
        // here, not in a @BeforeEach: the contract's own @BeforeEach asks for the stores first
        MongoFixture.assumeAvailable(mongo);
        return mongo.newStores();
    }
}
