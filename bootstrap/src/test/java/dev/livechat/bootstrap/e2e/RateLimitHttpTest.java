package dev.livechat.bootstrap.e2e;

import dev.livechat.bootstrap.e2e.LivechatHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract 1.14 on the real server: limits per client address, headers on every answer, 429 body. */
class RateLimitHttpTest {

    @Test
    void the_sixth_room_request_in_a_window_is_refused_with_headers() {
        try (LivechatHttp http = LivechatHttp.start(true)) {
            for (int i = 1; i <= 5; i++) {
                Response response = http.get("/api/v1/livechat/room?token=unknown-token");
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.header("X-RateLimit-Limit")).isEqualTo("5");
                assertThat(response.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(5 - i));
                assertThat(Long.parseLong(response.header("X-RateLimit-Reset"))).isGreaterThan(System.currentTimeMillis());
            }
            Response refused = http.send(http.builder("/api/v1/livechat/room?token=unknown-token", null)
                    .header("X-Forwarded-For", "203.0.113.9").GET().build());
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.body()).matches("\\{\"success\":false,\"error\":\"Error, too many requests\\. Please slow down\\. "
                    + "You must wait \\d+ seconds before trying this endpoint again\\. \\[error-too-many-requests]\"}");
            assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
            // other endpoints keep their own counters
            assertThat(http.get("/api/info").status()).isEqualTo(200);
        }
    }

    @Test
    void ten_failed_logins_lock_the_address_even_for_correct_passwords() {
        try (LivechatHttp http = LivechatHttp.start(true)) {
            for (int i = 0; i < 10; i++) {
                assertThat(http.post("/api/v1/login", "{\"user\":\"admin\",\"password\":\"wrong\"}").status()).isEqualTo(401);
            }
            Response locked = http.post("/api/v1/login",
                    "{\"user\":\"admin\",\"password\":\"" + LivechatHttp.ADMIN_PASSWORD + "\"}");
            assertThat(locked.status()).isEqualTo(429);
            assertThat(locked.header("X-RateLimit-Limit")).isEqualTo("10");
        }
    }
}
