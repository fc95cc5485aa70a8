package dev.livechat.application.testing;

import dev.livechat.application.port.out.contract.VisitorChatSearchContract;
import dev.livechat.application.port.out.StorePorts;

/** Runs the {@code VisitorChatSearch} contract against the in-memory fake. */
class InMemoryVisitorChatSearchTest extends VisitorChatSearchContract {

    @Override
    protected StorePorts newStores() {
        return new InMemoryStores().stores();
    }
}
