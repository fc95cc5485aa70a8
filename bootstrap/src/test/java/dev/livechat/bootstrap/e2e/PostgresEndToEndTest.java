package dev.livechat.bootstrap.e2e;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every end-to-end suite on PostgreSQL (when {@code LIVECHAT_TEST_POSTGRES_URL} is set), a fresh schema per server or
 * pair of servers.
 */
class PostgresEndToEndTest extends EndToEndSuites {

    @RegisterExtension
    static final StoreTarget STORE = StoreTarget.POSTGRESQL;

    @Override
    StoreTarget store() {
        return STORE;
    }
}
