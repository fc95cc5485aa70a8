package dev.livechat.domain.error;

/**
 * A login attempt failed for any reason (HTTP 401, {@code {"status":"error","error":"Unauthorized","message":"Unauthorized"}});
 * one error for every cause so that usernames cannot be enumerated.
 */
public final class LoginFailedException extends LivechatException {

    public LoginFailedException() {
        super("Unauthorized");
    }
}
