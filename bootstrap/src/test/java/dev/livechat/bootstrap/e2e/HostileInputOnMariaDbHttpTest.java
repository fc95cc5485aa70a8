package dev.livechat.bootstrap.e2e;

/** {@link HostileInputTests} on MariaDB (when {@code LIVECHAT_TEST_MARIADB_URL} is set). */
class HostileInputOnMariaDbHttpTest extends HostileInputTests {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.MARIADB;
    }
}
