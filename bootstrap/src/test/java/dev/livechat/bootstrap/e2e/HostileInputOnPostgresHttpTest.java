package dev.livechat.bootstrap.e2e;

/** {@link HostileInputSuite} on PostgreSQL (when {@code LIVECHAT_TEST_POSTGRES_URL} is set). */
class HostileInputOnPostgresHttpTest extends HostileInputSuite {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.POSTGRESQL;
    }
}
