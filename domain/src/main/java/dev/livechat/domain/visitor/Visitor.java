package dev.livechat.domain.visitor;

import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An anonymous end customer identified by the token the client chose (contract 2.1). Immutable: each change returns
 * the visitor as it is afterwards.
 */
public final class Visitor {

    public static final String ONLINE = "online";

    private final VisitorId id;
    private final String username;
    private final Instant ts;
    private final Instant updatedAt;
    private final VisitorToken token;
    private final String status;
    private final String name;
    private final String email;
    private final String phone;
    private final DepartmentId department;
    private final LastChat lastChat;

    private Visitor(VisitorId id, String username, Instant ts, Instant updatedAt, VisitorToken token, String status,
                    String name, String email, String phone, DepartmentId department, LastChat lastChat) {
        this.id = Objects.requireNonNull(id, "id");
        this.username = Objects.requireNonNull(username, "username");
        this.ts = Objects.requireNonNull(ts, "ts");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.token = Objects.requireNonNull(token, "token");
        this.status = Objects.requireNonNull(status, "status");
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.department = department;
        this.lastChat = lastChat;
    }

    /** A new visitor {@code guest-<guestNumber>} with the given fields, online (contract 4.8 step 5). */
    public static Visitor register(VisitorId id, long guestNumber, VisitorToken token, VisitorProfile profile, Instant now) {
        if (guestNumber < 1) {
            throw new IllegalArgumentException("guest numbers start at 1");
        }
        return new Visitor(id, "guest-" + guestNumber, now, now, token, ONLINE, profile.name(), profile.email(),
                profile.phone(), profile.department(), null);
    }

    /** Rebuilds a visitor from stored state: the one way adapters create a {@code Visitor}. */
    public static Visitor restore(VisitorId id, String username, Instant ts, Instant updatedAt, VisitorToken token,
                                  String status, String name, String email, String phone, DepartmentId department,
                                  LastChat lastChat) {
        return new Visitor(id, username, ts, updatedAt, token, status, name, email, phone, department, lastChat);
    }

    /** Registration of an existing token: online again; each given field replaces the stored one. */
    public Visitor reregister(VisitorProfile profile, Instant now) {
        return new Visitor(id, username, ts, now, token, ONLINE,
                profile.name() != null ? profile.name() : name,
                profile.email() != null ? profile.email() : email,
                profile.phone() != null ? profile.phone() : phone,
                profile.department() != null ? profile.department() : department,
                lastChat);
    }

    /** Records the visitor's newest room. */
    public Visitor withLastChat(LastChat chat, Instant now) {
        return new Visitor(id, username, ts, now, token, status, name, email, phone, department, chat);
    }

    /** Forgets a department that was removed. */
    public Visitor withoutDepartment(Instant now) {
        return new Visitor(id, username, ts, now, token, status, name, email, phone, null, lastChat);
    }

    public VisitorId id() {
        return id;
    }

    public String username() {
        return username;
    }

    public Instant ts() {
        return ts;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public VisitorToken token() {
        return token;
    }

    public String status() {
        return status;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    public Optional<String> phone() {
        return Optional.ofNullable(phone);
    }

    public Optional<DepartmentId> department() {
        return Optional.ofNullable(department);
    }

    public Optional<LastChat> lastChat() {
        return Optional.ofNullable(lastChat);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Visitor other)) {
            return false;
        }
        return id.equals(other.id) && username.equals(other.username) && ts.equals(other.ts)
                && updatedAt.equals(other.updatedAt) && token.equals(other.token) && status.equals(other.status)
                && Objects.equals(name, other.name) && Objects.equals(email, other.email)
                && Objects.equals(phone, other.phone) && Objects.equals(department, other.department)
                && Objects.equals(lastChat, other.lastChat);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Visitor[" + id + ", " + username + "]";
    }
}
