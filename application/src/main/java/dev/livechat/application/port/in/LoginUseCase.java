package dev.livechat.application.port.in;

/** Logs a user in with a password and issues a login token (contract 4.1); every failure is {@code LoginFailedException}. */
public interface LoginUseCase {

    LoginResult login(LoginCommand command);
}
