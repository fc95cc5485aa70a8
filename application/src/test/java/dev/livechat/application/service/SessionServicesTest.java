package dev.livechat.application.service;

import dev.livechat.application.port.in.Caller;
import dev.livechat.application.port.in.LoginCommand;
import dev.livechat.application.port.in.LoginResult;
import dev.livechat.application.port.in.LogoutCommand;
import dev.livechat.application.port.in.UserView;
import dev.livechat.application.testing.InMemoryLivechat;
import dev.livechat.application.testing.InMemoryLivechat.Session;
import dev.livechat.domain.error.AuthenticationRequiredException;
import dev.livechat.domain.error.LoginFailedException;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.AgentStatus;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.user.User;
import dev.livechat.domain.user.UserEmail;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.livechat.application.testing.InMemoryLivechat.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Login, authentication, logout, {@code me} and presence (contract 1.3, 1.10, 1.11, 4.1–4.3). */
class SessionServicesTest {

    private final List<UserId> candidates = new ArrayList<>();
    private final InMemoryLivechat app = new InMemoryLivechat(LivechatSettings.defaults("test"),
            new dev.livechat.application.testing.MutableClock(InMemoryLivechat.DEFAULT_START), candidates::add);

    @Test
    void aLoginTokenIsStoredOnlyAsTheBase64OfItsSha256() {
        assertThat(LoginTokenHash.of("abc")).isEqualTo("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
    }

    @Test
    void loginByUsernameOrEmailIgnoringCaseIssuesAWorkingToken() {
        User faria = app.storeUser("faria.masood", Role.USER, Role.LIVECHAT_AGENT);

        LoginResult byName = app.login().login(new LoginCommand("FARIA.Masood", false, PASSWORD));
        LoginResult byEmail = app.login().login(new LoginCommand("Faria.Masood@Example.com", true, PASSWORD));

        assertThat(byName.authToken()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(byEmail.authToken()).isNotEqualTo(byName.authToken());
        assertThat(byName.me().id()).isEqualTo(faria.id());
        assertThat(byName.me().status()).isEqualTo(UserView.ONLINE);
        assertThat(byName.me().statusLivechat()).isEqualTo(AgentStatus.AVAILABLE);
        Caller caller = app.authenticate().authenticate(faria.id().value(), byName.authToken());
        assertThat(caller).isEqualTo(new Caller(faria.id(), "faria.masood", "Faria.masood",
                List.of(Role.USER, Role.LIVECHAT_AGENT)));
        assertThat(app.stores().loginTokens().isValid(faria.id(), LoginTokenHash.of(byName.authToken()),
                app.clock().instant())).isTrue();
        assertThat(app.stores().loginTokens().isValid(faria.id(), byName.authToken(), app.clock().instant()))
                .as("never stored in clear").isFalse();
    }

    @Test
    void everyLoginFailureIsTheSameError() {
        app.storeUser("faria", Role.USER);
        User inactive = User.create(new UserId("inactiveUser1"), "sleepy", null, new UserEmail("s@example.com", false),
                app.hasher().hash(PASSWORD), false, List.of(Role.USER), app.clock().instant());
        app.stores().users().insert(inactive);

        assertThatThrownBy(() -> app.login().login(new LoginCommand("faria", false, "wrong")))
                .isInstanceOf(LoginFailedException.class);
        assertThatThrownBy(() -> app.login().login(new LoginCommand("nobody", false, PASSWORD)))
                .isInstanceOf(LoginFailedException.class);
        assertThatThrownBy(() -> app.login().login(new LoginCommand("nobody@example.com", true, PASSWORD)))
                .isInstanceOf(LoginFailedException.class);
        assertThatThrownBy(() -> app.login().login(new LoginCommand("faria@example.com", false, PASSWORD)))
                .as("an email given as a username").isInstanceOf(LoginFailedException.class);
        assertThatThrownBy(() -> app.login().login(new LoginCommand("sleepy", false, PASSWORD)))
                .isInstanceOf(LoginFailedException.class);
        assertThat(app.stores().loginTokenCount()).isZero();
    }

    @Test
    void aTokenExpiresAfterTheLoginExpiration() {
        Session session = app.createAgent("faria");
        app.clock().advance(Duration.ofDays(90).minusMillis(1));
        assertThat(app.authenticate().authenticate(session.userId().value(), session.authToken())).isNotNull();

        app.clock().advanceMillis(1);

        assertThatThrownBy(() -> app.authenticate().authenticate(session.userId().value(), session.authToken()))
                .isInstanceOf(AuthenticationRequiredException.class);
        assertThat(app.me().me(session.caller()).status()).isEqualTo(UserView.OFFLINE);
    }

    @Test
    void authenticationNeedsBothValuesAWellFormedIdAValidTokenAndAnActiveUser() {
        Session session = app.createAgent("faria");
        String id = session.userId().value();
        String token = session.authToken();
        Session other = app.createAgent("omar");

        for (String[] attempt : new String[][]{
                {null, token}, {id, null}, {id, ""}, {"", token}, {"not/an id", token}, {"x".repeat(65), token},
                {id, token + "x"}, {id, token.toUpperCase(java.util.Locale.ROOT)},
                {other.userId().value(), token}, {"unknownUserId", token}}) {
            assertThatThrownBy(() -> app.authenticate().authenticate(attempt[0], attempt[1]))
                    .as("%s / %s", attempt[0], attempt[1])
                    .isInstanceOf(AuthenticationRequiredException.class);
        }

        User faria = app.stores().users().findById(session.userId()).orElseThrow();
        app.stores().users().update(User.restore(faria.id(), faria.username(), faria.name().orElse(null),
                faria.email().orElse(null), faria.passwordHash(), false, faria.roles(),
                faria.statusLivechat().orElse(null), faria.createdAt(), app.clock().instant()));
        assertThatThrownBy(() -> app.authenticate().authenticate(id, token))
                .isInstanceOf(AuthenticationRequiredException.class);
    }

    @Test
    void aVisitorTokenIsNeverAnAuthToken() {
        Session session = app.createAgent("faria");
        app.registerVisitor("visitor-token");

        assertThatThrownBy(() -> app.authenticate().authenticate(session.userId().value(), "visitor-token"))
                .isInstanceOf(AuthenticationRequiredException.class);
    }

    @Test
    void logoutDeletesOnlyTheTokenOfTheRequest() {
        Session first = app.createAgent("faria");
        Session second = app.logIn("faria");

        app.logout().logout(new LogoutCommand(first.caller(), first.authToken()));

        assertThatThrownBy(() -> app.authenticate().authenticate(first.userId().value(), first.authToken()))
                .isInstanceOf(AuthenticationRequiredException.class);
        assertThat(app.authenticate().authenticate(second.userId().value(), second.authToken())).isNotNull();
        assertThat(app.me().me(second.caller()).status()).as("still holds a session").isEqualTo(UserView.ONLINE);

        app.logout().logout(new LogoutCommand(second.caller(), second.authToken()));
        assertThat(app.me().me(second.caller()).status()).isEqualTo(UserView.OFFLINE);
    }

    @Test
    void meIsThePublicFormWithPresence() {
        Session session = app.createUser("boss", Role.ADMIN);

        UserView me = app.me().me(session.caller());

        assertThat(me.id()).isEqualTo(session.userId());
        assertThat(me.username()).isEqualTo("boss");
        assertThat(me.status()).isEqualTo(UserView.ONLINE);
        assertThat(me.statusLivechat()).isNull();
        assertThat(me.roles()).containsExactly(Role.ADMIN);
        assertThat(me.active()).isTrue();
    }

    @Test
    void aLoginOfAnAvailableAgentIsAnnouncedToTheQueueDrain() {
        Session agent = app.createAgent("faria");
        app.createUser("plain", Role.USER);
        User away = app.storeUser("away", Role.USER, Role.LIVECHAT_AGENT);
        app.stores().users().update(away.withLivechatStatus(AgentStatus.NOT_AVAILABLE, app.clock().instant()));
        app.logIn("away");

        assertThat(candidates).containsExactly(agent.userId());
    }
}
