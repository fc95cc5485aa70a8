package dev.livechat.application.port.in;

import java.time.Instant;

/**
 * {@code GET livechat/messages.history/:rid} (contract 4.11).
 *
 * @param end    only messages before this instant, or null
 * @param limit  1..100 (already defaulted and clamped)
 */
public record VisitorMessagesQuery(String token, String rid, Instant end, int offset, int limit) {

    @Override
    public String toString() {
        return "VisitorMessagesQuery[token=***, rid=" + rid + "]";
    }
}
