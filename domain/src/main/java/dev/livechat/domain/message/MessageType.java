package dev.livechat.domain.message;

import java.util.Optional;

/** Every kind of message a room holds (contract 2.3), with its wire {@code t} and its effect class (contract 5.2). */
public enum MessageType {
    /** A visitor or agent text message: no {@code t} on the wire. */
    TEXT(null, MessageClass.TEXT),
    LIVECHAT_STARTED("livechat-started", MessageClass.ROOM_EVENT),
    COMMAND("command", MessageClass.MEMBERSHIP),
    USER_JOINED("uj", MessageClass.MEMBERSHIP),
    USER_LEFT("ul", MessageClass.MEMBERSHIP),
    TRANSFER_HISTORY("livechat_transfer_history", MessageClass.ROOM_EVENT),
    LIVECHAT_CLOSE("livechat-close", MessageClass.ROOM_EVENT);

    /** How a message of a type affects its room (contract 5.2). */
    public enum MessageClass { TEXT, ROOM_EVENT, MEMBERSHIP }

    private final String wireName;
    private final MessageClass messageClass;

    MessageType(String wireName, MessageClass messageClass) {
        this.wireName = wireName;
        this.messageClass = messageClass;
    }

    /** The {@code t} value, or null for {@link #TEXT}. */
    public String wireName() {
        return wireName;
    }

    public MessageClass messageClass() {
        return messageClass;
    }

    /** System messages carry {@code t} and {@code groupable: false}. */
    public boolean isSystem() {
        return this != TEXT;
    }

    /** The type for a stored {@code t} (null or absent = text). */
    public static Optional<MessageType> fromWireName(String t) {
        if (t == null) {
            return Optional.of(TEXT);
        }
        for (MessageType type : values()) {
            if (t.equals(type.wireName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
