package dev.livechat.application.service;

import dev.livechat.application.port.in.Caller;
import dev.livechat.application.port.in.SetAgentStatusCommand;
import dev.livechat.application.port.in.SetAgentStatusUseCase;
import dev.livechat.application.port.out.UserRepository;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.error.NotFoundException;
import dev.livechat.domain.error.PermissionDeniedException;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.AgentStatus;
import dev.livechat.domain.user.Permission;
import dev.livechat.domain.user.User;

import java.time.Clock;
import java.util.Objects;

/** Sets or toggles an agent's livechat availability, the caller's own or, for managers, another agent's (contract 4.6). */
public final class SetAgentStatusService implements SetAgentStatusUseCase {

    private final UserRepository users;
    private final Clock clock;
    private final CandidateListener candidates;

    public SetAgentStatusService(UserRepository users, Clock clock) {
        this(users, clock, CandidateListener.NONE);
    }

    public SetAgentStatusService(UserRepository users, Clock clock, CandidateListener candidates) {
        this.users = Objects.requireNonNull(users, "users");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.candidates = Objects.requireNonNull(candidates, "candidates");
    }

    @Override
    public AgentStatus setAgentStatus(SetAgentStatusCommand command) {
        Caller caller = command.caller();
        if (!caller.has(Permission.VIEW_L_ROOM)) {
            throw PermissionDeniedException.routePermission();
        }
        String agentId = command.agentId() == null ? caller.id().value() : command.agentId();
        if (!agentId.equals(caller.id().value()) && !caller.has(Permission.MANAGE_LIVECHAT_AGENTS)) {
            throw PermissionDeniedException.handlerRefusal();
        }
        User agent = UserId.parse(agentId).flatMap(users::findById).filter(User::isAgent)
                .orElseThrow(() -> new NotFoundException("Agent not found"));
        if (!agent.active()) {
            throw BusinessRuleException.plain("error-user-deactivated");
        }
        AgentStatus current = agent.statusLivechat().orElseThrow();
        AgentStatus next = command.status() == null
                ? current.opposite()
                : AgentStatus.fromWireName(command.status()).orElseThrow(() ->
                        BusinessRuleException.invalidParams("must be equal to one of the allowed values"));
        users.update(agent.withLivechatStatus(next, Time.now(clock)));
        if (next == AgentStatus.AVAILABLE) {
            candidates.candidateMayHaveArrived(agent.id());
        }
        return next;
    }
}
