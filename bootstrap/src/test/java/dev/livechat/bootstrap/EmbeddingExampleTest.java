package dev.livechat.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import dev.livechat.adapter.jdbc.JdbcStore;
import dev.livechat.application.port.in.Caller;
import dev.livechat.application.port.in.CreateUserCommand;
import dev.livechat.application.port.in.EnsureAdminCommand;
import dev.livechat.application.port.in.GetRoomCommand;
import dev.livechat.application.port.in.LivechatUseCases;
import dev.livechat.application.port.in.LoginCommand;
import dev.livechat.application.port.in.LoginResult;
import dev.livechat.application.port.in.RegisterVisitorCommand;
import dev.livechat.application.port.in.RoomResult;
import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.service.LivechatSettings;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.visitor.Visitor;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's "Embedding without HTTP" example, kept compiling and working. */
class EmbeddingExampleTest {

    @Test
    void the_readme_example_opens_and_routes_a_room_without_http() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:livechat-embedding;DB_CLOSE_DELAY=-1");
        StorePorts ports = JdbcStore.open(dataSource).ports();
        LivechatServices services = LivechatServices.wire(ports, Clock.systemUTC(),
                LivechatSettings.defaults("embedded"), new BcryptPasswordHasher(), new SecureRandomIds());
        LivechatUseCases livechat = services.useCases();
        try {
            Visitor maria = livechat.registerVisitor().registerVisitor(
                    new RegisterVisitorCommand("maria-token-1", "Maria", null, null, null));

            services.ensureAdmin().ensureAdmin(new EnsureAdminCommand("admin", "admin-pass"));
            LoginResult session = livechat.login().login(new LoginCommand("admin", false, "admin-pass"));
            Caller admin = livechat.authenticate().authenticate(session.me().id().value(), session.authToken());
            livechat.createUser().createUser(new CreateUserCommand(admin, "faria@example.com", "Faria Masood",
                    "agent-pass", "faria.masood", List.of("user", "livechat-agent"), null, null));
            livechat.login().login(new LoginCommand("faria.masood", false, "agent-pass"));

            RoomResult room = livechat.getOrOpenRoom().getOrOpenRoom(
                    new GetRoomCommand("maria-token-1", null, null, RoomSource.API));

            assertThat(room.newRoom()).isTrue();
            assertThat(room.room().visitor().id()).isEqualTo(maria.id());
            assertThat(room.room().servedBy().username()).isEqualTo("faria.masood");
        } finally {
            dataSource.close();
        }
    }
}
