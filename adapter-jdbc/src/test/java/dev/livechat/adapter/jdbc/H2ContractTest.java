package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.testing.StoreFixture;
import dev.livechat.adapter.jdbc.testing.TestDatabase;
import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.port.out.contract.TransactionalStoreContracts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every out-port contract suite of the application, rollback included, against the JDBC store on an in-memory H2 database (always). */
class H2ContractTest extends TransactionalStoreContracts {

    @RegisterExtension
    static final StoreFixture FIXTURE = StoreFixture.on(TestDatabase.H2);

    @Override
    protected StorePorts newStores() {
        return FIXTURE.newStores();
    }
}
