package dev.livechat.application.port.in;

/** Deletes the login token of the current request (contract 4.2). */
public interface LogoutUseCase {

    void logout(LogoutCommand command);
}
