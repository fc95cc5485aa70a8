package dev.livechat.bootstrap.e2e;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every end-to-end suite on MariaDB (when {@code LIVECHAT_TEST_MARIADB_URL} is set), a fresh database per server or pair
 * of servers.
 */
class MariaDbEndToEndTest extends EndToEndSuites {

    @RegisterExtension
    static final StoreTarget STORE = StoreTarget.MARIADB;

    @Override
    StoreTarget store() {
        return STORE;
    }
}
