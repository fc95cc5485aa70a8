package dev.livechat.bootstrap.e2e;

/** {@link PartialFailureTests} on PostgreSQL (when {@code LIVECHAT_TEST_POSTGRES_URL} is set). */
class PartialFailureOnPostgresTest extends PartialFailureTests {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.POSTGRESQL;
    }

    @Override
    Backend open() {
        return PartialFailureBackends.jdbc(kind());
    }
}
