package dev.livechat.application.port.out;

import dev.livechat.domain.routing.AgentCandidate;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.UserId;

import java.time.Instant;
import java.util.List;

/** The read model and the lock behind Auto_Selection (contract 6.2): who may receive a room, and how loaded they are. */
public interface AgentRouting {

    /**
     * Serialises routing decisions: held until the current unit of work ({@link TransactionRunner}) ends, so that
     * concurrent choices and assignments behave as if they happened one after another, also across server instances.
     */
    void lockRouting();

    /**
     * Available agents (active, role {@code livechat-agent}, {@code statusLivechat} available, holding a login token
     * valid at {@code now}); with a department only its agents, and nobody when that department is disabled or
     * unknown. Each with the number of open rooms it serves and its last assignment time.
     */
    List<AgentCandidate> findCandidates(DepartmentId departmentOrNull, Instant now);

    /** Remembers that the agent was assigned a room at {@code at} (the tie-breaker of contract 6.2). */
    void recordAssignment(UserId agentId, Instant at);
}
