package dev.livechat.adapter.http.jdk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livechat.adapter.http.core.ApiPipeline;
import dev.livechat.adapter.http.core.ApiResponse;
import dev.livechat.adapter.http.core.Endpoint;
import dev.livechat.adapter.http.json.Json;
import dev.livechat.adapter.http.ratelimit.RateLimiter;
import dev.livechat.application.port.in.AuthenticateUseCase;
import dev.livechat.application.port.in.Caller;
import dev.livechat.domain.error.AuthenticationRequiredException;
import dev.livechat.domain.error.StoreUnavailableException;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdkHttpServerTest {

    static final String AGENT_ID = "XycfA5CetCPuEjqxw";
    static final String AGENT_TOKEN = "9HqLyZ_ZOa2fjd1bB0OLsJpUdVZFsHjwW3gq6Vd2TyE";
    static final AuthenticateUseCase AUTHENTICATION = (userId, token) -> {
        if (AGENT_ID.equals(userId) && AGENT_TOKEN.equals(token)) {
            return new Caller(new UserId(AGENT_ID), "faria.masood", null, List.of(Role.LIVECHAT_AGENT));
        }
        throw new AuthenticationRequiredException();
    };

    static JdkHttpServer server;
    static HttpClient client;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        ApiPipeline pipeline = ApiPipeline.builder()
                .authentication(AUTHENTICATION)
                .rateLimiter(RateLimiter.disabled())
                .endpoint(Endpoint.visitor("POST", "/api/v1/echo", request -> {
                    ObjectNode out = Json.object();
                    out.set("body", request.body());
                    out.put("remote", request.remoteAddress());
                    return ApiResponse.success(out);
                }))
                .endpoint(Endpoint.visitor("GET", "/api/v1/echo", request -> ApiResponse.success()))
                .endpoint(Endpoint.agent("GET", "/api/v1/me", request -> {
                    ObjectNode out = Json.object();
                    out.put("username", request.caller().username());
                    return ApiResponse.success(out);
                }))
                .endpoint(Endpoint.visitor("GET", "/api/v1/store-down", request -> {
                    throw new StoreUnavailableException("down", new IOException("connection refused to db:5432"));
                }))
                .endpoint(Endpoint.visitor("GET", "/api/v1/boom", request -> {
                    throw new IllegalStateException("secret internals");
                }))
                .build();
        server = JdkHttpServer.builder(pipeline).workers(4).build();
        int port = server.start(0);
        base = "http://127.0.0.1:" + port;
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
        return client.send(builder.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    static void assertJsonResponse(HttpResponse<String> response, int status, String body) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.headers().allValues("content-type")).containsExactly("application/json");
        assertThat(response.headers().allValues("x-content-type-options")).containsExactly("nosniff");
        assertThat(response.headers().allValues("cache-control")).containsExactly("no-store");
        assertThat(response.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control"));
    }

    @Test
    void binds_a_free_port_and_sets_nodelay_and_request_and_response_time_limits() {
        assertThat(server.port()).isPositive();
        assertThat(System.getProperty(JdkHttpServer.NODELAY_PROPERTY)).isEqualTo("true");
        assertThat(System.getProperty(JdkHttpServer.MAX_REQUEST_TIME_PROPERTY)).isEqualTo("30");
        assertThat(System.getProperty(JdkHttpServer.MAX_RESPONSE_TIME_PROPERTY)).isEqualTo("30");
        assertThat(System.getProperty(JdkHttpServer.DRAIN_AMOUNT_PROPERTY)).isEqualTo("4194304");
    }

    @Test
    void success_with_the_peer_address() throws Exception {
        HttpResponse<String> response = send(to("/api/v1/echo")
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Forwarded-For", "203.0.113.7")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":\"é\"}")));

        assertJsonResponse(response, 200, "{\"body\":{\"a\":\"é\"},\"remote\":\"127.0.0.1\",\"success\":true}");
    }

    @Test
    void unknown_path_is_404() throws Exception {
        assertJsonResponse(send(to("/api/v1/nothing").GET()), 404,
                "{\"status\":\"error\",\"message\":\"API endpoint does not exist\"}");
        assertJsonResponse(send(to("/").GET()), 404, "{\"status\":\"error\",\"message\":\"API endpoint does not exist\"}");
    }

    @Test
    void undefined_method_is_405_with_allow() throws Exception {
        HttpResponse<String> response = send(to("/api/v1/echo").DELETE());

        assertJsonResponse(response, 405, "{\"status\":\"error\",\"message\":\"API endpoint does not exist\"}");
        assertThat(response.headers().allValues("allow")).containsExactly("POST, GET");
    }

    @Test
    void two_mebibytes_are_413() throws Exception {
        byte[] body = new byte[2 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');

        assertJsonResponse(send(to("/api/v1/echo").POST(HttpRequest.BodyPublishers.ofByteArray(body))), 413,
                "{\"success\":false,\"error\":\"payload-too-large\"}");
    }

    @Test
    void two_mebibytes_chunked_are_413() throws Exception {
        byte[] body = new byte[2 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');

        assertJsonResponse(send(to("/api/v1/echo").POST(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))), 413,
                "{\"success\":false,\"error\":\"payload-too-large\"}");
    }

    @Test
    void the_server_answers_413_without_reading_the_announced_body() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2097152\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readResponse(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 413").endsWith("{\"success\":false,\"error\":\"payload-too-large\"}");
        }
    }

    /** Reads one response with a Content-Length body from a raw socket, without waiting for the connection to close. */
    static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.append((char) c);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Test
    void other_media_types_are_415() throws Exception {
        assertJsonResponse(send(to("/api/v1/echo").header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))), 415,
                "{\"success\":false,\"error\":\"unsupported-media-type\"}");
    }

    @Test
    void invalid_json_is_400() throws Exception {
        assertJsonResponse(send(to("/api/v1/echo").POST(HttpRequest.BodyPublishers.ofString("{\"a\":1,\"a\":2}"))), 400,
                "{\"success\":false,\"error\":\"Invalid JSON body [invalid-params]\",\"errorType\":\"invalid-params\"}");
    }

    @Test
    void empty_post_is_an_empty_object() throws Exception {
        HttpResponse<String> response = send(to("/api/v1/echo").POST(HttpRequest.BodyPublishers.noBody()));

        assertJsonResponse(response, 200, "{\"body\":{},\"remote\":\"127.0.0.1\",\"success\":true}");
    }

    @Test
    void agent_endpoints_are_401_without_valid_credentials() throws Exception {
        assertJsonResponse(send(to("/api/v1/me").header("X-User-Id", AGENT_ID).header("X-Auth-Token", "nope").GET()),
                401, "{\"status\":\"error\",\"message\":\"You must be logged in to do this.\"}");
        assertJsonResponse(send(to("/api/v1/me").header("X-User-Id", AGENT_ID).header("X-Auth-Token", AGENT_TOKEN).GET()),
                200, "{\"username\":\"faria.masood\",\"success\":true}");
    }

    @Test
    void store_failures_are_503() throws Exception {
        assertJsonResponse(send(to("/api/v1/store-down").GET()), 503,
                "{\"success\":false,\"error\":\"service-unavailable\"}");
    }

    @Test
    void bugs_are_500_without_details() throws Exception {
        assertJsonResponse(send(to("/api/v1/boom").GET()), 500, "{\"success\":false,\"error\":\"internal-error\"}");
    }

    @Test
    void head_requests_get_headers_only() throws Exception {
        HttpResponse<String> response = send(to("/api/v1/echo").method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().allValues("allow")).containsExactly("POST, GET");
    }

    @Test
    void a_saturated_server_answers_503_at_once() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        ApiPipeline slow = ApiPipeline.builder()
                .endpoint(Endpoint.visitor("GET", "/api/v1/slow", request -> {
                    entered.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return ApiResponse.success();
                }))
                .build();
        JdkHttpServer small = JdkHttpServer.builder(slow).workers(1).queueCapacity(0).build();
        String url = "http://127.0.0.1:" + small.start(0) + "/api/v1/slow";
        try {
            CompletableFuture<HttpResponse<String>> first = client.sendAsync(
                    HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());

            assertJsonResponse(refused, 503, "{\"success\":false,\"error\":\"service-unavailable\"}");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        } finally {
            release.countDown();
            small.stop();
        }
    }

    @Test
    void stop_lets_requests_in_flight_finish() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        ApiPipeline slow = ApiPipeline.builder()
                .endpoint(Endpoint.visitor("GET", "/api/v1/slow", request -> {
                    entered.countDown();
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return ApiResponse.success();
                }))
                .build();
        JdkHttpServer stopping = JdkHttpServer.builder(slow).stopTimeout(Duration.ofSeconds(5)).build();
        int port = stopping.start(0);
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        stopping.stop();

        assertThat(inFlight.get(5, TimeUnit.SECONDS).body()).isEqualTo("{\"success\":true}");
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
    }

    /** Sockets that send the start of a request at once and the rest a byte every 100 ms, until closed: slow clients. */
    static final class Tricklers implements AutoCloseable {
        private final List<Socket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.concurrent.ScheduledExecutorService timer =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();

        Tricklers(int port, int count, String head, String trickled) throws IOException {
            byte[] bytes = trickled.getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < count; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                sockets.add(socket);
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
                timer.scheduleAtFixedRate(() -> {
                    int next = sent.getAndIncrement();
                    if (next < bytes.length) {
                        try {
                            socket.getOutputStream().write(bytes[next]);
                        } catch (IOException closedByServer) {
                            sent.set(bytes.length);
                        }
                    }
                }, 0, 100, TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void close() throws IOException {
            timer.shutdownNow();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void slow_clients_hold_connection_threads_never_workers() throws Exception {
        ApiPipeline echo = ApiPipeline.builder()
                .endpoint(Endpoint.visitor("GET", "/api/v1/echo", request -> ApiResponse.success()))
                .endpoint(Endpoint.visitor("POST", "/api/v1/echo", request -> ApiResponse.success()))
                .build();
        JdkHttpServer small = JdkHttpServer.builder(echo).workers(2).queueCapacity(4).connectionThreads(64).build();
        int port = small.start(0);
        // 24 clients trickle their headers, 24 more announce a body and trickle it: four times as many as there are
        // worker threads and queue places together.
        try (Tricklers headers = new Tricklers(port, 24, "", "GET /api/v1/echo HTTP/1.1\r\nHost: x\r\nX-Slow: "
                + "a".repeat(200) + "\r\n\r\n");
             Tricklers bodies = new Tricklers(port, 24, "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\n"
                     + "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n", "{\"a\":\"" + "b".repeat(192) + "\"}")) {
            Thread.sleep(1_000); // every slow client has started its request

            for (int i = 0; i < 20; i++) {
                long started = System.nanoTime();
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/echo"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
            }
        } finally {
            small.stop();
        }
    }

    @Test
    void a_request_that_waited_too_long_for_a_worker_is_503_without_running() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        ApiPipeline slow = ApiPipeline.builder()
                .endpoint(Endpoint.visitor("GET", "/api/v1/slow", request -> {
                    runs.incrementAndGet();
                    entered.countDown();
                    try {
                        Thread.sleep(800);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return ApiResponse.success();
                }))
                .build();
        JdkHttpServer small = JdkHttpServer.builder(slow).workers(1).queueCapacity(8)
                .maxQueueWait(Duration.ofMillis(200)).build();
        String url = "http://127.0.0.1:" + small.start(0) + "/api/v1/slow";
        try {
            CompletableFuture<HttpResponse<String>> first = client.sendAsync(
                    HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

            HttpResponse<String> queued = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());

            assertJsonResponse(queued, 503, "{\"success\":false,\"error\":\"service-unavailable\"}");
            assertThat(first.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(runs.get()).isEqualTo(1);
        } finally {
            small.stop();
        }
    }

    @Test
    void bodies_beyond_the_memory_budget_are_503_without_being_read() throws Exception {
        ApiPipeline echo = ApiPipeline.builder()
                .endpoint(Endpoint.visitor("POST", "/api/v1/echo", request -> ApiResponse.success()))
                .build();
        JdkHttpServer small = JdkHttpServer.builder(echo).bodyBudgetBytes(ApiPipeline.MAX_BODY_BYTES + 1L).build();
        int port = small.start(0);
        // A chunked body reserves the whole limit while it arrives, byte by byte.
        try (Tricklers chunked = new Tricklers(port, 1, "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n", "1\r\na\r\n".repeat(100))) {
            Thread.sleep(1_000);

            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/echo"))
                    .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertJsonResponse(refused, 503, "{\"success\":false,\"error\":\"service-unavailable\"}");
        } finally {
            small.stop();
        }
    }

    @Test
    void keeps_serving_after_a_client_disappears_mid_body() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"a\":")
                    .getBytes(StandardCharsets.US_ASCII));
        }

        assertThat(send(to("/api/v1/echo").GET()).statusCode()).isEqualTo(200);
    }
}
