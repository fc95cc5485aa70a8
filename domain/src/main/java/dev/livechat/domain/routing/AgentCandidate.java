package dev.livechat.domain.routing;

import dev.livechat.domain.shared.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * An available agent that may receive a room, with the load figures {@link AgentSelector} balances on.
 *
 * @param id             the agent
 * @param username       the agent's username
 * @param openRooms      open rooms the agent serves right now
 * @param lastAssignedAt the agent's last assignment, or null when never assigned
 */
public record AgentCandidate(UserId id, String username, int openRooms, Instant lastAssignedAt) {

    public AgentCandidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
    }
}
