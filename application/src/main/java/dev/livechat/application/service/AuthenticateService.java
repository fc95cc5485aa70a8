package dev.livechat.application.service;

import dev.livechat.application.port.in.AuthenticateUseCase;
import dev.livechat.application.port.in.Caller;
import dev.livechat.application.port.out.LoginTokenRepository;
import dev.livechat.application.port.out.UserRepository;
import dev.livechat.domain.error.AuthenticationRequiredException;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.User;

import java.time.Clock;
import java.util.Objects;

/** Authenticates agent-facing requests by user id and login token (contract 1.10). */
public final class AuthenticateService implements AuthenticateUseCase {

    private final UserRepository users;
    private final LoginTokenRepository loginTokens;
    private final Clock clock;

    public AuthenticateService(UserRepository users, LoginTokenRepository loginTokens, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.loginTokens = Objects.requireNonNull(loginTokens, "loginTokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Caller authenticate(String userId, String authToken) {
        if (userId == null || authToken == null || authToken.isEmpty()) {
            throw new AuthenticationRequiredException();
        }
        UserId id = UserId.parse(userId).orElseThrow(AuthenticationRequiredException::new);
        if (!loginTokens.isValid(id, LoginTokenHash.of(authToken), Time.now(clock))) {
            throw new AuthenticationRequiredException();
        }
        User user = users.findById(id).filter(User::active).orElseThrow(AuthenticationRequiredException::new);
        return new Caller(user.id(), user.username(), user.name().orElse(null), user.roles());
    }
}
