package dev.livechat.bootstrap;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow clients against the real launcher (a child process, so that the JVM-wide request time limit can be set to 2 s
 * for the test): 96 connections trickle their headers or bodies a byte at a time — twelve times the worker threads —
 * while normal requests keep answering quickly, and the server cuts every slow connection once its request time is
 * up.
 */
class SlowClientProcessTest {

    private static final int SLOW_HEADERS = 64;
    private static final int SLOW_BODIES = 32;

    @Test
    void trickling_clients_neither_starve_normal_requests_nor_hold_on_forever() throws Exception {
        Path directory = Files.createTempDirectory("livechat-slow");
        try (ChildServer server = ChildServer.start(directory, Map.of("LIVECHAT_DB_URL",
                        "jdbc:h2:mem:slow;DB_CLOSE_DELAY=-1", "LIVECHAT_ADMIN_PASSWORD", "admin-secret-1",
                        "LIVECHAT_RATE_LIMIT", "off"),
                List.of("-Dsun.net.httpserver.maxReqTime=2"))) {
            List<Socket> slow = new CopyOnWriteArrayList<>();
            ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
            try {
                for (int i = 0; i < SLOW_HEADERS + SLOW_BODIES; i++) {
                    Socket socket = new Socket("127.0.0.1", server.port());
                    slow.add(socket);
                    String head = i < SLOW_HEADERS ? "" : "POST /api/v1/livechat/visitor HTTP/1.1\r\nHost: x\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
                    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                    byte[] rest = (i < SLOW_HEADERS ? "GET /api/v1/livechat/room?token=x HTTP/1.1\r\nHost: x\r\n\r\n"
                            : "{\"visitor\":{\"token\":\"" + "t".repeat(970) + "\"}}").getBytes(StandardCharsets.US_ASCII);
                    int[] sent = {0};
                    trickle.scheduleAtFixedRate(() -> {
                        if (sent[0] < rest.length && !socket.isClosed()) {
                            try {
                                socket.getOutputStream().write(rest[sent[0]++]);
                            } catch (IOException cutByTheServer) {
                                sent[0] = rest.length;
                            }
                        }
                    }, 0, 200, TimeUnit.MILLISECONDS);
                }
                Thread.sleep(500); // every slow request has begun

                List<Long> latencies = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    long started = System.nanoTime();
                    HttpResponse<String> response = server.client().send(HttpRequest.newBuilder(URI.create(server.base()
                                    + "/api/v1/livechat/visitor")).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(10))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"visitor\":{\"token\":\"normal-" + i + "\"}}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    latencies.add((System.nanoTime() - started) / 1_000_000);
                    assertThat(response.statusCode()).isEqualTo(200);
                }
                Collections.sort(latencies);
                assertThat(latencies.get(latencies.size() - 1)).as("slowest normal request (ms)").isLessThan(1_000);

                // the request time limit (2 s) has passed for all of them: each slow connection was closed
                long cut = System.nanoTime();
                for (Socket socket : slow) {
                    assertThat(closedByServer(socket, Duration.ofSeconds(8))).as("slow connection closed").isTrue();
                }
                System.out.printf("%d slow connections: 20 normal requests answered in %d..%d ms (median %d ms); "
                                + "every slow connection closed %d ms after the normal requests%n",
                        slow.size(), latencies.get(0), latencies.get(latencies.size() - 1),
                        latencies.get(latencies.size() / 2), (System.nanoTime() - cut) / 1_000_000);
            } finally {
                trickle.shutdownNow();
                for (Socket socket : slow) {
                    socket.close();
                }
            }
            assertThat(server.stop()).isTrue();
        }
    }

    /** True when the server closes {@code socket} (end of stream or reset) within {@code within}. */
    private static boolean closedByServer(Socket socket, Duration within) throws IOException {
        socket.setSoTimeout((int) within.toMillis());
        try (InputStream in = socket.getInputStream()) {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
