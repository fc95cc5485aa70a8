package dev.livechat.application.port.in;

/** Transfers an open room to another agent, a department, or a department's queue (contract 4.17). */
public interface ForwardRoomUseCase {

    void forwardRoom(ForwardRoomCommand command);
}
