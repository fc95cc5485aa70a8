package dev.livechat.application.service;

import dev.livechat.application.port.in.EnsureAdminCommand;
import dev.livechat.application.port.in.EnsureAdminUseCase;
import dev.livechat.application.port.out.IdGenerator;
import dev.livechat.application.port.out.PasswordHasher;
import dev.livechat.application.port.out.SecretGenerator;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.port.out.UserRepository;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.user.User;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates the first admin at start-up when no admin exists, with the configured or a generated password; of several
 * instances starting together at most one creates it, the unique username decides (contract 7).
 */
public final class EnsureAdminService implements EnsureAdminUseCase {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SecretGenerator secrets;
    private final IdGenerator ids;
    private final Clock clock;

    public EnsureAdminService(UserRepository users, PasswordHasher hasher, SecretGenerator secrets, IdGenerator ids,
                              Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<String> ensureAdmin(EnsureAdminCommand command) {
        String username = Objects.requireNonNull(command.username(), "username");
        if (!User.USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("the admin username \"" + username
                    + "\" is not 1..64 characters of [0-9a-zA-Z-_.]");
        }
        if (command.password() != null && command.password().isEmpty()) {
            throw new IllegalArgumentException("the admin password must not be empty");
        }
        if (users.existsWithRole(Role.ADMIN)) {
            return Optional.empty();
        }
        if (users.findByUsername(username).isPresent()) {
            return adminCreatedConcurrently(username);
        }
        boolean generated = command.password() == null;
        String password = generated ? secrets.newAdminPassword() : command.password();
        User admin = User.create(new UserId(ids.newId()), username, username, null, hasher.hash(password), true,
                List.of(Role.ADMIN), Time.now(clock));
        try {
            users.insert(admin);
        } catch (UniqueConstraintViolation e) {
            if (e.constraint() != UniqueConstraintViolation.Constraint.USERNAME) {
                throw e;
            }
            return adminCreatedConcurrently(username);
        }
        return generated ? Optional.of(password) : Optional.empty();
    }

    /** The username is taken: fine when another instance just created the admin, fatal for any other account. */
    private Optional<String> adminCreatedConcurrently(String username) {
        User existing = users.findByUsername(username).orElseThrow(() ->
                new IllegalStateException("the user \"" + username + "\" vanished while creating the first admin"));
        if (existing.roles().contains(Role.ADMIN)) {
            return Optional.empty();
        }
        throw new IllegalStateException("no admin exists and the user \"" + username
                + "\" is not an admin: refusing to create the first admin under that username");
    }
}
