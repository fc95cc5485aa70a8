package dev.livechat.adapter.http.ratelimit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fixed-window rate limiter keyed by (endpoint, client address), with Meteor {@code RateLimiter} semantics: a window
 * starts with the first counted event and the counter resets when it ends (contract 1.14).
 *
 * <p>Thread-safe. Memory is bounded: expired windows are swept regularly, and beyond {@code maxTrackedWindows} the
 * windows closest to their end are dropped first. Failed-attempt policies reserve a slot for every request in flight,
 * so concurrent attempts can never exceed the limit.
 */
public final class RateLimiter {

    /** Default bound on the number of (endpoint, address) windows held in memory. */
    public static final int DEFAULT_MAX_TRACKED_WINDOWS = 100_000;

    private static final long SWEEP_INTERVAL_MILLIS = 10_000;

    private final Clock clock;
    private final boolean enabled;
    private final int maxTrackedWindows;
    private final ConcurrentHashMap<Key, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong nextSweepAt = new AtomicLong(Long.MIN_VALUE);

    private RateLimiter(Clock clock, boolean enabled, int maxTrackedWindows) {
        this.clock = clock;
        this.enabled = enabled;
        this.maxTrackedWindows = maxTrackedWindows;
    }

    /** An active limiter reading time from {@code clock}. */
    public static RateLimiter create(Clock clock) {
        return create(clock, DEFAULT_MAX_TRACKED_WINDOWS);
    }

    /** An active limiter holding at most {@code maxTrackedWindows} windows. */
    public static RateLimiter create(Clock clock, int maxTrackedWindows) {
        if (maxTrackedWindows < 1) {
            throw new IllegalArgumentException("maxTrackedWindows must be >= 1");
        }
        return new RateLimiter(Objects.requireNonNull(clock, "clock"), true, maxTrackedWindows);
    }

    /** A limiter that lets everything through and adds no headers ({@code LIVECHAT_RATE_LIMIT=off}). */
    public static RateLimiter disabled() {
        // never read: a disabled limiter makes no decisions that depend on time
        return new RateLimiter(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), false, 1);
    }

    /** False when rate limiting is switched off entirely. */
    public boolean enabled() {
        return enabled;
    }

    /** The number of windows currently held in memory. */
    public int trackedWindows() {
        return windows.size();
    }

    /**
     * Decides whether a request may proceed, counting it when the policy counts requests. The returned permit must be
     * {@linkplain Permit#complete(int) completed} once the response status is known, also when the handler failed.
     */
    public Permit acquire(String endpointKey, RateLimitPolicy policy, String clientAddress) {
        requireEnabled();
        long now = clock.millis();
        maybeSweep(now);
        Key key = new Key(endpointKey, clientAddress);
        Permit[] result = new Permit[1];
        windows.compute(key, (k, w) -> {
            Window window = w == null ? new Window() : w;
            window.rollOver(now);
            int limit = policy.limit();
            boolean granted = policy.kind() == RateLimitPolicy.Kind.REQUESTS
                    ? window.tryCount(now, policy)
                    : window.tryReserve(limit);
            result[0] = new Permit(this, key, policy, granted, window.status(limit, now, policy), now);
            return window.isIdle() ? null : window;
        });
        return result[0];
    }

    /** The current state for the headers of a response that never reached the rate-limit step; counts nothing. */
    public Status peek(String endpointKey, RateLimitPolicy policy, String clientAddress) {
        requireEnabled();
        long now = clock.millis();
        Window window = windows.get(new Key(endpointKey, clientAddress));
        if (window == null) {
            return new Status(policy.limit(), policy.limit(), now + policy.window().toMillis());
        }
        synchronized (window) {
            Window copy = window.copy();
            copy.rollOver(now);
            return copy.status(policy.limit(), now, policy);
        }
    }

    private Status complete(Key key, RateLimitPolicy policy, int httpStatus) {
        long now = clock.millis();
        Status[] result = new Status[1];
        windows.compute(key, (k, w) -> {
            Window window = w == null ? new Window() : w;
            window.rollOver(now);
            if (policy.kind() == RateLimitPolicy.Kind.FAILED_ATTEMPTS) {
                window.release(httpStatus == RateLimitPolicy.FAILED_ATTEMPT_STATUS, now, policy);
            }
            result[0] = window.status(policy.limit(), now, policy);
            return window.isIdle() ? null : window;
        });
        return result[0];
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new IllegalStateException("rate limiting is disabled");
        }
    }

    private void maybeSweep(long now) {
        long due = nextSweepAt.get();
        boolean timeToSweep = now >= due && nextSweepAt.compareAndSet(due, now + SWEEP_INTERVAL_MILLIS);
        if (timeToSweep || windows.size() >= maxTrackedWindows) {
            sweep(now);
        }
    }

    /** Drops expired windows; when still too many, drops the windows that end soonest (active limits loosen, memory stays bounded). */
    private void sweep(long now) {
        for (Key key : windows.keySet()) {
            windows.computeIfPresent(key, (k, w) -> {
                w.rollOver(now);
                return w.isIdle() ? null : w;
            });
        }
        int excess = windows.size() - maxTrackedWindows + Math.max(1, maxTrackedWindows / 10);
        if (excess > 0 && windows.size() >= maxTrackedWindows) {
            List<Map.Entry<Key, Window>> entries = new ArrayList<>(windows.entrySet());
            entries.sort(Comparator.comparingLong(e -> e.getValue().endSnapshot()));
            for (int i = 0; i < excess && i < entries.size(); i++) {
                windows.computeIfPresent(entries.get(i).getKey(), (k, w) -> w.hasPending() ? w : null);
            }
        }
    }

    /** The values of the {@code X-RateLimit-*} headers. */
    public record Status(int limit, int remaining, long resetEpochMillis) {
    }

    /** The outcome of {@link #acquire}: granted or refused, and what to report. */
    public static final class Permit {

        private final RateLimiter limiter;
        private final Key key;
        private final RateLimitPolicy policy;
        private final boolean granted;
        private final Status status;
        private final long decidedAt;
        private boolean completed;

        private Permit(RateLimiter limiter, Key key, RateLimitPolicy policy, boolean granted, Status status,
                       long decidedAt) {
            this.limiter = limiter;
            this.key = key;
            this.policy = policy;
            this.granted = granted;
            this.status = status;
            this.decidedAt = decidedAt;
        }

        /** True when the request may proceed to its handler. */
        public boolean granted() {
            return granted;
        }

        /** The header values at decision time. */
        public Status status() {
            return status;
        }

        /** Whole seconds until the window ends, rounded up (the {@code <N>} of the 429 message). */
        public long retryAfterSeconds() {
            long millis = Math.max(0, status.resetEpochMillis() - decidedAt);
            return (millis + 999) / 1000;
        }

        /**
         * Records the response status (a failed attempt counts now) and returns the header values to send. Calling it
         * again, or on a refused permit, records nothing.
         */
        public Status complete(int httpStatus) {
            if (!granted || completed) {
                return status;
            }
            completed = true;
            return limiter.complete(key, policy, httpStatus);
        }
    }

    private record Key(String endpoint, String address) {
    }

    /** Mutable window state, changed inside {@code ConcurrentHashMap.compute}; synchronized so that peeks see it whole. */
    private static final class Window {
        private long end = Long.MIN_VALUE; // MIN_VALUE: no window running
        private int count;
        private int pending;

        synchronized void rollOver(long now) {
            if (end != Long.MIN_VALUE && now >= end) {
                end = Long.MIN_VALUE;
                count = 0;
            }
        }

        /** Counts a request when below the limit, starting a window if none runs. */
        synchronized boolean tryCount(long now, RateLimitPolicy policy) {
            if (count >= policy.limit()) {
                return false;
            }
            startIfIdle(now, policy);
            count++;
            return true;
        }

        /** Reserves a slot for an attempt in flight when failures plus reservations are below the limit. */
        synchronized boolean tryReserve(int limit) {
            if (count + pending >= limit) {
                return false;
            }
            pending++;
            return true;
        }

        /** Releases a reservation and counts the attempt when it failed. */
        synchronized void release(boolean failed, long now, RateLimitPolicy policy) {
            if (pending > 0) {
                pending--;
            }
            if (failed) {
                startIfIdle(now, policy);
                count++;
            }
        }

        private void startIfIdle(long now, RateLimitPolicy policy) {
            if (end == Long.MIN_VALUE) {
                end = now + policy.window().toMillis();
                count = 0;
            }
        }

        synchronized boolean hasPending() {
            return pending > 0;
        }

        synchronized boolean isIdle() {
            return end == Long.MIN_VALUE && pending == 0;
        }

        synchronized long endSnapshot() {
            return end;
        }

        synchronized Window copy() {
            Window w = new Window();
            w.end = end;
            w.count = count;
            w.pending = pending;
            return w;
        }

        synchronized Status status(int limit, long now, RateLimitPolicy policy) {
            int remaining = Math.max(0, limit - count - pending);
            long reset = end == Long.MIN_VALUE ? now + policy.window().toMillis() : end;
            return new Status(limit, remaining, reset);
        }
    }
}
