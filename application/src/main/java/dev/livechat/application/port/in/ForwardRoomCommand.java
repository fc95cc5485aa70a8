package dev.livechat.application.port.in;

/**
 * {@code POST livechat/room.forward} (contract 4.17); null = absent for the optional values.
 *
 * @param userId       the agent to forward to
 * @param departmentId the department to forward to
 * @param comment      recorded in the transfer history
 */
public record ForwardRoomCommand(Caller caller, String roomId, String userId, String departmentId, String comment) {
}
