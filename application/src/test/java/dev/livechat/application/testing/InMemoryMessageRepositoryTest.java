package dev.livechat.application.testing;

import dev.livechat.application.port.out.contract.MessageRepositoryContract;
import dev.livechat.application.port.out.StorePorts;

/** Runs the {@code MessageRepository} contract against the in-memory fake. */
class InMemoryMessageRepositoryTest extends MessageRepositoryContract {

    @Override
    protected StorePorts newStores() {
        return new InMemoryStores().stores();
    }
}
