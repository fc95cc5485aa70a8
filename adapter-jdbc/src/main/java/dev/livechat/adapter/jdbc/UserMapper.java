package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.internal.Row;
import dev.livechat.adapter.jdbc.internal.SqlValues;
import dev.livechat.domain.message.SearchText;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.AgentStatus;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.user.User;
import dev.livechat.domain.user.UserEmail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Maps a {@link User} to and from a {@code users} row; roles live in {@code user_roles}. */
final class UserMapper {

    private UserMapper() {
    }

    /** Every column except {@code last_assigned_at}, which belongs to routing, not to the user aggregate. */
    static Row row(User user) {
        UserEmail email = user.email().orElse(null);
        String name = user.name().orElse(null);
        return new Row()
                .string("id", user.id().value())
                .string("username", user.username())
                .string("username_lower", lower(user.username()))
                .string("name", name)
                .string("name_folded", name == null ? null : SearchText.fold(name))
                .string("email", email == null ? null : email.address())
                .string("email_lower", email == null ? null : lower(email.address()))
                .nullableBool("email_verified", email == null ? null : email.verified())
                .string("password_hash", user.passwordHash())
                .bool("active", user.active())
                .string("status_livechat", user.statusLivechat().map(AgentStatus::wireName).orElse(null))
                .timestamp("created_at", user.createdAt())
                .timestamp("updated_at", user.updatedAt());
    }

    /** The lookup key of usernames and emails: {@code Locale.ROOT} lower case. */
    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** A user row as read, waiting for its roles (a {@link User} cannot exist without them). */
    record Stored(String id, String username, String name, String email, boolean emailVerified, String passwordHash,
                  boolean active, String statusLivechat, Instant createdAt, Instant updatedAt) {

        User toUser(List<Role> roles) {
            return User.restore(new UserId(id), username, name, email == null ? null : new UserEmail(email, emailVerified),
                    passwordHash, active, roles,
                    statusLivechat == null ? null : AgentStatus.fromWireName(statusLivechat)
                            .orElseThrow(() -> new IllegalStateException("unknown stored agent status: " + statusLivechat)),
                    createdAt, updatedAt);
        }
    }

    static Stored read(ResultSet rs) throws SQLException {
        return new Stored(rs.getString("id"), rs.getString("username"), rs.getString("name"), rs.getString("email"),
                rs.getBoolean("email_verified"), rs.getString("password_hash"), rs.getBoolean("active"),
                rs.getString("status_livechat"), SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "updated_at"));
    }

    static Role role(String wireName) {
        return Role.fromWireName(wireName)
                .orElseThrow(() -> new IllegalStateException("unknown stored role: " + wireName));
    }
}
