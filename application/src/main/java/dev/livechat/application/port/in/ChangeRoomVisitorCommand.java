package dev.livechat.application.port.in;

/**
 * {@code PUT livechat/room.visitor} (contract 3.5).
 *
 * @param oldVisitorId the expected current visitor (code form), or null for the seed form (whoever the room has now)
 * @param newVisitorId the visitor to give the room to
 */
public record ChangeRoomVisitorCommand(Caller caller, String rid, String oldVisitorId, String newVisitorId) {
}
