package dev.livechat.bootstrap.e2e;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every end-to-end suite on an in-memory H2 database (always); the two servers of {@code SeveralServers} share it within
 * this JVM.
 */
class H2EndToEndTest extends EndToEndSuites {

    @RegisterExtension
    static final StoreTarget STORE = StoreTarget.H2;

    @Override
    StoreTarget store() {
        return STORE;
    }
}
