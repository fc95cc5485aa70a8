package dev.livechat.bootstrap.e2e;

/** {@link PartialFailureTests} on MariaDB (when {@code LIVECHAT_TEST_MARIADB_URL} is set). */
class PartialFailureOnMariaDbTest extends PartialFailureTests {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.MARIADB;
    }

    @Override
    Backend open() {
        return PartialFailureBackends.jdbc(kind());
    }
}
