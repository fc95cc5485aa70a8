package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.testing.StoreFixture;
import dev.livechat.adapter.jdbc.testing.TestDatabase;
import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.port.out.contract.TransactionalStoreContracts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every out-port contract suite of the application, rollback included, against the JDBC store on PostgreSQL (when {@code LIVECHAT_TEST_POSTGRES_URL} is set). */
class PostgresContractTest extends TransactionalStoreContracts {

    @RegisterExtension
    static final StoreFixture FIXTURE = StoreFixture.on(TestDatabase.POSTGRESQL);

    @Override
    protected StorePorts newStores() {
        return FIXTURE.newStores();
    }
}
