package dev.livechat.application.service;

import dev.livechat.application.port.out.LoginTokenRepository;
import dev.livechat.domain.user.AgentStatus;
import dev.livechat.domain.user.User;

import java.time.Instant;
import java.util.List;

/**
 * Contract 1.11 "available agent" for one user: active, an agent, {@code statusLivechat} available, and online
 * (holding a login token valid at {@code now}).
 */
final class Availability {

    private Availability() {
    }

    static boolean isAvailableAgent(User user, LoginTokenRepository loginTokens, Instant now) {
        return user.active() && user.isAgent()
                && user.statusLivechat().orElse(null) == AgentStatus.AVAILABLE
                && loginTokens.withValidToken(List.of(user.id()), now).contains(user.id());
    }
}
