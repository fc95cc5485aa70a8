package dev.livechat.domain.room;

import java.util.Objects;

/** The room's {@code source}: {@code type} is {@code "api"} or {@code "widget"}; {@code alias} is optional. */
public record RoomSource(String type, String alias) {

    public static final RoomSource API = new RoomSource("api", null);
    public static final RoomSource WIDGET = new RoomSource("widget", null);

    public RoomSource {
        Objects.requireNonNull(type, "type");
    }
}
