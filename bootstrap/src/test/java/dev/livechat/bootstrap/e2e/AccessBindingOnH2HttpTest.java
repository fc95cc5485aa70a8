package dev.livechat.bootstrap.e2e;

/** {@link AccessBindingSuite} on the embedded H2 database. */
class AccessBindingOnH2HttpTest extends AccessBindingSuite {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.H2_MEMORY;
    }
}
