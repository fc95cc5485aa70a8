package dev.livechat.domain.routing;

/** How new rooms reach agents (contract 6.1). */
public enum RoutingMethod {
    /** Assigned at once to the agent {@link AgentSelector} chooses. */
    AUTO_SELECTION("Auto_Selection"),
    /** Queued until an agent takes the inquiry. */
    MANUAL_SELECTION("Manual_Selection");

    private final String configName;

    RoutingMethod(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }
}
