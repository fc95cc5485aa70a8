package dev.livechat.application.port.in;

/** The visitor closes their open room (contract 4.15, 5.6). */
public interface CloseRoomByVisitorUseCase {

    ClosedRoom closeRoomByVisitor(CloseRoomByVisitorCommand command);
}
