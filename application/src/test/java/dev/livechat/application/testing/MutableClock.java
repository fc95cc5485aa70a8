package dev.livechat.application.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that tests set and advance, optionally moving on by itself on every read; thread-safe, and clocks
 * derived by {@link #withZone} share its time.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final AtomicReference<Duration> tick;
    private final ZoneId zone;

    public MutableClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), new AtomicReference<>(Duration.ZERO),
                ZoneOffset.UTC);
    }

    private MutableClock(AtomicReference<Instant> now, AtomicReference<Duration> tick, ZoneId zone) {
        this.now = now;
        this.tick = tick;
        this.zone = zone;
    }

    /** A clock standing at an ISO-8601 instant such as {@code 2024-05-01T10:00:00Z}. */
    public static MutableClock at(String isoInstant) {
        return new MutableClock(Instant.parse(isoInstant));
    }

    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    public void set(String isoInstant) {
        set(Instant.parse(isoInstant));
    }

    /** Moves the clock forward (or backward, for a negative amount) and returns the new time. */
    public Instant advance(Duration amount) {
        return now.updateAndGet(t -> t.plus(amount));
    }

    public Instant advanceMillis(long millis) {
        return advance(Duration.ofMillis(millis));
    }

    /**
     * From now on every read answers the current time and then moves the clock on by {@code step}, so that the steps
     * of one request get distinct, increasing instants; {@link Duration#ZERO} stops it.
     */
    public void tickOnEveryRead(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("a clock does not tick backwards");
        }
        tick.set(step);
    }

    /** The current time, without the tick a read would cause. */
    public Instant peek() {
        return now.get();
    }

    @Override
    public Instant instant() {
        Duration step = tick.get();
        return step.isZero() ? now.get() : now.getAndUpdate(t -> t.plus(step));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(now, tick, newZone);
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + "]";
    }
}
