package dev.livechat.bootstrap.e2e;

/** {@link PartialFailureTests} on H2 (transactions). */
class PartialFailureOnH2Test extends PartialFailureTests {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.H2_MEMORY;
    }

    @Override
    Backend open() {
        return PartialFailureBackends.jdbc(kind());
    }
}
