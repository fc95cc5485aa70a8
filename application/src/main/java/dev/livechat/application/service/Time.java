package dev.livechat.application.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The services' one way to read the clock: whole milliseconds, as every stored timestamp has (contract 1.2, 5.1). */
final class Time {

    private Time() {
    }

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The smallest whole-millisecond instant not before {@code instant}: for timestamps stored in milliseconds,
     * {@code ts < instant} holds exactly when {@code ts < ceilToMillis(instant)}, whatever precision a store keeps.
     */
    static Instant ceilToMillis(Instant instant) {
        Instant floor = instant.truncatedTo(ChronoUnit.MILLIS);
        return floor.equals(instant) ? floor : floor.plusMillis(1);
    }
}
