package dev.livechat.bootstrap.e2e;

/** {@link HostileInputSuite} on the embedded H2 database. */
class HostileInputOnH2HttpTest extends HostileInputSuite {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.H2_MEMORY;
    }
}
