package dev.livechat.application.service;

import dev.livechat.domain.routing.RoutingMethod;

import java.time.Duration;
import java.util.Objects;

/**
 * The server-wide settings the services obey (contract 7).
 *
 * @param routingMethod            Auto_Selection or Manual_Selection
 * @param acceptChatsWithNoAgents  open rooms even when no agent is available
 * @param maxChatsPerAgent         open rooms an agent may serve under Auto_Selection; 0 = no limit
 * @param loginExpiration          lifetime of a login token (90 days by default)
 * @param version                  the project version reported by {@code GET /api/info}
 */
public record LivechatSettings(RoutingMethod routingMethod, boolean acceptChatsWithNoAgents, int maxChatsPerAgent,
                               Duration loginExpiration, String version) {

    public static final Duration DEFAULT_LOGIN_EXPIRATION = Duration.ofDays(90);

    public LivechatSettings {
        Objects.requireNonNull(routingMethod, "routingMethod");
        Objects.requireNonNull(loginExpiration, "loginExpiration");
        Objects.requireNonNull(version, "version");
        if (maxChatsPerAgent < 0) {
            throw new IllegalArgumentException("maxChatsPerAgent must be >= 0");
        }
    }

    /** Contract defaults: Auto_Selection, no chats without agents, no chat limit, 90-day logins. */
    public static LivechatSettings defaults(String version) {
        return new LivechatSettings(RoutingMethod.AUTO_SELECTION, false, 0, DEFAULT_LOGIN_EXPIRATION, version);
    }
}
