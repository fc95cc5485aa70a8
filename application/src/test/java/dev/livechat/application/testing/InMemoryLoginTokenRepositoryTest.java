package dev.livechat.application.testing;

import dev.livechat.application.port.out.contract.LoginTokenRepositoryContract;
import dev.livechat.application.port.out.StorePorts;

/** Runs the {@code LoginTokenRepository} contract against the in-memory fake. */
class InMemoryLoginTokenRepositoryTest extends LoginTokenRepositoryContract {

    @Override
    protected StorePorts newStores() {
        return new InMemoryStores().stores();
    }
}
