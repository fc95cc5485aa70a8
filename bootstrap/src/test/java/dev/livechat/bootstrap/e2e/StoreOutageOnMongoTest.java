package dev.livechat.bootstrap.e2e;

/** {@link StoreOutageSuite} on MongoDB (an in-process mongo-java-server). */
class StoreOutageOnMongoTest extends StoreOutageSuite {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.MONGODB_IN_PROCESS;
    }
}
