package dev.livechat.application.service;

import dev.livechat.application.port.in.Caller;
import dev.livechat.application.port.in.CreateUserCommand;
import dev.livechat.application.port.in.UserView;
import dev.livechat.application.port.out.UserRepository;
import dev.livechat.application.testing.Concurrently;
import dev.livechat.application.testing.Concurrently.Outcome;
import dev.livechat.application.testing.InMemoryLivechat;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.AgentStatus;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.user.User;
import dev.livechat.domain.user.UserEmail;
import dev.livechat.domain.user.UserSortField;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code users.create}: checks in Rocket.Chat's order with its exact errors, and the created account (contract 4.4). */
class CreateUserServiceTest {

    private final InMemoryLivechat app = new InMemoryLivechat();
    private final Caller admin = app.createUser("boss", Role.ADMIN).caller();

    private CreateUserCommand command(String email, String name, String username, List<String> roles) {
        return new CreateUserCommand(admin, email, name, "s3cret", username, roles, null, null);
    }

    private static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", "insertOrUpdateUser");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            details.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return details;
    }

    @Test
    void createsAnOfflineUserWithLowerCasedEmailAndDefaults() {
        UserView view = app.createUser().createUser(command("Faria@Example.COM", "Faria Masood", "faria.masood", null));

        assertThat(view.username()).isEqualTo("faria.masood");
        assertThat(view.name()).isEqualTo("Faria Masood");
        assertThat(view.email()).isEqualTo(new UserEmail("faria@example.com", false));
        assertThat(view.status()).isEqualTo(UserView.OFFLINE);
        assertThat(view.roles()).containsExactly(Role.USER);
        assertThat(view.statusLivechat()).isNull();
        assertThat(view.active()).isTrue();
        assertThat(view.createdAt()).isEqualTo(app.clock().instant());
        User stored = app.stores().users().findById(view.id()).orElseThrow();
        assertThat(app.hasher().matches("s3cret", stored.passwordHash())).isTrue();
    }

    @Test
    void anAgentStartsAvailableAndExplicitFlagsAreKept() {
        UserView view = app.createUser().createUser(new CreateUserCommand(admin, "a@example.com", "Agent", "pw",
                "agent", List.of("user", "livechat-agent", "user"), false, true));

        assertThat(view.roles()).containsExactly(Role.USER, Role.LIVECHAT_AGENT);
        assertThat(view.statusLivechat()).isEqualTo(AgentStatus.AVAILABLE);
        assertThat(view.active()).isFalse();
        assertThat(view.email().verified()).isTrue();
    }

    @Test
    void withoutCreateUserTheHandlerRefusesWith400() {
        Caller manager = app.createManager("manager").caller();

        Expect.meteor(() -> app.createUser().createUser(new CreateUserCommand(manager, "bad", "", "pw", "", List.of("x"),
                        null, null)),
                "error-action-not-allowed", "Adding user is not allowed", details("action", "Adding_user"));
    }

    @Test
    void checksRunInRocketChatsOrder() {
        Expect.meteor(() -> app.createUser().createUser(command("bad", " ", " ", List.of("user", "root"))),
                "error-action-not-allowed", "The field Roles consist invalid role id", details("action", "Assign_role"));
        Expect.meteor(() -> app.createUser().createUser(command("bad", " ", " ", null)),
                "error-the-field-is-required", "The field Name is required", details("field", "Name"));
        Expect.meteor(() -> app.createUser().createUser(command("bad", "Name", "  ", null)),
                "error-the-field-is-required", "The field Username is required", details("field", "Username"));
        Expect.meteor(() -> app.createUser().createUser(command("bad", "Name", "<b>o'k&\"", null)),
                "error-input-is-not-a-valid-field", "&lt;b&gt;o&#39;k&amp;&quot; is not a valid username",
                details("input", "<b>o'k&\"", "field", "Username"));
        Expect.meteor(() -> app.createUser().createUser(command("bad", "Name", "x".repeat(65), null)),
                "error-input-is-not-a-valid-field", "x".repeat(65) + " is not a valid username",
                details("input", "x".repeat(65), "field", "Username"));
        Expect.meteor(() -> app.createUser().createUser(command("bad", "Name", "BOSS", null)),
                "error-field-unavailable", "BOSS is already in use :(", details("field", "BOSS"));
        Expect.meteor(() -> app.createUser().createUser(command("a<b>@x.io y", "Name", "newbie", null)),
                "error-invalid-email", "Invalid email a&lt;b&gt;@x.io y");
        Expect.meteor(() -> app.createUser().createUser(command(" padded@example.com", "Name", "newbie", null)),
                "error-invalid-email", "Invalid email  padded@example.com");
        Expect.meteor(() -> app.createUser().createUser(command("BOSS@example.com", "Name", "newbie", null)),
                "error-field-unavailable", "BOSS@example.com is already in use :(",
                details("field", "BOSS@example.com"));
        assertThat(app.stores().allUsers()).hasSize(1);
    }

    @Test
    void usernamesOfAllowedCharactersUpTo64AreValid() {
        String longest = "a".repeat(64);
        app.createUser().createUser(command("one@example.com", "One", longest, null));
        app.createUser().createUser(command("two@example.com", "Two", "Az09-_.", null));

        assertThat(app.stores().users().findByUsername(longest)).isPresent();
        assertThat(app.stores().users().findByUsername("az09-_.")).isPresent();
    }

    @Test
    void aUniquenessRaceLostAtInsertAnswersTheSameInUseErrors() {
        UserRepository blindChecks = new BlindLookups(app.stores().users());
        CreateUserService racing = new CreateUserService(blindChecks, app.hasher(), app.ids(), app.clock());

        Expect.meteor(() -> racing.createUser(command("new@example.com", "Name", "Boss", null)),
                "error-field-unavailable", "Boss is already in use :(", details("field", "Boss"));
        Expect.meteor(() -> racing.createUser(command("Boss@Example.com", "Name", "newbie", null)),
                "error-field-unavailable", "Boss@Example.com is already in use :(",
                details("field", "Boss@Example.com"));
    }

    @Test
    void concurrentCreationsOfOneUsernameCreateOneUser() {
        List<Outcome<UserView>> outcomes = Concurrently.run(16, i -> app.createUser().createUser(
                command("racer" + i + "@example.com", "Racer", i % 2 == 0 ? "racer" : "RACER", null)));

        assertThat(outcomes.stream().filter(Outcome::succeeded)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.succeeded()))
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("error-field-unavailable")));
        assertThat(app.stores().allUsers()).hasSize(2);
    }

    /** A user store whose uniqueness pre-checks see nothing, as when a concurrent request inserts in between. */
    private record BlindLookups(UserRepository delegate) implements UserRepository {
        @Override
        public void insert(User user) {
            delegate.insert(user);
        }

        @Override
        public Optional<User> findById(UserId id) {
            return delegate.findById(id);
        }

        @Override
        public Optional<User> findByUsername(String username) {
            return Optional.empty();
        }

        @Override
        public Optional<User> findByEmail(String email) {
            return Optional.empty();
        }

        @Override
        public void update(User user) {
            delegate.update(user);
        }

        @Override
        public boolean existsWithRole(Role role) {
            return delegate.existsWithRole(role);
        }

        @Override
        public Page<User> findByRole(Role role, String text, List<SortKey<UserSortField>> sort, int offset,
                                     int count) {
            return delegate.findByRole(role, text, sort, offset, count);
        }
    }
}
