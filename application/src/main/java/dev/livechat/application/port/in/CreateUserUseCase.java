package dev.livechat.application.port.in;

/** Creates a user account; needs {@code create-user} (contract 4.4). */
public interface CreateUserUseCase {

    UserView createUser(CreateUserCommand command);
}
