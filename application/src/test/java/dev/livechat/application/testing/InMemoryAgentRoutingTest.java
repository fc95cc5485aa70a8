package dev.livechat.application.testing;

import dev.livechat.application.port.out.contract.AgentRoutingContract;
import dev.livechat.application.port.out.StorePorts;

/** Runs the {@code AgentRouting} contract against the in-memory fake. */
class InMemoryAgentRoutingTest extends AgentRoutingContract {

    @Override
    protected StorePorts newStores() {
        return new InMemoryStores().stores();
    }
}
