package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.testing.StoreFixture;
import dev.livechat.adapter.jdbc.testing.TestDatabase;
import dev.livechat.application.port.out.contract.RoomRepositoryContract;
import dev.livechat.application.port.out.contract.MessageRepositoryContract;
import dev.livechat.application.port.out.contract.VisitorRepositoryContract;
import dev.livechat.application.port.out.contract.UserRepositoryContract;
import dev.livechat.application.port.out.contract.LoginTokenRepositoryContract;
import dev.livechat.application.port.out.contract.InquiryRepositoryContract;
import dev.livechat.application.port.out.contract.DepartmentRepositoryContract;
import dev.livechat.application.port.out.contract.AgentRoutingContract;
import dev.livechat.application.port.out.contract.VisitorChatSearchContract;
import dev.livechat.application.port.out.contract.TransactionRunnerContract;
import dev.livechat.application.port.out.StorePorts;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every out-port contract suite of the application, run against the JDBC store on PostgreSQL (when LIVECHAT_TEST_POSTGRES_URL is set). */
class PostgresContractTest {

    @RegisterExtension
    static final StoreFixture FIXTURE = StoreFixture.on(TestDatabase.POSTGRESQL);

    @Nested
    class RoomRepository extends RoomRepositoryContract {
        @Override
        protected StorePorts newStores() {
            return FIXTURE.newStores();
        }
    }

    @Nested
    class MessageRepository extends MessageRepositoryContract {
        @Override
        protected StorePorts newStores() {
            return FIXTURE.newStores();
        }
    }

    @Nested
    class VisitorRepository extends VisitorRepositoryContract {
        @Override
        protected StorePorts newStores() {
            return FIXTURE.newStores();
        }
    }

    @Nested
    class UserRepository extends UserRepositoryContract {
        @Override
        protected StorePorts newStores() {
            return FIXTURE.newStores();
        }
    }

    @Nested
    class LoginTokenRepository extends LoginTokenRepositoryContract {
        @Override
        protected StorePorts newStores() {
            return FIXTURE.newStores();
        }
    }

    @Nested
    class InquiryRepository extends InquiryRepositoryContract {
        @Override
        protected StorePorts newStores() {
            return FIXTURE.newStores();
        }
    }

    @Nested
    class DepartmentRepository extends DepartmentRepositoryContract {
        @Override
        protected StorePorts newStores() {
            return FIXTURE.newStores();
        }
    }

    @Nested
    class AgentRouting extends AgentRoutingContract {
        @Override
        protected StorePorts newStores() {
            return FIXTURE.newStores();
        }
    }

    @Nested
    class VisitorChatSearch extends VisitorChatSearchContract {
        @Override
        protected StorePorts newStores() {
            return FIXTURE.newStores();
        }
    }

    @Nested
    class TransactionRunner extends TransactionRunnerContract {
        @Override
        protected StorePorts newStores() {
            return FIXTURE.newStores();
        }
    }
}
