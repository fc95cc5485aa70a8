package dev.livechat.bootstrap.e2e;

/** {@link AccessBindingSuite} on MongoDB (an in-process mongo-java-server). */
class AccessBindingOnMongoHttpTest extends AccessBindingSuite {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.MONGODB_IN_PROCESS;
    }
}
