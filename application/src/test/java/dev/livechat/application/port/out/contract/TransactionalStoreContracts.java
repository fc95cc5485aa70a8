package dev.livechat.application.port.out.contract;

import dev.livechat.application.port.out.StorePorts;
import org.junit.jupiter.api.Nested;

/** {@link StoreContracts} plus {@link TransactionRollbackContract}, for stores whose units of work are transactions. */
public abstract class TransactionalStoreContracts extends StoreContracts {

    @Nested
    class TransactionRollback extends TransactionRollbackContract {
        @Override
        protected StorePorts newStores() {
            return TransactionalStoreContracts.this.newStores();
        }
    }
}
