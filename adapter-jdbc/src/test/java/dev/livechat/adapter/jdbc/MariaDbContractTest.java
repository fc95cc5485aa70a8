package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.testing.StoreFixture;
import dev.livechat.adapter.jdbc.testing.TestDatabase;
import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.port.out.contract.TransactionalStoreContracts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every out-port contract suite of the application, rollback included, against the JDBC store on MariaDB (when {@code LIVECHAT_TEST_MARIADB_URL} is set). */
class MariaDbContractTest extends TransactionalStoreContracts {

    @RegisterExtension
    static final StoreFixture FIXTURE = StoreFixture.on(TestDatabase.MARIADB);

    @Override
    protected StorePorts newStores() {
        return FIXTURE.newStores();
    }
}
