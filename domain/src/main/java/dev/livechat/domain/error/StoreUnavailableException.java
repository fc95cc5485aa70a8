package dev.livechat.domain.error;

/**
 * The store is unreachable, timed out, or its connection pool is exhausted (HTTP 503 {@code service-unavailable});
 * never disguised as "not found" or "not allowed". The cause is kept for logs only, never for responses.
 */
public final class StoreUnavailableException extends LivechatException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
