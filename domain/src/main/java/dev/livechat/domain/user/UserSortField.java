package dev.livechat.domain.user;

import java.util.Optional;

/** The user fields {@code livechat/users/:type} may sort by (contract 1.9 allowlist). */
public enum UserSortField {
    USERNAME("username"), NAME("name");

    private final String wireName;

    UserSortField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<UserSortField> fromWireName(String name) {
        for (UserSortField field : values()) {
            if (field.wireName.equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
