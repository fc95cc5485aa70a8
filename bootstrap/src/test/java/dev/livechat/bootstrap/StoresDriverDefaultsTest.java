package dev.livechat.bootstrap;

import dev.livechat.bootstrap.ServerConfig.StoreKind;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The driver settings {@link Stores} adds unless the URL sets them (durability of H2, timeouts of the servers). */
class StoresDriverDefaultsTest {

    @Test
    void embedded_h2_files_write_every_commit_before_the_answer() {
        assertThat(Stores.driverDefaults(StoreKind.H2, "jdbc:h2:file:./data/livechat")).containsExactly(
                Map.entry("WRITE_DELAY", "0"));
        assertThat(Stores.driverDefaults(StoreKind.H2, "jdbc:h2:~/livechat;MODE=Regular")).containsExactly(
                Map.entry("WRITE_DELAY", "0"));
    }

    @Test
    void h2_in_memory_remote_or_with_its_own_write_delay_is_left_alone() {
        assertThat(Stores.driverDefaults(StoreKind.H2, "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(Stores.driverDefaults(StoreKind.H2, "jdbc:h2:tcp://127.0.0.1/./data/x")).isEmpty();
        assertThat(Stores.driverDefaults(StoreKind.H2, "jdbc:h2:file:./data/x;write_delay=500")).isEmpty();
    }

    @Test
    void servers_get_socket_and_connect_timeouts_unless_the_url_has_them() {
        assertThat(Stores.driverDefaults(StoreKind.POSTGRESQL, "jdbc:postgresql://db:5432/livechat")).containsExactly(
                Map.entry("socketTimeout", "10"), Map.entry("connectTimeout", "3"));
        assertThat(Stores.driverDefaults(StoreKind.POSTGRESQL, "jdbc:postgresql://db/livechat?SocketTimeout=60"))
                .containsExactly(Map.entry("connectTimeout", "3"));
        assertThat(Stores.driverDefaults(StoreKind.MARIADB, "jdbc:mariadb://db/livechat?user=x&connectTimeout=100"))
                .containsExactly(Map.entry("socketTimeout", "10000"));
        assertThat(Stores.driverDefaults(StoreKind.MONGODB, "mongodb://db/rocketchat")).isEmpty();
    }
}
