package dev.livechat.application.port.in;

import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.AgentStatus;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.user.User;
import dev.livechat.domain.user.UserEmail;

import java.time.Instant;
import java.util.List;

/**
 * The public form of a user (contract 2.6): never the password hash or tokens.
 *
 * @param status         {@code "online"} while the user holds an unexpired login token, else {@code "offline"}
 * @param email          the user's email, or null
 * @param name           display name, or null
 * @param statusLivechat agents only, else null
 */
public record UserView(UserId id, String username, String name, UserEmail email, String status,
                       AgentStatus statusLivechat, boolean active, List<Role> roles, Instant createdAt,
                       Instant updatedAt) {

    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    public static UserView of(User user, boolean online) {
        return new UserView(user.id(), user.username(), user.name().orElse(null), user.email().orElse(null),
                online ? ONLINE : OFFLINE, user.statusLivechat().orElse(null), user.active(), user.roles(),
                user.createdAt(), user.updatedAt());
    }
}
