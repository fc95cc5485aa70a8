package dev.livechat.domain.user;

import dev.livechat.domain.shared.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An account that logs in: admin, manager, agent or plain user (contract 2.6). Immutable: each change returns the
 * user as it is afterwards. The password hash never leaves the application layer.
 */
public final class User {

    /** Usernames: 1..64 characters of {@code [0-9a-zA-Z-_.]} (contract 1.15). */
    public static final Pattern USERNAME = Pattern.compile("^[0-9a-zA-Z\\-_.]{1,64}$");

    private final UserId id;
    private final String username;
    private final String name;
    private final UserEmail email;
    private final String passwordHash;
    private final boolean active;
    private final List<Role> roles;
    private final AgentStatus statusLivechat;
    private final Instant createdAt;
    private final Instant updatedAt;

    private User(UserId id, String username, String name, UserEmail email, String passwordHash, boolean active,
                 List<Role> roles, AgentStatus statusLivechat, Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.username = Objects.requireNonNull(username, "username");
        this.name = name;
        this.email = email;
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.active = active;
        this.roles = List.copyOf(roles);
        this.statusLivechat = statusLivechat;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        if (this.roles.contains(Role.LIVECHAT_AGENT) != (statusLivechat != null)) {
            throw new IllegalArgumentException("exactly the agents have a livechat status");
        }
    }

    /** A new account; agents start {@code available} (contract 4.4). */
    public static User create(UserId id, String username, String name, UserEmail email, String passwordHash,
                              boolean active, List<Role> roles, Instant now) {
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("invalid username");
        }
        AgentStatus status = roles.contains(Role.LIVECHAT_AGENT) ? AgentStatus.AVAILABLE : null;
        return new User(id, username, name, email, passwordHash, active, roles, status, now, now);
    }

    /** Rebuilds a user from stored state: the one way adapters create a {@code User}. */
    public static User restore(UserId id, String username, String name, UserEmail email, String passwordHash,
                               boolean active, List<Role> roles, AgentStatus statusLivechat, Instant createdAt,
                               Instant updatedAt) {
        return new User(id, username, name, email, passwordHash, active, roles, statusLivechat, createdAt, updatedAt);
    }

    /** Grants a role (idempotent); a new agent becomes {@code available}. */
    public User withRole(Role role, Instant now) {
        if (roles.contains(role)) {
            return this;
        }
        List<Role> next = new ArrayList<>(roles);
        next.add(role);
        AgentStatus status = role == Role.LIVECHAT_AGENT ? AgentStatus.AVAILABLE : statusLivechat;
        return new User(id, username, name, email, passwordHash, active, next, status, createdAt, now);
    }

    /** Removes a role (idempotent); an agent losing the role loses its livechat status. */
    public User withoutRole(Role role, Instant now) {
        if (!roles.contains(role)) {
            return this;
        }
        List<Role> next = new ArrayList<>(roles);
        next.remove(role);
        AgentStatus status = role == Role.LIVECHAT_AGENT ? null : statusLivechat;
        return new User(id, username, name, email, passwordHash, active, next, status, createdAt, now);
    }

    /** Sets an agent's livechat status. */
    public User withLivechatStatus(AgentStatus status, Instant now) {
        if (!isAgent()) {
            throw new IllegalStateException("only agents have a livechat status");
        }
        return new User(id, username, name, email, passwordHash, active, roles, Objects.requireNonNull(status),
                createdAt, now);
    }

    public boolean has(Permission permission) {
        for (Role role : roles) {
            if (role.grants(permission)) {
                return true;
            }
        }
        return false;
    }

    public boolean isAgent() {
        return roles.contains(Role.LIVECHAT_AGENT);
    }

    public UserId id() {
        return id;
    }

    public String username() {
        return username;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Optional<UserEmail> email() {
        return Optional.ofNullable(email);
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean active() {
        return active;
    }

    public List<Role> roles() {
        return roles;
    }

    public Optional<AgentStatus> statusLivechat() {
        return Optional.ofNullable(statusLivechat);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof User other)) {
            return false;
        }
        return id.equals(other.id) && username.equals(other.username) && Objects.equals(name, other.name)
                && Objects.equals(email, other.email) && passwordHash.equals(other.passwordHash)
                && active == other.active && roles.equals(other.roles)
                && statusLivechat == other.statusLivechat && createdAt.equals(other.createdAt)
                && updatedAt.equals(other.updatedAt);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** Never prints the password hash. */
    @Override
    public String toString() {
        return "User[" + id + ", " + username + "]";
    }
}
