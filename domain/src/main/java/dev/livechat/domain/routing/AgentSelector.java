package dev.livechat.domain.routing;

import dev.livechat.domain.shared.UserId;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Auto_Selection's choice among candidates (contract 6.2, 6.3, 7a): agents at the chat limit drop out; a preferred
 * agent who remains a candidate wins; otherwise the fewest open rooms, then the oldest last assignment (never assigned
 * first), then the username in code-point order.
 */
public final class AgentSelector {

    private static final Comparator<AgentCandidate> LEAST_LOADED = Comparator
            .comparingInt(AgentCandidate::openRooms)
            .thenComparing(AgentCandidate::lastAssignedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(AgentCandidate::username);

    private AgentSelector() {
    }

    /**
     * @param candidates        available agents (already restricted to the room's department)
     * @param preferred         the visitor's preferred agent, if any
     * @param maxChatsPerAgent  open rooms an agent may serve at once; 0 = no limit
     * @return the chosen agent, or empty when nobody can take the room
     */
    public static Optional<AgentCandidate> choose(List<AgentCandidate> candidates, Optional<UserId> preferred,
                                                  int maxChatsPerAgent) {
        List<AgentCandidate> eligible = candidates.stream()
                .filter(c -> maxChatsPerAgent <= 0 || c.openRooms() < maxChatsPerAgent)
                .toList();
        if (preferred.isPresent()) {
            Optional<AgentCandidate> match = eligible.stream().filter(c -> c.id().equals(preferred.get())).findFirst();
            if (match.isPresent()) {
                return match;
            }
        }
        return eligible.stream().min(LEAST_LOADED);
    }
}
