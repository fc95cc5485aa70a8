package dev.livechat.application.port.in;

/** Returns the visitor's open room or opens one, routing it to an agent (contract 3.3, 6). */
public interface GetOrOpenRoomUseCase {

    RoomResult getOrOpenRoom(GetRoomCommand command);
}
