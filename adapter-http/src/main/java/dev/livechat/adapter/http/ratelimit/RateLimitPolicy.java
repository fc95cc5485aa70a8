package dev.livechat.adapter.http.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * How many requests (or failed attempts) one client address may make to one endpoint per fixed window (contract 1.14).
 *
 * @param kind   what is counted
 * @param limit  the number of counted events allowed per window
 * @param window the window length; a window starts with the first counted event and ends {@code window} later
 */
public record RateLimitPolicy(Kind kind, int limit, Duration window) {

    /** The HTTP status that counts as a failed attempt under {@link Kind#FAILED_ATTEMPTS}. */
    public static final int FAILED_ATTEMPT_STATUS = 401;

    /** What a policy counts. */
    public enum Kind {
        /** Every request that is let through counts. */
        REQUESTS,
        /**
         * Only responses with status {@value RateLimitPolicy#FAILED_ATTEMPT_STATUS} count; once the limit is reached,
         * every request is refused until the window ends.
         */
        FAILED_ATTEMPTS
    }

    public RateLimitPolicy {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(window, "window");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1");
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least 1 ms");
        }
    }

    /** {@code limit} requests per {@code window}, e.g. {@code requests(5, Duration.ofSeconds(60))}. */
    public static RateLimitPolicy requests(int limit, Duration window) {
        return new RateLimitPolicy(Kind.REQUESTS, limit, window);
    }

    /** {@code limit} failed (HTTP 401) attempts per {@code window}, e.g. login's {@code failedAttempts(10, 60 s)}. */
    public static RateLimitPolicy failedAttempts(int limit, Duration window) {
        return new RateLimitPolicy(Kind.FAILED_ATTEMPTS, limit, window);
    }
}
