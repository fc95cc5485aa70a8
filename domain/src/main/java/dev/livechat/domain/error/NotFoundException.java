package dev.livechat.domain.error;

/** A handler-level "not found" answered with HTTP 404 and {@code {"success":false,"error":"<message>"}} (e.g. "Agent not found"). */
public final class NotFoundException extends LivechatException {

    public NotFoundException(String message) {
        super(message);
    }
}
