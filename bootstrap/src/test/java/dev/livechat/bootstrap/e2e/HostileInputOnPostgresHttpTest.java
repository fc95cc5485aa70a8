package dev.livechat.bootstrap.e2e;

/** {@link HostileInputTests} on PostgreSQL (when {@code LIVECHAT_TEST_POSTGRES_URL} is set). */
class HostileInputOnPostgresHttpTest extends HostileInputTests {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.POSTGRESQL;
    }
}
