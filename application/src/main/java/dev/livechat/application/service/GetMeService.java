package dev.livechat.application.service;

import dev.livechat.application.port.in.Caller;
import dev.livechat.application.port.in.GetMeUseCase;
import dev.livechat.application.port.in.UserView;
import dev.livechat.application.port.out.LoginTokenRepository;
import dev.livechat.application.port.out.UserRepository;
import dev.livechat.domain.error.AuthenticationRequiredException;
import dev.livechat.domain.user.User;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** Answers the caller's own public user form with its presence (contract 4.3). */
public final class GetMeService implements GetMeUseCase {

    private final UserRepository users;
    private final LoginTokenRepository loginTokens;
    private final Clock clock;

    public GetMeService(UserRepository users, LoginTokenRepository loginTokens, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.loginTokens = Objects.requireNonNull(loginTokens, "loginTokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public UserView me(Caller caller) {
        User user = users.findById(caller.id()).orElseThrow(AuthenticationRequiredException::new);
        boolean online = loginTokens.withValidToken(List.of(user.id()), Time.now(clock)).contains(user.id());
        return UserView.of(user, online);
    }
}
