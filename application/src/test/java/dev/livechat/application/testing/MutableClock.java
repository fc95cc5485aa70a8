package dev.livechat.application.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link Clock} that tests set and advance; thread-safe, and clocks derived by {@link #withZone} share its time. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MutableClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
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

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(now, newZone);
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + "]";
    }
}
