package dev.livechat.domain.error;

/**
 * Authentication is required but missing, malformed, unknown, expired, or the user is deactivated (HTTP 401,
 * {@code {"status":"error","message":"You must be logged in to do this."}}).
 */
public final class AuthenticationRequiredException extends LivechatException {

    public AuthenticationRequiredException() {
        super("You must be logged in to do this.");
    }
}
