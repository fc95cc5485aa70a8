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
    class SeedEndpoints extends SeedEndpointsSuite {
        @Override
        StoreTarget store() {
            return EndToEndSuites.this.store();
        }
    }

    @Nested
    class LifecycleEndpoints extends LifecycleEndpointsSuite {
        @Override
        StoreTarget store() {
            return EndToEndSuites.this.store();
        }
    }

    @Nested
    class ConcurrentRoomOpening extends ConcurrentRoomOpeningSuite {
        @Override
        StoreTarget store() {
            return EndToEndSuites.this.store();
        }
    }

    @Nested
    class SeveralServers extends SeveralServersSuite {
        @Override
        StoreTarget store() {
            return EndToEndSuites.this.store();
        }
    }

    @Nested
    class AccessRules extends AccessRulesSuite {
        @Override
        StoreTarget store() {
            return EndToEndSuites.this.store();
        }
    }

    @Nested
    class AutoSelection extends AutoSelectionSuite {
        @Override
        StoreTarget store() {
            return EndToEndSuites.this.store();
        }
    }

    @Nested
    class ConfigAndVisitorErasure extends ConfigAndVisitorErasureSuite {
        @Override
        StoreTarget store() {
            return EndToEndSuites.this.store();
        }
    }

    @Nested
    class DepartmentEndpoints extends DepartmentEndpointsSuite {
        @Override
        StoreTarget store() {
            return EndToEndSuites.this.store();
        }
    }

    @Nested
    class ForwardEndpoints extends ForwardEndpointsSuite {
        @Override
        StoreTarget store() {
            return EndToEndSuites.this.store();
        }
    }

    @Nested
    class LivechatUsers extends LivechatUsersSuite {
        @Override
        StoreTarget store() {
            return EndToEndSuites.this.store();
        }
    }

    @Nested
    class QueueEndpoints extends QueueEndpointsSuite {
        @Override
        StoreTarget store() {
            return EndToEndSuites.this.store();
        }
    }
}
