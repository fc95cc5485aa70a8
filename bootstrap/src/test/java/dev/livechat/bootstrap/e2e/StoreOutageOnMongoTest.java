package dev.livechat.bootstrap.e2e;

/** {@link StoreOutageTests} on MongoDB (an in-process mongo-java-server). */
class StoreOutageOnMongoTest extends StoreOutageTests {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.MONGODB_IN_PROCESS;
    }
}
