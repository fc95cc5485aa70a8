package dev.livechat.application.testing;

import dev.livechat.application.port.out.contract.TransactionRunnerContract;
import dev.livechat.application.port.out.StorePorts;

/** Runs the {@code TransactionRunner} contract against the in-memory fake. */
class InMemoryTransactionRunnerTest extends TransactionRunnerContract {

    @Override
    protected StorePorts newStores() {
        return new InMemoryStores().stores();
    }
}
