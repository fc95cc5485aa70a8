package dev.livechat.application.port.in;

import java.util.List;

/** {@code POST livechat/room.closeByUser} (contract 4.16); {@code comment} null = {@code ""}, {@code tags} may be empty. */
public record CloseRoomByUserCommand(Caller caller, String rid, String comment, List<String> tags) {

    public CloseRoomByUserCommand {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
