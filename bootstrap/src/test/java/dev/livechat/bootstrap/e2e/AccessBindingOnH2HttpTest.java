package dev.livechat.bootstrap.e2e;

/** {@link AccessBindingTests} on the embedded H2 database. */
class AccessBindingOnH2HttpTest extends AccessBindingTests {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.H2_MEMORY;
    }
}
