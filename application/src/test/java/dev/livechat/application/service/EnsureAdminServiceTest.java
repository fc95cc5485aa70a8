package dev.livechat.application.service;

import dev.livechat.application.port.in.EnsureAdminCommand;
import dev.livechat.application.port.out.UserRepository;
import dev.livechat.application.testing.Concurrently;
import dev.livechat.application.testing.Concurrently.Outcome;
import dev.livechat.application.testing.FakeSecretGenerator;
import dev.livechat.application.testing.InMemoryLivechat;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.user.User;
import dev.livechat.domain.user.UserSortField;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The first-start admin (contract 7) and the server information (contract 4.0). */
class EnsureAdminServiceTest {

    private static final List<SortKey<UserSortField>> BY_USERNAME = List.of(new SortKey<>(UserSortField.USERNAME, true));

    private final InMemoryLivechat app = new InMemoryLivechat();

    private List<User> admins() {
        return app.stores().users().findByRole(Role.ADMIN, null, BY_USERNAME, 0, 50).items();
    }

    @Test
    void withoutAnAdminOneIsCreatedWithAGeneratedPasswordReturnedOnce() {
        Optional<String> generated = app.ensureAdmin().ensureAdmin(new EnsureAdminCommand("admin", null));

        assertThat(generated).hasValueSatisfying(password -> assertThat(password).hasSize(24)
                .matches("[23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz]{24}"));
        User admin = app.stores().users().findByUsername("admin").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.name()).contains("admin");
        assertThat(admin.email()).isEmpty();
        assertThat(admin.active()).isTrue();
        assertThat(admin.statusLivechat()).isEmpty();
        assertThat(app.hasher().matches(generated.get(), admin.passwordHash())).isTrue();

        assertThat(app.ensureAdmin().ensureAdmin(new EnsureAdminCommand("admin", null))).isEmpty();
        assertThat(admins()).containsExactly(admin);
    }

    @Test
    void aConfiguredPasswordIsUsedAndNeverResetsAnExistingAdmin() {
        assertThat(app.ensureAdmin().ensureAdmin(new EnsureAdminCommand("root.admin", "first password"))).isEmpty();
        User admin = app.stores().users().findByUsername("root.admin").orElseThrow();
        assertThat(app.hasher().matches("first password", admin.passwordHash())).isTrue();

        assertThat(app.ensureAdmin().ensureAdmin(new EnsureAdminCommand("root.admin", "second password"))).isEmpty();
        assertThat(app.ensureAdmin().ensureAdmin(new EnsureAdminCommand("another", null))).isEmpty();

        assertThat(app.stores().users().findById(admin.id())).contains(admin);
        assertThat(admins()).containsExactly(admin);
    }

    @Test
    void aNonAdminHoldingTheUsernameStopsTheStart() {
        app.storeUser("admin", Role.USER, Role.LIVECHAT_AGENT);

        assertThatThrownBy(() -> app.ensureAdmin().ensureAdmin(new EnsureAdminCommand("ADMIN", null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\"ADMIN\"").hasMessageContaining("not an admin");
        assertThat(admins()).isEmpty();
    }

    @Test
    void theUsernameMustBeAValidUsernameAndThePasswordNotEmpty() {
        assertThatThrownBy(() -> app.ensureAdmin().ensureAdmin(new EnsureAdminCommand("bad name", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> app.ensureAdmin().ensureAdmin(new EnsureAdminCommand("admin", "")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(app.stores().allUsers()).isEmpty();
    }

    @Test
    void instancesStartingTogetherCreateOneAdmin() {
        List<Outcome<Optional<String>>> outcomes = Concurrently.run(8, i -> new EnsureAdminService(
                app.stores().users(), app.hasher(), new FakeSecretGenerator(), app.ids(), app.clock())
                .ensureAdmin(new EnsureAdminCommand("admin", null)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(outcomes).filteredOn(o -> o.value().isPresent()).hasSize(1);
        assertThat(admins()).hasSize(1);
    }

    @Test
    void losingTheInsertToAnotherInstancesAdminIsFine() {
        app.ensureAdmin().ensureAdmin(new EnsureAdminCommand("admin", "pw"));
        EnsureAdminService late = new EnsureAdminService(new NoAdminSeen(app.stores().users()), app.hasher(),
                app.secrets(), app.ids(), app.clock());

        assertThat(late.ensureAdmin(new EnsureAdminCommand("admin", null))).isEmpty();
        assertThat(admins()).hasSize(1);
    }

    @Test
    void theServerInfoIsTheConfiguredVersion() {
        assertThat(app.serverInfo().serverInfo().version()).isEqualTo(app.settings().version());
    }

    /** A user store whose checks run before another instance's admin became visible. */
    private record NoAdminSeen(UserRepository delegate, AtomicBoolean inserted) implements UserRepository {

        NoAdminSeen(UserRepository delegate) {
            this(delegate, new AtomicBoolean());
        }

        @Override
        public void insert(User user) {
            inserted.set(true);
            delegate.insert(user);
        }

        @Override
        public Optional<User> findById(UserId id) {
            return delegate.findById(id);
        }

        @Override
        public Optional<User> findByUsername(String username) {
            return inserted.get() ? delegate.findByUsername(username) : Optional.empty();
        }

        @Override
        public Optional<User> findByEmail(String email) {
            return delegate.findByEmail(email);
        }

        @Override
        public void update(User user) {
            delegate.update(user);
        }

        @Override
        public boolean existsWithRole(Role role) {
            return false;
        }

        @Override
        public Page<User> findByRole(Role role, String text, List<SortKey<UserSortField>> sort, int offset,
                                     int count) {
            return delegate.findByRole(role, text, sort, offset, count);
        }
    }
}
