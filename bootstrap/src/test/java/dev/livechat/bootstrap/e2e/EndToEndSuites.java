package dev.livechat.bootstrap.e2e;

import org.junit.jupiter.api.Nested;

/**
 * Every end-to-end suite through {@code main}'s wiring, one {@code @Nested} class each, on the store a subclass
 * chooses (and registers as its extension, so that an unavailable store skips visibly); nothing else differs per
 * store.
 */
abstract class EndToEndSuites {

    abstract StoreTarget store();

    @Nested
    class SeedEndpoints extends SeedEndpointsTests {
        @Override
        StoreTarget store() {
            return EndToEndSuites.this.store();
        }
    }

    @Nested
    class LifecycleEndpoints extends LifecycleEndpointsTests {
        @Override
        StoreTarget store() {
            return EndToEndSuites.this.store();
        }
    }

    @Nested
    class ConcurrentRoomOpening extends ConcurrentRoomOpeningTests {
        @Override
        StoreTarget store() {
            return EndToEndSuites.this.store();
        }
    }

    @Nested
    class SeveralServers extends SeveralServersTests {
        @Override
        StoreTarget store() {
            return EndToEndSuites.this.store();
        }
    }

    @Nested
    class AccessRules extends AccessRulesTests {
        @Override
        StoreTarget store() {
            return EndToEndSuites.this.store();
        }
    }

    @Nested
    class AutoSelection extends AutoSelectionTests {
        @Override
        StoreTarget store() {
            return EndToEndSuites.this.store();
        }
    }

    @Nested
    class ConfigAndVisitorErasure extends ConfigAndVisitorErasureTests {
        @Override
        StoreTarget store() {
            return EndToEndSuites.this.store();
        }
    }

    @Nested
    class DepartmentEndpoints extends DepartmentEndpointsTests {
        @Override
        StoreTarget store() {
            return EndToEndSuites.this.store();
        }
    }

    @Nested
    class ForwardEndpoints extends ForwardEndpointsTests {
        @Override
        StoreTarget store() {
            return EndToEndSuites.this.store();
        }
    }

    @Nested
    class LivechatUsers extends LivechatUsersTests {
        @Override
        StoreTarget store() {
            return EndToEndSuites.this.store();
        }
    }

    @Nested
    class QueueEndpoints extends QueueEndpointsTests {
        @Override
        StoreTarget store() {
            return EndToEndSuites.this.store();
        }
    }
}
