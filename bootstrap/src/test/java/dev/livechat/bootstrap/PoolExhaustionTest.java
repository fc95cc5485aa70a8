package dev.livechat.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.livechat.domain.routing.RoutingMethod;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC pool exhausted (every connection held elsewhere) while requests keep arriving: each answers 503
 * {@code service-unavailable} after a bounded wait, only the fixed workers ever wait for a connection (no thread
 * pile-up), and once connections are free again the server serves and the pool holds no leaked connection.
 */
class PoolExhaustionTest {

    private static final int REQUESTS = 40;

    @Test
    void an_exhausted_pool_answers_503_after_a_bounded_wait_without_piling_up_threads_or_leaking() throws Exception {
        ServerConfig config = new ServerConfig(0, "jdbc:h2:mem:pool-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null,
                null, "admin", "admin-secret-1", false, RoutingMethod.AUTO_SELECTION, true, 0, false);
        try (Livechat livechat = Livechat.start(config, Clock.systemUTC())) {
            HikariDataSource pool = livechat.jdbcPool().orElseThrow();
            HikariPoolMXBean metrics = pool.getHikariPoolMXBean();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + livechat.port();
            String token = "tok-" + UUID.randomUUID();
            HttpResponse<String> registered = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/livechat/visitor"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"visitor\":{\"token\":\"" + token + "\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(registered.statusCode()).isEqualTo(200);
            HttpRequest room = HttpRequest.newBuilder(URI.create(base + "/api/v1/livechat/room?token=" + token))
                    .timeout(Duration.ofSeconds(30)).build();

            List<Connection> held = new ArrayList<>();
            for (int i = 0; i < Stores.POOL_SIZE; i++) {
                held.add(pool.getConnection());
            }
            int workers = Math.max(4, Runtime.getRuntime().availableProcessors() * 4);
            AtomicBoolean storm = new AtomicBoolean(true);
            AtomicInteger mostWaiting = new AtomicInteger();
            AtomicInteger mostWorkers = new AtomicInteger();
            Thread sampler = new Thread(() -> {
                while (storm.get()) {
                    mostWaiting.accumulateAndGet(metrics.getThreadsAwaitingConnection(), Math::max);
                    mostWorkers.accumulateAndGet(workerThreads(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
            ExecutorService clients = Executors.newFixedThreadPool(REQUESTS);
            List<Future<long[]>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < REQUESTS; i++) {
                    answers.add(clients.submit(() -> {
                        long started = System.nanoTime();
                        HttpResponse<String> response = client.send(room, HttpResponse.BodyHandlers.ofString());
                        assertThat(response.body()).isEqualTo("{\"success\":false,\"error\":\"service-unavailable\"}");
                        return new long[]{response.statusCode(), (System.nanoTime() - started) / 1_000_000};
                    }));
                }
                long slowest = 0;
                for (Future<long[]> answer : answers) {
                    long[] result = answer.get(60, TimeUnit.SECONDS);
                    assertThat(result[0]).isEqualTo(503);
                    slowest = Math.max(slowest, result[1]);
                }
                // 3 s waiting for a connection, plus at most 3 s waiting for a worker
                assertThat(slowest).as("slowest 503 (ms)").isLessThan(7_500);
                System.out.printf("pool exhausted: %d requests, all 503, slowest after %d ms; at most %d threads "
                        + "waited for a connection, at most %d worker threads%n", REQUESTS, slowest, mostWaiting.get(),
                        mostWorkers.get());
            } finally {
                storm.set(false);
                sampler.join();
                clients.shutdown();
                for (Connection connection : held) {
                    connection.close();
                }
            }
            assertThat(mostWaiting.get()).as("threads waiting for a connection").isBetween(1, workers);
            assertThat(mostWorkers.get()).as("worker threads").isLessThanOrEqualTo(workers);

            // connections are back: the server serves, and nothing stays borrowed
            for (int i = 0; i < 20; i++) {
                assertThat(client.send(room, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (metrics.getActiveConnections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(metrics.getActiveConnections()).as("connections still borrowed").isZero();
            assertThat(metrics.getThreadsAwaitingConnection()).isZero();
            assertThat(metrics.getTotalConnections()).isLessThanOrEqualTo(Stores.POOL_SIZE);
        }
    }

    /** Live worker threads of the JDK binding (connection threads are named {@code livechat-http-io-}). */
    private static int workerThreads() {
        int count = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("livechat-http-") && !thread.getName().startsWith("livechat-http-io-")) {
                count++;
            }
        }
        return count;
    }
}
