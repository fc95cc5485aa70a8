package dev.livechat.application.port.in;

/**
 * {@code GET livechat/config} (contract 4.18); both values may be null.
 *
 * @param token      a visitor token; an unknown one is not an error
 * @param department the department whose agents decide {@code online}
 */
public record WidgetConfigQuery(String token, String department) {
}
