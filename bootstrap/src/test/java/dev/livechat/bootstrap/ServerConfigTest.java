package dev.livechat.bootstrap;

import dev.livechat.domain.routing.RoutingMethod;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerConfigTest {

    @Test
    void defaults_follow_the_contract() {
        ServerConfig config = ServerConfig.from(Map.of(), new String[0]);

        assertThat(config.port()).isEqualTo(3000);
        assertThat(config.dbUrl()).isEqualTo("jdbc:h2:file:./data/livechat");
        assertThat(config.storeKind()).isEqualTo(ServerConfig.StoreKind.H2);
        assertThat(config.adminUsername()).isEqualTo("admin");
        assertThat(config.adminPassword()).isNull();
        assertThat(config.rateLimit()).isTrue();
        assertThat(config.routingMethod()).isEqualTo(RoutingMethod.AUTO_SELECTION);
        assertThat(config.acceptChatsWithNoAgents()).isFalse();
        assertThat(config.maxChatsPerAgent()).isZero();
        assertThat(config.exposeVisitorTokenToAgents()).isFalse();
    }

    @Test
    void flags_override_environment_in_both_forms() {
        ServerConfig config = ServerConfig.from(
                Map.of("LIVECHAT_PORT", "4000", "LIVECHAT_ROUTING_METHOD", "Auto_Selection"),
                new String[] {"--port=5000", "--routing-method", "Manual_Selection", "--rate-limit=off"});

        assertThat(config.port()).isEqualTo(5000);
        assertThat(config.routingMethod()).isEqualTo(RoutingMethod.MANUAL_SELECTION);
        assertThat(config.rateLimit()).isFalse();
    }

    @Test
    void every_store_prefix_selects_its_adapter() {
        assertThat(ServerConfig.storeKind("jdbc:postgresql://127.0.0.1:5432/test")).isEqualTo(ServerConfig.StoreKind.POSTGRESQL);
        assertThat(ServerConfig.storeKind("jdbc:mariadb://127.0.0.1:3306/test")).isEqualTo(ServerConfig.StoreKind.MARIADB);
        assertThat(ServerConfig.storeKind("mongodb://localhost/rocketchat")).isEqualTo(ServerConfig.StoreKind.MONGODB);
        assertThat(ServerConfig.storeKind("mongodb+srv://cluster.example/rc")).isEqualTo(ServerConfig.StoreKind.MONGODB);
    }

    @Test
    void unknown_store_scheme_names_the_variable() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("LIVECHAT_DB_URL", "jdbc:sqlite:x.db"), new String[0]))
                .isInstanceOf(ServerConfig.InvalidConfigException.class)
                .hasMessageStartingWith("LIVECHAT_DB_URL:");
    }

    @Test
    void invalid_values_name_the_variable_and_are_case_sensitive() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("LIVECHAT_PORT", "0"), new String[0]))
                .hasMessageStartingWith("LIVECHAT_PORT");
        assertThatThrownBy(() -> ServerConfig.from(Map.of("LIVECHAT_PORT", "65536"), new String[0]))
                .hasMessageStartingWith("LIVECHAT_PORT");
        assertThatThrownBy(() -> ServerConfig.from(Map.of("LIVECHAT_RATE_LIMIT", "OFF"), new String[0]))
                .hasMessageStartingWith("LIVECHAT_RATE_LIMIT");
        assertThatThrownBy(() -> ServerConfig.from(Map.of("LIVECHAT_ROUTING_METHOD", "auto_selection"), new String[0]))
                .hasMessageStartingWith("LIVECHAT_ROUTING_METHOD");
        assertThatThrownBy(() -> ServerConfig.from(Map.of("LIVECHAT_MAX_CHATS_PER_AGENT", "-1"), new String[0]))
                .hasMessageStartingWith("LIVECHAT_MAX_CHATS_PER_AGENT");
        assertThatThrownBy(() -> ServerConfig.from(Map.of("LIVECHAT_ADMIN_USERNAME", "bad name"), new String[0]))
                .hasMessageStartingWith("LIVECHAT_ADMIN_USERNAME");
    }

    @Test
    void messages_and_rendering_never_contain_passwords() {
        ServerConfig config = ServerConfig.from(
                Map.of("LIVECHAT_DB_PASSWORD", "s3cret-db", "LIVECHAT_ADMIN_PASSWORD", "s3cret-admin"), new String[0]);

        assertThat(config.toString()).doesNotContain("s3cret");
        assertThatThrownBy(() -> ServerConfig.from(Map.of("LIVECHAT_ADMIN_PASSWORD", ""), new String[0]))
                .hasMessageStartingWith("LIVECHAT_ADMIN_PASSWORD");
    }

    @Test
    void unknown_flags_are_refused() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of(), new String[] {"--colour=blue"}))
                .hasMessage("unknown flag: --colour");
        assertThatThrownBy(() -> ServerConfig.from(Map.of(), new String[] {"--port"}))
                .hasMessage("--port needs a value");
    }
}
