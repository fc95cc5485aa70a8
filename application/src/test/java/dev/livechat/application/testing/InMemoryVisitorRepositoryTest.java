package dev.livechat.application.testing;

import dev.livechat.application.port.out.contract.VisitorRepositoryContract;
import dev.livechat.application.port.out.StorePorts;

/** Runs the {@code VisitorRepository} contract against the in-memory fake. */
class InMemoryVisitorRepositoryTest extends VisitorRepositoryContract {

    @Override
    protected StorePorts newStores() {
        return new InMemoryStores().stores();
    }
}
