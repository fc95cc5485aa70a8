package dev.livechat.bootstrap.e2e;

/** {@link HostileInputTests} on MongoDB (an in-process mongo-java-server). */
class HostileInputOnMongoHttpTest extends HostileInputTests {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.MONGODB_IN_PROCESS;
    }
}
