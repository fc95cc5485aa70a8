package dev.livechat.bootstrap.e2e;

/** {@link HostileInputTests} on the embedded H2 database. */
class HostileInputOnH2HttpTest extends HostileInputTests {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.H2_MEMORY;
    }
}
