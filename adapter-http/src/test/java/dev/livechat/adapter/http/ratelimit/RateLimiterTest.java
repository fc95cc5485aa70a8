package dev.livechat.adapter.http.ratelimit;

import dev.livechat.adapter.http.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTest {

    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    static final RateLimitPolicy FIVE_PER_MINUTE = RateLimitPolicy.requests(5, Duration.ofSeconds(60));
    static final RateLimitPolicy TEN_FAILURES = RateLimitPolicy.failedAttempts(10, Duration.ofSeconds(60));

    final MutableClock clock = new MutableClock(T0);
    final RateLimiter limiter = RateLimiter.create(clock);

    RateLimiter.Permit room(String address) {
        return limiter.acquire("GET /api/v1/livechat/room", FIVE_PER_MINUTE, address);
    }

    @Test
    void five_requests_pass_and_the_sixth_is_refused_until_the_window_ends() {
        long windowEnd = T0.toEpochMilli() + 60_000;
        for (int i = 1; i <= 5; i++) {
            RateLimiter.Permit permit = room("10.0.0.1");
            assertThat(permit.granted()).isTrue();
            assertThat(permit.complete(200)).isEqualTo(new RateLimiter.Status(5, 5 - i, windowEnd));
            clock.advance(Duration.ofSeconds(1));
        }

        RateLimiter.Permit refused = room("10.0.0.1");

        assertThat(refused.granted()).isFalse();
        assertThat(refused.status()).isEqualTo(new RateLimiter.Status(5, 0, windowEnd));
        assertThat(refused.retryAfterSeconds()).isEqualTo(55);
        assertThat(refused.complete(429)).isEqualTo(refused.status());
    }

    @Test
    void wait_time_is_rounded_up_to_whole_seconds() {
        for (int i = 0; i < 5; i++) {
            room("a");
        }
        clock.advance(Duration.ofMillis(59_001));
        assertThat(room("a").retryAfterSeconds()).isEqualTo(1);
        clock.set(T0.plusMillis(100));
        assertThat(room("a").retryAfterSeconds()).isEqualTo(60);
        clock.set(T0.plusMillis(1000));
        assertThat(room("a").retryAfterSeconds()).isEqualTo(59);
    }

    @Test
    void the_window_starts_at_the_first_request_and_resets_when_it_ends() {
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 5; i++) {
            assertThat(room("a").granted()).isTrue();
        }
        clock.advance(Duration.ofMillis(59_999));
        assertThat(room("a").granted()).isFalse();

        clock.advance(Duration.ofMillis(1));
        RateLimiter.Permit fresh = room("a");

        assertThat(fresh.granted()).isTrue();
        assertThat(fresh.status()).isEqualTo(new RateLimiter.Status(5, 4, T0.toEpochMilli() + 150_000));
    }

    @Test
    void refused_requests_do_not_extend_the_window() {
        for (int i = 0; i < 5; i++) {
            room("a");
        }
        for (int i = 0; i < 50; i++) {
            clock.advance(Duration.ofSeconds(1));
            room("a");
        }
        clock.advance(Duration.ofSeconds(10));

        assertThat(room("a").granted()).isTrue();
    }

    @Test
    void addresses_and_endpoints_have_separate_counters() {
        for (int i = 0; i < 5; i++) {
            room("a");
        }

        assertThat(room("a").granted()).isFalse();
        assertThat(room("b").granted()).isTrue();
        assertThat(limiter.acquire("POST /api/v1/livechat/visitor", FIVE_PER_MINUTE, "a").granted()).isTrue();
    }

    @Test
    void failed_attempts_count_only_401_responses() {
        for (int i = 0; i < 20; i++) {
            RateLimiter.Permit ok = login("a");
            assertThat(ok.granted()).isTrue();
            assertThat(ok.complete(200).remaining()).isEqualTo(10);
        }
        for (int i = 1; i <= 10; i++) {
            RateLimiter.Permit bad = login("a");
            assertThat(bad.granted()).isTrue();
            assertThat(bad.complete(401).remaining()).isEqualTo(10 - i);
        }

        RateLimiter.Permit afterTen = login("a");

        assertThat(afterTen.granted()).isFalse(); // even a correct login is refused now
        assertThat(afterTen.status().remaining()).isZero();
    }

    @Test
    void failed_attempt_window_starts_at_the_first_failure() {
        login("a").complete(200);
        clock.advance(Duration.ofSeconds(20));
        RateLimiter.Status first = login("a").complete(401);
        assertThat(first.resetEpochMillis()).isEqualTo(T0.toEpochMilli() + 80_000);
        for (int i = 0; i < 9; i++) {
            login("a").complete(401);
        }
        clock.advance(Duration.ofMillis(59_999));
        assertThat(login("a").granted()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(login("a").granted()).isTrue();
    }

    @Test
    void concurrent_failed_attempts_never_exceed_the_limit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            results.add(pool.submit(() -> {
                start.await();
                RateLimiter.Permit permit = login("a");
                if (permit.granted()) {
                    Thread.sleep(5);
                    permit.complete(401);
                }
                return permit.granted();
            }));
        }
        start.countDown();
        int granted = 0;
        for (Future<Boolean> result : results) {
            granted += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();

        assertThat(granted).isEqualTo(10);
    }

    @Test
    void concurrent_requests_never_exceed_the_limit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return room("a").granted();
            }));
        }
        start.countDown();
        int granted = 0;
        for (Future<Boolean> result : results) {
            granted += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();

        assertThat(granted).isEqualTo(5);
    }

    @Test
    void peek_reports_without_counting() {
        assertThat(limiter.peek("GET /api/v1/livechat/room", FIVE_PER_MINUTE, "a"))
                .isEqualTo(new RateLimiter.Status(5, 5, T0.toEpochMilli() + 60_000));
        room("a");
        clock.advance(Duration.ofSeconds(10));

        assertThat(limiter.peek("GET /api/v1/livechat/room", FIVE_PER_MINUTE, "a"))
                .isEqualTo(new RateLimiter.Status(5, 4, T0.toEpochMilli() + 60_000));
        assertThat(limiter.peek("GET /api/v1/livechat/room", FIVE_PER_MINUTE, "a"))
                .isEqualTo(new RateLimiter.Status(5, 4, T0.toEpochMilli() + 60_000));
    }

    @Test
    void expired_windows_are_evicted() {
        for (int i = 0; i < 1000; i++) {
            room("10.0." + (i / 256) + "." + (i % 256));
        }
        assertThat(limiter.trackedWindows()).isEqualTo(1000);

        clock.advance(Duration.ofSeconds(61));
        room("other");

        assertThat(limiter.trackedWindows()).isEqualTo(1);
    }

    @Test
    void memory_stays_bounded_under_many_addresses() {
        RateLimiter small = RateLimiter.create(clock, 100);
        for (int i = 0; i < 10_000; i++) {
            small.acquire("k", FIVE_PER_MINUTE, "addr-" + i);
        }

        assertThat(small.trackedWindows()).isLessThanOrEqualTo(100);
    }

    @Test
    void successful_logins_without_failures_leave_nothing_behind() {
        for (int i = 0; i < 100; i++) {
            login("addr-" + i).complete(200);
        }

        assertThat(limiter.trackedWindows()).isZero();
    }

    @Test
    void a_disabled_limiter_refuses_to_be_used() {
        RateLimiter off = RateLimiter.disabled();

        assertThat(off.enabled()).isFalse();
        assertThatThrownBy(() -> off.acquire("k", FIVE_PER_MINUTE, "a")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void policies_validate_their_arguments() {
        assertThatThrownBy(() -> RateLimitPolicy.requests(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimitPolicy.requests(1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private RateLimiter.Permit login(String address) {
        return limiter.acquire("POST /api/v1/login", TEN_FAILURES, address);
    }
}
