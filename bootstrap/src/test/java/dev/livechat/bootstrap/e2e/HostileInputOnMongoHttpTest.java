package dev.livechat.bootstrap.e2e;

/** {@link HostileInputSuite} on MongoDB (an in-process mongo-java-server). */
class HostileInputOnMongoHttpTest extends HostileInputSuite {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.MONGODB_IN_PROCESS;
    }
}
