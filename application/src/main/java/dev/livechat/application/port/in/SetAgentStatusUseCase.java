package dev.livechat.application.port.in;

/** Sets or toggles an agent's livechat availability (contract 4.6). */
public interface SetAgentStatusUseCase {

    dev.livechat.domain.user.AgentStatus setAgentStatus(SetAgentStatusCommand command);
}
