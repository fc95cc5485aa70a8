package dev.livechat.application.service;

import dev.livechat.domain.shared.UserId;

/**
 * Told, after the change is stored, that an agent may have just become a routing candidate or gained capacity (a
 * login of an available agent, a switch to {@code available}, a served room closing): where the queue drain of
 * contract 6.5 plugs in. Implementations decide whether anything is to be done.
 */
@FunctionalInterface
public interface CandidateListener {

    /** A listener that does nothing: queued rooms wait until an agent takes them. */
    CandidateListener NONE = agentId -> { };

    void candidateMayHaveArrived(UserId agentId);
}
