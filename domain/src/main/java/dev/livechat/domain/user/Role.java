package dev.livechat.domain.user;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static dev.livechat.domain.user.Permission.*;

/** The four fixed roles and their permissions (contract 1.11); permissions cannot change at run time. */
public enum Role {
    ADMIN("admin", EnumSet.allOf(Permission.class)),
    LIVECHAT_MANAGER("livechat-manager", EnumSet.complementOf(EnumSet.of(CREATE_USER))),
    LIVECHAT_AGENT("livechat-agent", EnumSet.of(VIEW_L_ROOM, CLOSE_LIVECHAT_ROOM, CHANGE_LIVECHAT_ROOM_VISITOR)),
    USER("user", EnumSet.noneOf(Permission.class));

    private final String wireName;
    private final Set<Permission> permissions;

    Role(String wireName, Set<Permission> permissions) {
        this.wireName = wireName;
        this.permissions = permissions;
    }

    public String wireName() {
        return wireName;
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }

    /** The role with this wire name, or empty for any other string. */
    public static Optional<Role> fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName.equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
