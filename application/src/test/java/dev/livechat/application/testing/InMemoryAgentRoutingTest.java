package dev.livechat.application.testing;

import dev.livechat.application.port.out.contract.AgentRoutingContract;
import dev.livechat.application.port.out.contract.Stores;

/** Runs the {@code AgentRouting} contract against the in-memory fake. */
class InMemoryAgentRoutingTest extends AgentRoutingContract {

    @Override
    protected Stores newStores() {
        return new InMemoryStores().stores();
    }
}
