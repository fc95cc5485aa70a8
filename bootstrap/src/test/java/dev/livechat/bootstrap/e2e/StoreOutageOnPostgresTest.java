package dev.livechat.bootstrap.e2e;

/** {@link StoreOutageTests} on PostgreSQL (when {@code LIVECHAT_TEST_POSTGRES_URL} is set). */
class StoreOutageOnPostgresTest extends StoreOutageTests {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.POSTGRESQL;
    }
}
