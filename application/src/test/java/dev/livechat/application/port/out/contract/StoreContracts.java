package dev.livechat.application.port.out.contract;

import dev.livechat.application.port.out.StorePorts;
import org.junit.jupiter.api.Nested;

/**
 * Every out-port contract suite a store runs, as one {@code @Nested} class per suite: a store's test class extends
 * this (or {@link TransactionalStoreContracts} for a store with transactions) and supplies fresh stores only.
 */
public abstract class StoreContracts {

    /** All ports of a fresh, empty store; called once per test (see the package documentation). */
    protected abstract StorePorts newStores();

    @Nested
    class RoomRepository extends RoomRepositoryContract {
        @Override
        protected StorePorts newStores() {
            return StoreContracts.this.newStores();
        }
    }

    @Nested
    class MessageRepository extends MessageRepositoryContract {
        @Override
        protected StorePorts newStores() {
            return StoreContracts.this.newStores();
        }
    }

    @Nested
    class VisitorRepository extends VisitorRepositoryContract {
        @Override
        protected StorePorts newStores() {
            return StoreContracts.this.newStores();
        }
    }

    @Nested
    class UserRepository extends UserRepositoryContract {
        @Override
        protected StorePorts newStores() {
            return StoreContracts.this.newStores();
        }
    }

    @Nested
    class LoginTokenRepository extends LoginTokenRepositoryContract {
        @Override
        protected StorePorts newStores() {
            return StoreContracts.this.newStores();
        }
    }

    @Nested
    class InquiryRepository extends InquiryRepositoryContract {
        @Override
        protected StorePorts newStores() {
            return StoreContracts.this.newStores();
        }
    }

    @Nested
    class DepartmentRepository extends DepartmentRepositoryContract {
        @Override
        protected StorePorts newStores() {
            return StoreContracts.this.newStores();
        }
    }

    @Nested
    class AgentRouting extends AgentRoutingContract {
        @Override
        protected StorePorts newStores() {
            return StoreContracts.this.newStores();
        }
    }

    @Nested
    class VisitorChatSearch extends VisitorChatSearchContract {
        @Override
        protected StorePorts newStores() {
            return StoreContracts.this.newStores();
        }
    }

    @Nested
    class TransactionRunner extends TransactionRunnerContract {
        @Override
        protected StorePorts newStores() {
            return StoreContracts.this.newStores();
        }
    }
}
