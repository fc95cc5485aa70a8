package dev.livechat.application.port.in;

/** What {@code GET /api/info} reports. */
public record ServerInfo(String version) {
}
