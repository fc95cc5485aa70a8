package dev.livechat.adapter.mongo;

import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.port.out.contract.StoreContracts;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every out-port contract suite of the application against the in-process mongo-java-server (memory backend), a
 * fresh database per store. {@code TransactionRollbackContract} is not among them: units of work on MongoDB are not
 * transactions (port {@code TransactionRunner}).
 */
class MongoContractTest extends StoreContracts {

    @RegisterExtension
    static final MongoFixture MONGO = MongoFixture.inProcess();

    @Override
    protected StorePorts newStores() {
        return MONGO.newStores();
    }
}
