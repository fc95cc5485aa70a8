package dev.livechat.domain.department;

import java.util.Optional;

/** The department fields {@code GET livechat/department} may sort by (contract 1.9 allowlist). */
public enum DepartmentSortField {
    NAME("name"), UPDATED_AT("_updatedAt");

    private final String wireName;

    DepartmentSortField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<DepartmentSortField> fromWireName(String name) {
        for (DepartmentSortField field : values()) {
            if (field.wireName.equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
