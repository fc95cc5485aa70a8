package dev.livechat.bootstrap.e2e;

import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.testing.InMemoryStores;

/** {@link PartialFailureTests} on the in-memory store of the application's tests (units of work with an undo log). */
class PartialFailureInMemoryTest extends PartialFailureTests {

    @Override
    TestStore.Kind kind() {
        return null;
    }

    @Override
    Backend open() {
        InMemoryStores stores = new InMemoryStores();
        return new Backend() {
            @Override
            public StorePorts ports() {
                return stores.stores();
            }

            @Override
            public Object contents() {
                return stores.contents();
            }

            @Override
            public boolean transactional() {
                return true;
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }
}
