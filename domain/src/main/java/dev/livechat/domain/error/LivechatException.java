package dev.livechat.domain.error;

/**
 * Root of every failure the Livechat core reports on purpose; each subclass maps to one HTTP status and carries the
 * stable error code the API speaks, so adapters translate it without parsing messages.
 */
public abstract sealed class LivechatException extends RuntimeException
        permits BusinessRuleException, AuthenticationRequiredException, LoginFailedException,
                PermissionDeniedException, NotFoundException, StoreUnavailableException {

    protected LivechatException(String message) {
        super(message, null, false, false);
    }

    protected LivechatException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
