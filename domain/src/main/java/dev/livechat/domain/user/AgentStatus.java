package dev.livechat.domain.user;

import java.util.Optional;

/** An agent's {@code statusLivechat}: whether they take new chats. */
public enum AgentStatus {
    AVAILABLE("available"), NOT_AVAILABLE("not-available");

    private final String wireName;

    AgentStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public AgentStatus opposite() {
        return this == AVAILABLE ? NOT_AVAILABLE : AVAILABLE;
    }

    public static Optional<AgentStatus> fromWireName(String name) {
        for (AgentStatus status : values()) {
            if (status.wireName.equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
