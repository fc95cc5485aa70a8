package dev.livechat.adapter.mongo;

import dev.livechat.application.port.out.contract.AgentRoutingContract;
import dev.livechat.application.port.out.StorePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The {@link AgentRoutingContract} against the in-process mongo-java-server (memory backend),
 * a fresh database per store.
 */
class MongoAgentRoutingTest extends AgentRoutingContract {

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
    protected StorePorts newStores() {
        return mongo.newStores();
    }
}
