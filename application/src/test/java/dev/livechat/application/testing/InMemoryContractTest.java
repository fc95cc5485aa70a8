package dev.livechat.application.testing;

import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.port.out.contract.TransactionalStoreContracts;

/** Every out-port contract suite, rollback included, against the in-memory fake. */
class InMemoryContractTest extends TransactionalStoreContracts {

    @Override
    protected StorePorts newStores() {
        return new InMemoryStores().stores();
    }
}
