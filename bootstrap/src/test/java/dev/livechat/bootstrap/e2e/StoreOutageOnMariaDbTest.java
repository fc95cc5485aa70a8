package dev.livechat.bootstrap.e2e;

/** {@link StoreOutageSuite} on MariaDB (when {@code LIVECHAT_TEST_MARIADB_URL} is set). */
class StoreOutageOnMariaDbTest extends StoreOutageSuite {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.MARIADB;
    }
}
