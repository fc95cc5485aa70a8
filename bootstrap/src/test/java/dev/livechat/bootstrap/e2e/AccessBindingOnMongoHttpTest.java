package dev.livechat.bootstrap.e2e;

/** {@link AccessBindingTests} on MongoDB (an in-process mongo-java-server). */
class AccessBindingOnMongoHttpTest extends AccessBindingTests {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.MONGODB_IN_PROCESS;
    }
}
