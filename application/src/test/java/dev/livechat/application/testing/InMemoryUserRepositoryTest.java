package dev.livechat.application.testing;

import dev.livechat.application.port.out.contract.UserRepositoryContract;
import dev.livechat.application.port.out.StorePorts;

/** Runs the {@code UserRepository} contract against the in-memory fake. */
class InMemoryUserRepositoryTest extends UserRepositoryContract {

    @Override
    protected StorePorts newStores() {
        return new InMemoryStores().stores();
    }
}
