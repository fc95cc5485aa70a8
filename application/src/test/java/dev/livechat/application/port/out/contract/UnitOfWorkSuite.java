package dev.livechat.application.port.out.contract;

import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.port.out.TransactionRunner;
import org.junit.jupiter.api.BeforeEach;

/** The fixture the two {@link TransactionRunner} suites share: a fresh store, its runner, and data to write. */
abstract class UnitOfWorkSuite {

    StorePorts stores;
    TransactionRunner tx;
    ContractFixtures f;

    /** A fresh, empty store for each test. */
    protected abstract StorePorts newStores();

    @BeforeEach
    public final void freshStore() {
        stores = newStores();
        tx = stores.transactions();
        f = new ContractFixtures(stores);
    }

    /** The unit's own failure, distinguishable from anything a store could throw. */
    static final class Boom extends RuntimeException {
        Boom() {
            super("boom", null, false, false);
        }
    }
}
