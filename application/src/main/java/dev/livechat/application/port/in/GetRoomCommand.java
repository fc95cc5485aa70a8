package dev.livechat.application.port.in;

import dev.livechat.domain.room.RoomSource;

/**
 * {@code GET livechat/room} (contract 3.3).
 *
 * @param rid     a room id, or null (empty string already mapped to null)
 * @param agentId preferred agent, or null
 * @param source  {@code widget} when the widget cookies are present, else {@code api}
 */
public record GetRoomCommand(String token, String rid, String agentId, RoomSource source) {

    @Override
    public String toString() {
        return "GetRoomCommand[token=***, rid=" + rid + "]";
    }
}
