package dev.livechat.bootstrap.e2e;

/** {@link StoreOutageSuite} on PostgreSQL (when {@code LIVECHAT_TEST_POSTGRES_URL} is set). */
class StoreOutageOnPostgresTest extends StoreOutageSuite {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.POSTGRESQL;
    }
}
