package dev.livechat.application.port.out.contract;

import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.port.out.UserRepository;
import dev.livechat.application.testing.Concurrently.Outcome;
import dev.livechat.application.testing.Concurrently;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.AgentStatus;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.user.User;
import dev.livechat.domain.user.UserEmail;
import dev.livechat.domain.user.UserSortField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.livechat.application.port.out.contract.ContractFixtures.T0;
import static dev.livechat.application.port.out.contract.ContractFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link UserRepository} guarantees: exact round trips, usernames and emails unique and found ignoring
 * case, and role listings filtered, sorted (absent names smallest, ties by id) and paged.
 */
public abstract class UserRepositoryContract {

    private static final List<SortKey<UserSortField>> BY_USERNAME = List.of(new SortKey<>(UserSortField.USERNAME, true));

    private StorePorts stores;
    private UserRepository users;

    /** A fresh, empty store for each test. */
    protected abstract StorePorts newStores();

    @BeforeEach
    public final void freshStore() {
        stores = newStores();
        users = stores.users();
    }

    private static User user(String id, String username, String name, String email, Role... roles) {
        return User.create(new UserId(id), username, name, email == null ? null : new UserEmail(email, false),
                "hash:" + username, true, List.of(roles), T0);
    }

    private static List<String> usernames(Page<User> page) {
        return page.items().stream().map(User::username).toList();
    }

    @Test
    public final void aUserRoundTripsEveryField() {
        User full = User.restore(new UserId("XycfA5CetCPuEjqxw"), "faria.masood", "Faria Masood ✓",
                new UserEmail("faria@example.com", true), "$2b$10$abcdefghijklmnopqrstuv", false,
                List.of(Role.LIVECHAT_AGENT, Role.USER, Role.ADMIN), AgentStatus.NOT_AVAILABLE, at(1), at(5_001));

        users.insert(full);

        User stored = users.findById(full.id()).orElseThrow();
        assertThat(stored).isEqualTo(full);
        assertThat(stored.roles()).containsExactly(Role.LIVECHAT_AGENT, Role.USER, Role.ADMIN);
        assertThat(stored.passwordHash()).isEqualTo("$2b$10$abcdefghijklmnopqrstuv");
        assertThat(stored.email()).contains(new UserEmail("faria@example.com", true));
        assertThat(stored.statusLivechat()).contains(AgentStatus.NOT_AVAILABLE);
        assertThat(stored.active()).isFalse();
    }

    @Test
    public final void absentNameEmailAndLivechatStatusStayAbsent() {
        User admin = user("adminId", "admin", null, null, Role.ADMIN);

        users.insert(admin);

        User stored = users.findById(admin.id()).orElseThrow();
        assertThat(stored).isEqualTo(admin);
        assertThat(stored.name()).isEmpty();
        assertThat(stored.email()).isEmpty();
        assertThat(stored.statusLivechat()).isEmpty();
        assertThat(users.findById(new UserId("unknownUser"))).isEmpty();
    }

    @Test
    public final void usernamesAndEmailsAreFoundIgnoringCase() {
        User faria = user("u1", "Faria.Masood", "Faria", "faria@example.com", Role.USER);
        users.insert(faria);

        assertThat(users.findByUsername("faria.masood")).contains(faria);
        assertThat(users.findByUsername("FARIA.MASOOD")).contains(faria);
        assertThat(users.findByEmail("Faria@Example.COM")).contains(faria);
        assertThat(users.findByUsername("faria")).isEmpty();
        assertThat(users.findByUsername("faria_masood")).as("no wildcard").isEmpty();
        assertThat(users.findByEmail("faria@example")).isEmpty();
        assertThat(users.findByEmail("%")).isEmpty();
    }

    @Test
    public final void usernamesAreUniqueIgnoringCase() {
        users.insert(user("u1", "faria.masood", null, "one@example.com", Role.USER));

        assertThatThrownBy(() -> users.insert(user("u2", "Faria.Masood", null, "two@example.com", Role.USER)))
                .isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.USERNAME));
        assertThat(users.findById(new UserId("u2"))).isEmpty();
    }

    @Test
    public final void emailsAreUniqueIgnoringCaseButUsersMayHaveNone() {
        users.insert(user("u1", "one", null, "same@example.com", Role.USER));

        assertThatThrownBy(() -> users.insert(user("u2", "two", null, "SAME@example.com", Role.USER)))
                .isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.USER_EMAIL));

        users.insert(user("u3", "three", null, null, Role.ADMIN));
        users.insert(user("u4", "four", null, null, Role.ADMIN));
        assertThat(users.findById(new UserId("u4"))).isPresent();
    }

    @Test
    public final void updateReplacesRolesStatusAndActivity() {
        User plain = user("u1", "faria", "Faria", "faria@example.com", Role.USER);
        users.insert(plain);

        User agent = plain.withRole(Role.LIVECHAT_AGENT, at(10)).withLivechatStatus(AgentStatus.NOT_AVAILABLE, at(11));
        users.update(agent);
        assertThat(users.findById(plain.id())).contains(agent);

        User manager = agent.withoutRole(Role.LIVECHAT_AGENT, at(12)).withRole(Role.LIVECHAT_MANAGER, at(13));
        users.update(manager);
        User stored = users.findByUsername("faria").orElseThrow();
        assertThat(stored).isEqualTo(manager);
        assertThat(stored.roles()).containsExactly(Role.USER, Role.LIVECHAT_MANAGER);
        assertThat(stored.statusLivechat()).isEmpty();
        assertThat(stored.updatedAt()).isEqualTo(at(13));
    }

    @Test
    public final void existsWithRoleLooksAtEveryUser() {
        assertThat(users.existsWithRole(Role.ADMIN)).isFalse();
        users.insert(user("u1", "agent", null, "a@example.com", Role.USER, Role.LIVECHAT_AGENT));
        assertThat(users.existsWithRole(Role.ADMIN)).isFalse();
        assertThat(users.existsWithRole(Role.LIVECHAT_AGENT)).isTrue();
        users.insert(user("u2", "boss", null, null, Role.ADMIN));
        assertThat(users.existsWithRole(Role.ADMIN)).isTrue();
    }

    @Test
    public final void findByRoleListsOnlyThatRoleSortedAndPaged() {
        users.insert(user("u1", "carol", "Carol", "c@example.com", Role.USER, Role.LIVECHAT_AGENT));
        users.insert(user("u2", "alice", "Alice", "a@example.com", Role.LIVECHAT_AGENT));
        users.insert(user("u3", "bob", "Bob", "b@example.com", Role.LIVECHAT_MANAGER));
        users.insert(user("u4", "dave", null, "d@example.com", Role.LIVECHAT_AGENT, Role.LIVECHAT_MANAGER));

        Page<User> all = users.findByRole(Role.LIVECHAT_AGENT, null, BY_USERNAME, 0, 50);
        assertThat(usernames(all)).containsExactly("alice", "carol", "dave");
        assertThat(all.total()).isEqualTo(3);

        Page<User> descending = users.findByRole(Role.LIVECHAT_AGENT, null,
                List.of(new SortKey<>(UserSortField.USERNAME, false)), 0, 50);
        assertThat(usernames(descending)).containsExactly("dave", "carol", "alice");

        Page<User> second = users.findByRole(Role.LIVECHAT_AGENT, null, BY_USERNAME, 1, 1);
        assertThat(usernames(second)).containsExactly("carol");
        assertThat(second.total()).isEqualTo(3);

        Page<User> beyond = users.findByRole(Role.LIVECHAT_AGENT, null, BY_USERNAME, 10, 50);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(3);

        assertThat(usernames(users.findByRole(Role.LIVECHAT_MANAGER, null, BY_USERNAME, 0, 50)))
                .containsExactly("bob", "dave");
        assertThat(users.findByRole(Role.ADMIN, null, BY_USERNAME, 0, 50).total()).isZero();
    }

    @Test
    public final void absentNamesSortSmallestAndTiesFallBackToTheId() {
        users.insert(user("id-c", "c-user", "same", "c@example.com", Role.LIVECHAT_AGENT));
        users.insert(user("id-a", "a-user", "same", "a@example.com", Role.LIVECHAT_AGENT));
        users.insert(user("id-n", "n-user", null, "n@example.com", Role.LIVECHAT_AGENT));
        users.insert(user("id-b", "b-user", "alpha", "b@example.com", Role.LIVECHAT_AGENT));

        Page<User> ascending = users.findByRole(Role.LIVECHAT_AGENT, null,
                List.of(new SortKey<>(UserSortField.NAME, true)), 0, 50);
        assertThat(usernames(ascending)).containsExactly("n-user", "b-user", "a-user", "c-user");

        Page<User> descending = users.findByRole(Role.LIVECHAT_AGENT, null,
                List.of(new SortKey<>(UserSortField.NAME, false)), 0, 50);
        assertThat(usernames(descending)).containsExactly("a-user", "c-user", "b-user", "n-user");

        Page<User> thenUsername = users.findByRole(Role.LIVECHAT_AGENT, null,
                List.of(new SortKey<>(UserSortField.NAME, false), new SortKey<>(UserSortField.USERNAME, false)), 0, 50);
        assertThat(usernames(thenUsername)).containsExactly("c-user", "a-user", "b-user", "n-user");
    }

    @Test
    public final void theTextFilterIsALiteralCaseInsensitiveSubstringOfUsernameOrName() {
        users.insert(user("u1", "faria.masood", "Faria Masood", "f@example.com", Role.LIVECHAT_AGENT));
        users.insert(user("u2", "john_doe", "John 100%", "j@example.com", Role.LIVECHAT_AGENT));
        users.insert(user("u3", "mary", null, "m@example.com", Role.LIVECHAT_AGENT));
        users.insert(user("u4", "masood.boss", "Boss", "b@example.com", Role.LIVECHAT_MANAGER));

        assertThat(usernames(users.findByRole(Role.LIVECHAT_AGENT, "MASOOD", BY_USERNAME, 0, 50)))
                .containsExactly("faria.masood");
        assertThat(usernames(users.findByRole(Role.LIVECHAT_AGENT, "100%", BY_USERNAME, 0, 50)))
                .containsExactly("john_doe");
        assertThat(usernames(users.findByRole(Role.LIVECHAT_AGENT, "_", BY_USERNAME, 0, 50)))
                .containsExactly("john_doe");
        assertThat(usernames(users.findByRole(Role.LIVECHAT_AGENT, "%", BY_USERNAME, 0, 50)))
                .containsExactly("john_doe");
        assertThat(usernames(users.findByRole(Role.LIVECHAT_AGENT, "a.m", BY_USERNAME, 0, 50)))
                .containsExactly("faria.masood");
        assertThat(usernames(users.findByRole(Role.LIVECHAT_AGENT, "r.*", BY_USERNAME, 0, 50))).isEmpty();
        Page<User> filtered = users.findByRole(Role.LIVECHAT_AGENT, "a", BY_USERNAME, 1, 1);
        assertThat(usernames(filtered)).containsExactly("mary");
        assertThat(filtered.total()).isEqualTo(2);
    }

    @Test
    public final void concurrentInsertsOfOneUsernameInAnyCaseStoreOneUser() {
        int threads = 16;

        List<Outcome<Void>> outcomes = Concurrently.runAll(threads, i -> users.insert(
                user("racer" + i, i % 2 == 0 ? "admin" : "ADMIN", null, null, Role.ADMIN)));

        assertThat(outcomes.stream().filter(Outcome::succeeded)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.succeeded()))
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.USERNAME)));
        assertThat(users.findByRole(Role.ADMIN, null, BY_USERNAME, 0, 50).total()).isEqualTo(1);
    }
}
