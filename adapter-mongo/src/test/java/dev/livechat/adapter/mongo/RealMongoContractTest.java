package dev.livechat.adapter.mongo;

import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.port.out.contract.StoreContracts;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every out-port contract suite of the application against the real MongoDB of {@code LIVECHAT_TEST_MONGO_URI}, a
 * fresh database per store; every test is skipped, visibly, when the variable is unset.
 */
class RealMongoContractTest extends StoreContracts {

    @RegisterExtension
    static final MongoFixture MONGO = MongoFixture.real();

    @Override
    protected StorePorts newStores() {
        return MONGO.newStores();
    }
}
