package dev.livechat.application.port.in;

/** An agent or manager closes a room (contract 4.16, 5.6). */
public interface CloseRoomByUserUseCase {

    void closeRoomByUser(CloseRoomByUserCommand command);
}
