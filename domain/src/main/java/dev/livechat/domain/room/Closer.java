package dev.livechat.domain.room;

/** Who closed a room: the room's {@code closer}. */
public enum Closer {
    USER("user"), VISITOR("visitor");

    private final String wireName;

    Closer(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Closer fromWireName(String name) {
        for (Closer closer : values()) {
            if (closer.wireName.equals(name)) {
                return closer;
            }
        }
        throw new IllegalArgumentException("unknown closer: " + name);
    }
}
