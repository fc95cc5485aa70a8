package dev.livechat.bootstrap.e2e;

import dev.livechat.bootstrap.e2e.LivechatHttp.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract 1.14: the limits are keyed on the TCP peer address only. {@code X-Forwarded-For} and {@code X-Real-IP} never
 * open a new window (the contract ignores them; the "unless a trusted proxy is configured" has no setting here),
 * while another peer address has a window of its own. Refused requests change nothing in the store.
 */
class RateLimitKeyHttpTest {

    private static final String TOO_MANY = "\\{\"success\":false,\"error\":\"Error, too many requests\\. Please slow down\\. "
            + "You must wait \\d+ seconds before trying this endpoint again\\. \\[error-too-many-requests]\"}";

    private static Response spoofed(LivechatHttp http, String method, String path, String body, int i) {
        var builder = http.builder(path, null)
                .header("X-Forwarded-For", "203.0.113." + i + ", 198.51.100." + i)
                .header("X-Real-IP", "192.0.2." + i)
                .header("Forwarded", "for=192.0.2." + i);
        if (body == null) {
            return http.send(builder.GET().build());
        }
        return http.send(builder.header("Content-Type", "application/json")
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), body);
    }

    @Test
    void forwarding_headers_never_open_a_new_window() {
        try (TestStore store = TestStore.create(TestStore.Kind.H2_MEMORY);
             LivechatHttp http = LivechatHttp.start(store, true, false)) {
            Map<String, String> limited = Map.of(
                    "/api/v1/livechat/room?token=unknown-token", "",
                    "/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"\"}}");
            for (Map.Entry<String, String> endpoint : limited.entrySet()) {
                String body = endpoint.getValue().isEmpty() ? null : endpoint.getValue();
                for (int i = 1; i <= 5; i++) {
                    assertThat(spoofed(http, "POST", endpoint.getKey(), body, i).status()).isEqualTo(400);
                }
                Map<String, List<String>> before = store.dump();
                for (int i = 6; i <= 12; i++) {
                    Response refused = spoofed(http, "POST", endpoint.getKey(), body, i);
                    assertThat(refused.status()).as(endpoint.getKey()).isEqualTo(429);
                    assertThat(refused.body()).matches(TOO_MANY);
                    assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("5");
                    assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
                    assertThat(Long.parseLong(refused.header("X-RateLimit-Reset"))).isGreaterThan(System.currentTimeMillis());
                }
                assertThat(store.dump()).isEqualTo(before);
            }
            for (int i = 1; i <= 10; i++) {
                assertThat(spoofed(http, "POST", "/api/v1/login", "{\"user\":\"admin\",\"password\":\"wrong\"}", i)
                        .status()).isEqualTo(401);
            }
            Response locked = spoofed(http, "POST", "/api/v1/login",
                    "{\"user\":\"admin\",\"password\":\"" + LivechatHttp.ADMIN_PASSWORD + "\"}", 99);
            assertThat(locked.status()).isEqualTo(429);
            assertThat(locked.body()).matches(TOO_MANY);
        }
    }

    @Test
    void another_peer_address_has_a_window_of_its_own() throws Exception {
        try (LivechatHttp http = LivechatHttp.start(true)) {
            for (int i = 1; i <= 5; i++) {
                assertThat(http.get("/api/v1/livechat/room?token=unknown-token").status()).isEqualTo(400);
            }
            assertThat(http.get("/api/v1/livechat/room?token=unknown-token").status()).isEqualTo(429);

            // the same request from 127.0.0.2 (still loopback) is counted on its own
            String response = rawGet(InetAddress.getByName("127.0.0.2"), http.livechat().port(),
                    "/api/v1/livechat/room?token=unknown-token");
            assertThat(response).startsWith("HTTP/1.1 400").contains("X-ratelimit-remaining: 4")
                    .endsWith("{\"success\":false,\"error\":\"invalid-token\"}");
        }
    }

    private static String rawGet(InetAddress from, int port, String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
