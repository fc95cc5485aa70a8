package dev.livechat.bootstrap.e2e;

/** {@link HostileInputSuite} on MariaDB (when {@code LIVECHAT_TEST_MARIADB_URL} is set). */
class HostileInputOnMariaDbHttpTest extends HostileInputSuite {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.MARIADB;
    }
}
