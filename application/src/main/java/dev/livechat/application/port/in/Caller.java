package dev.livechat.application.port.in;

import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.Permission;
import dev.livechat.domain.user.Role;

import java.util.List;
import java.util.Objects;

/**
 * An authenticated user making a request: who they are and which roles (hence permissions) they hold.
 *
 * @param id       the user's id
 * @param username the user's username
 * @param name     the user's display name, or null
 * @param roles    the user's roles, in stored order
 */
public record Caller(UserId id, String username, String name, List<Role> roles) {

    public Caller {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        roles = List.copyOf(roles);
    }

    /** True when any of the caller's roles grants the permission (contract 1.11: the union over roles). */
    public boolean has(Permission permission) {
        for (Role role : roles) {
            if (role.grants(permission)) {
                return true;
            }
        }
        return false;
    }
}
