package dev.livechat.application.port.in;

/** Moves a room to another visitor with a compare-and-set on its current visitor (contract 3.5). */
public interface ChangeRoomVisitorUseCase {

    dev.livechat.domain.room.RoomSnapshot changeRoomVisitor(ChangeRoomVisitorCommand command);
}
