package dev.livechat.application.port.in;

/** The answer of a visitor's close: the room id as requested and the closing comment. */
public record ClosedRoom(String rid, String comment) {
}
