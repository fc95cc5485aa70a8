package dev.livechat.bootstrap.e2e;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every end-to-end suite on MongoDB, an in-process mongo-java-server per server or pair of servers.
 */
class MongoEndToEndTest extends EndToEndSuites {

    @RegisterExtension
    static final StoreTarget STORE = StoreTarget.MONGODB;

    @Override
    StoreTarget store() {
        return STORE;
    }
}
