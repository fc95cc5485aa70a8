package dev.livechat.domain.room;

import java.util.Optional;

/** The room fields {@code chatHistory} and {@code searchChats} may sort by (contract 1.9 allowlist). */
public enum RoomSortField {
    TS("ts"), LM("lm"), CLOSED_AT("closedAt"), UPDATED_AT("_updatedAt"), MSGS("msgs"), FNAME("fname");

    private final String wireName;

    RoomSortField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<RoomSortField> fromWireName(String name) {
        for (RoomSortField field : values()) {
            if (field.wireName.equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
