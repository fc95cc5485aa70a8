package dev.livechat.application.port.in;

/** {@code POST livechat/room.close} (contract 4.15). */
public record CloseRoomByVisitorCommand(String token, String rid) {

    @Override
    public String toString() {
        return "CloseRoomByVisitorCommand[token=***, rid=" + rid + "]";
    }
}
