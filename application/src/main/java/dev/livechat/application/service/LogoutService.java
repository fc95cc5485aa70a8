package dev.livechat.application.service;

import dev.livechat.application.port.in.LogoutCommand;
import dev.livechat.application.port.in.LogoutUseCase;
import dev.livechat.application.port.out.LoginTokenRepository;

import java.util.Objects;

/** Ends the session of the login token a request was authenticated with, and only that one (contract 4.2). */
public final class LogoutService implements LogoutUseCase {

    private final LoginTokenRepository loginTokens;

    public LogoutService(LoginTokenRepository loginTokens) {
        this.loginTokens = Objects.requireNonNull(loginTokens, "loginTokens");
    }

    @Override
    public void logout(LogoutCommand command) {
        loginTokens.delete(command.caller().id(), LoginTokenHash.of(command.authToken()));
    }
}
