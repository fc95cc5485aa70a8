package dev.livechat.bootstrap.e2e;

/** {@link StoreOutageTests} on MariaDB (when {@code LIVECHAT_TEST_MARIADB_URL} is set). */
class StoreOutageOnMariaDbTest extends StoreOutageTests {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.MARIADB;
    }
}
