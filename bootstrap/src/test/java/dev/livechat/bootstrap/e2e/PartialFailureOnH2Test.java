package dev.livechat.bootstrap.e2e;

/** {@link PartialFailureSuite} on H2 (transactions). */
class PartialFailureOnH2Test extends PartialFailureSuite {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.H2_MEMORY;
    }

    @Override
    Backend open() {
        return PartialFailureBackends.jdbc(kind());
    }
}
