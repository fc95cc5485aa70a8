package dev.livechat.adapter.http.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livechat.adapter.http.json.Json;
import dev.livechat.adapter.http.ratelimit.RateLimitPolicy;
import dev.livechat.adapter.http.ratelimit.RateLimiter;
import dev.livechat.adapter.http.testing.CapturingLogs;
import dev.livechat.adapter.http.testing.MutableClock;
import dev.livechat.application.port.in.AuthenticateUseCase;
import dev.livechat.application.port.in.Caller;
import dev.livechat.domain.error.AuthenticationRequiredException;
import dev.livechat.domain.error.LoginFailedException;
import dev.livechat.domain.error.StoreUnavailableException;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.Permission;
import dev.livechat.domain.user.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiPipelineTest {

    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    static final String AGENT_ID = "XycfA5CetCPuEjqxw";
    static final String AGENT_TOKEN = "9HqLyZ_ZOa2fjd1bB0OLsJpUdVZFsHjwW3gq6Vd2TyE";

    final MutableClock clock = new MutableClock(T0);
    final AtomicInteger handlerCalls = new AtomicInteger();
    final List<String> authenticated = new ArrayList<>();

    final AuthenticateUseCase authentication = (userId, authToken) -> {
        authenticated.add(userId + "/" + authToken);
        if (AGENT_ID.equals(userId) && AGENT_TOKEN.equals(authToken)) {
            return new Caller(new UserId(AGENT_ID), "faria.masood", "Faria", List.of(Role.LIVECHAT_AGENT));
        }
        throw new AuthenticationRequiredException();
    };

    final Handler echo = request -> {
        handlerCalls.incrementAndGet();
        ObjectNode out = Json.object();
        out.set("body", request.body());
        out.set("query", Json.mapper().valueToTree(request.query()));
        out.put("cookie", request.cookie("rc_room_type"));
        out.put("remote", request.remoteAddress());
        out.put("success", "moved to the end");
        return ApiResponse.success(out);
    };

    ApiPipeline pipeline;

    @BeforeEach
    void setUp() {
        CapturingLogs.clear();
        pipeline = pipeline(RateLimiter.create(clock));
    }

    ApiPipeline pipeline(RateLimiter limiter) {
        return ApiPipeline.builder()
                .authentication(authentication)
                .rateLimiter(limiter)
                .endpoint(Endpoint.visitor("GET", "/api/v1/echo", echo))
                .endpoint(Endpoint.visitor("POST", "/api/v1/echo", echo))
                .endpoint(Endpoint.visitor("PUT", "/api/v1/echo", echo))
                .endpoint(Endpoint.visitor("GET", "/api/v1/livechat/visitor/:token", request -> {
                    ObjectNode out = Json.object();
                    out.put("token", request.pathParam("token"));
                    return ApiResponse.success(out);
                }))
                .endpoint(Endpoint.agent("GET", "/api/v1/me", request -> {
                    handlerCalls.incrementAndGet();
                    ObjectNode out = Json.object();
                    out.put("username", request.caller().username());
                    out.put("authToken", request.authToken());
                    return ApiResponse.success(out);
                }))
                .endpoint(Endpoint.agent("GET", "/api/v1/livechat/department", request -> {
                    request.requirePermissions(Permission.VIEW_L_ROOM, Permission.VIEW_LIVECHAT_DEPARTMENTS);
                    return ApiResponse.success();
                }))
                .endpoint(Endpoint.visitor("GET", "/api/v1/livechat/room", echo)
                        .rateLimited(RateLimitPolicy.requests(5, Duration.ofSeconds(60))))
                .endpoint(Endpoint.visitor("POST", "/api/v1/login", request -> {
                    handlerCalls.incrementAndGet();
                    if (!"right".equals(request.body().path("password").textValue())) {
                        throw new LoginFailedException();
                    }
                    ObjectNode out = Json.object();
                    out.put("status", "success");
                    out.putObject("data").put("userId", AGENT_ID);
                    out.put("success", true);
                    return ApiResponse.of(200, out);
                }).rateLimited(RateLimitPolicy.failedAttempts(10, Duration.ofSeconds(60))))
                .endpoint(Endpoint.visitor("GET", "/api/v1/store-down", request -> {
                    throw new StoreUnavailableException("pool exhausted", new IOException("jdbc:h2:secret"));
                }))
                .endpoint(Endpoint.visitor("GET", "/api/v1/boom", request -> {
                    throw new IllegalStateException("secret-detail token=abc");
                }))
                .endpoint(Endpoint.visitor("GET", "/api/v1/null", request -> null))
                .endpoint(Endpoint.visitor("GET", "/api/v1/caller", request -> {
                    request.caller();
                    return ApiResponse.success();
                }))
                .build();
    }

    static RawRequest get(String target, String... headers) {
        return request("GET", target, RequestBody.empty(), headers);
    }

    static RawRequest post(String target, String body, String... headers) {
        return request("POST", target, RequestBody.of(body.getBytes(StandardCharsets.UTF_8)), headers);
    }

    static RawRequest request(String method, String target, RequestBody body, String... headers) {
        int q = target.indexOf('?');
        return new RawRequest(method, q < 0 ? target : target.substring(0, q), q < 0 ? null : target.substring(q + 1),
                RequestHeaders.of(headers), body, "192.0.2.1");
    }

    static void assertResponse(RawResponse response, int status, String body) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.bodyText()).isEqualTo(body);
        assertThat(response.headers()).containsEntry("Content-Type", "application/json")
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Cache-Control", "no-store");
        assertThat(response.headers().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control"));
    }

    @Nested
    class Routing {

        @Test
        void unknown_path_is_404() {
            RawResponse response = pipeline.handle(get("/api/v1/nothing"));

            assertResponse(response, 404, "{\"status\":\"error\",\"message\":\"API endpoint does not exist\"}");
            assertThat(response.headers()).containsOnlyKeys("Content-Type", "X-Content-Type-Options", "Cache-Control");
        }

        @Test
        void known_path_with_another_method_is_405_with_allow() {
            RawResponse response = pipeline.handle(request("DELETE", "/api/v1/echo", RequestBody.empty()));

            assertResponse(response, 405, "{\"status\":\"error\",\"message\":\"API endpoint does not exist\"}");
            assertThat(response.header("Allow")).isEqualTo("GET, POST, PUT");
        }

        @Test
        void path_parameters_are_decoded_after_splitting() {
            assertResponse(pipeline.handle(get("/api/v1/livechat/visitor/a%2Fb+c")), 200,
                    "{\"token\":\"a/b+c\",\"success\":true}");
        }
    }

    @Nested
    class Bodies {

        @Test
        void success_is_the_last_key_and_handlers_see_body_query_cookies_and_address() {
            RawResponse response = pipeline.handle(post("/api/v1/echo?a=1+2&token%5B%24ne%5D=x&a=3", "{\"x\":[1]}",
                    "Cookie", "rc_room_type=l; rc_is_widget=t"));

            assertResponse(response, 200, "{\"body\":{\"x\":[1]},\"query\":{\"a\":[\"1 2\",\"3\"],"
                    + "\"token[$ne]\":[\"x\"]},\"cookie\":\"l\",\"remote\":\"192.0.2.1\",\"success\":true}");
        }

        @Test
        void post_and_put_without_body_are_an_empty_object() {
            assertThat(pipeline.handle(request("POST", "/api/v1/echo", RequestBody.empty(), "Content-Type", "text/plain"))
                    .bodyText()).startsWith("{\"body\":{},");
            assertThat(pipeline.handle(request("PUT", "/api/v1/echo", RequestBody.of(InputStream.nullInputStream(), 0)))
                    .bodyText()).startsWith("{\"body\":{},");
            assertThat(pipeline.handle(request("POST", "/api/v1/echo",
                    RequestBody.of(InputStream.nullInputStream(), RequestBody.UNKNOWN_LENGTH), "Content-Type", "text/plain"))
                    .bodyText()).startsWith("{\"body\":{},");
        }

        @Test
        void json_media_types_with_parameters_or_none_are_accepted() {
            for (String type : List.of("application/json", "application/json; charset=utf-8", "Application/JSON;x=y")) {
                assertThat(pipeline.handle(post("/api/v1/echo", "{}", "Content-Type", type)).status()).isEqualTo(200);
            }
            assertThat(pipeline.handle(post("/api/v1/echo", "{}")).status()).isEqualTo(200);
        }

        @Test
        void other_media_types_are_415() {
            for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/jsonx",
                    "multipart/form-data; boundary=x", "application/json-patch+json")) {
                assertResponse(pipeline.handle(post("/api/v1/echo", "{}", "Content-Type", type)), 415,
                        "{\"success\":false,\"error\":\"unsupported-media-type\"}");
            }
            assertThat(handlerCalls).hasValue(0);
        }

        @Test
        void a_declared_length_above_one_mebibyte_is_413_without_reading() {
            InputStream untouchable = new InputStream() {
                @Override
                public int read() {
                    throw new AssertionError("the body must not be read");
                }
            };

            assertResponse(pipeline.handle(request("POST", "/api/v1/echo", RequestBody.of(untouchable, 1_048_577))),
                    413, "{\"success\":false,\"error\":\"payload-too-large\"}");
        }

        @Test
        void a_chunked_body_is_read_at_most_one_byte_beyond_the_limit() {
            CountingStream endless = new CountingStream(Long.MAX_VALUE);

            assertResponse(pipeline.handle(request("POST", "/api/v1/echo",
                    RequestBody.of(endless, RequestBody.UNKNOWN_LENGTH))), 413,
                    "{\"success\":false,\"error\":\"payload-too-large\"}");
            assertThat(endless.read).isEqualTo(1_048_577);
        }

        @Test
        void exactly_one_mebibyte_is_accepted() {
            byte[] body = new byte[1_048_576];
            Arrays.fill(body, (byte) ' ');
            body[0] = '{';
            body[body.length - 1] = '}';

            assertThat(pipeline.handle(request("POST", "/api/v1/echo", RequestBody.of(body))).status()).isEqualTo(200);
            assertThat(pipeline.handle(request("POST", "/api/v1/echo",
                    RequestBody.of(new java.io.ByteArrayInputStream(body), RequestBody.UNKNOWN_LENGTH))).status())
                    .isEqualTo(200);
        }

        @Test
        void malformed_json_is_400() {
            String invalid = "{\"success\":false,\"error\":\"Invalid JSON body [invalid-params]\",\"errorType\":\"invalid-params\"}";
            for (String body : List.of("{", "{\"a\":1,\"a\":2}", "{\"a\":1,}", "{\"a\":NaN}", "[".repeat(65) + "]".repeat(65),
                    "{'a':1}", "{} {}")) {
                assertResponse(pipeline.handle(post("/api/v1/echo", body)), 400, invalid);
            }
            byte[] badUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'};
            assertResponse(pipeline.handle(request("POST", "/api/v1/echo", RequestBody.of(badUtf8))), 400, invalid);
            assertResponse(pipeline.handle(request("POST", "/api/v1/echo",
                    RequestBody.of(new java.io.ByteArrayInputStream(new byte[]{'{'}), 10))), 400, invalid);
        }

        @Test
        void a_top_level_value_other_than_an_object_is_400_must_be_object() {
            for (String body : List.of("[]", "null", "5", "\"x\"", "[" + "{}".repeat(0) + "]")) {
                assertResponse(pipeline.handle(post("/api/v1/echo", body)), 400,
                        "{\"success\":false,\"error\":\"must be object [invalid-params]\",\"errorType\":\"invalid-params\"}");
            }
        }
    }

    @Nested
    class Authentication {

        @Test
        void agent_endpoints_need_both_headers() {
            String unauthorized = "{\"status\":\"error\",\"message\":\"You must be logged in to do this.\"}";

            assertResponse(pipeline.handle(get("/api/v1/me")), 401, unauthorized);
            assertResponse(pipeline.handle(get("/api/v1/me", "X-User-Id", AGENT_ID)), 401, unauthorized);
            assertResponse(pipeline.handle(get("/api/v1/me", "X-User-Id", AGENT_ID, "X-Auth-Token", "wrong")), 401,
                    unauthorized);
            assertThat(handlerCalls).hasValue(0);
        }

        @Test
        void authenticated_callers_reach_the_handler() {
            RawResponse response = pipeline.handle(get("/api/v1/me", "x-user-id", AGENT_ID, "X-AUTH-TOKEN", AGENT_TOKEN));

            assertResponse(response, 200,
                    "{\"username\":\"faria.masood\",\"authToken\":\"" + AGENT_TOKEN + "\",\"success\":true}");
        }

        @Test
        void route_permissions_need_every_listed_permission() {
            assertResponse(pipeline.handle(get("/api/v1/livechat/department", "X-User-Id", AGENT_ID,
                    "X-Auth-Token", AGENT_TOKEN)), 403, "{\"success\":false,\"error\":\"User does not have the "
                    + "permissions required for this action [error-unauthorized]\"}");
        }

        @Test
        void repeated_authentication_headers_count_as_missing() {
            pipeline.handle(get("/api/v1/me", "X-User-Id", AGENT_ID, "X-User-Id", AGENT_ID, "X-Auth-Token", AGENT_TOKEN));

            assertThat(authenticated).containsExactly("null/" + AGENT_TOKEN);
        }

        @Test
        void visitor_endpoints_ignore_authentication_headers_entirely() {
            RawResponse response = pipeline.handle(get("/api/v1/echo", "X-User-Id", "bad", "X-Auth-Token", "bad"));

            assertThat(response.status()).isEqualTo(200);
            assertThat(authenticated).isEmpty();
        }

        @Test
        void the_body_is_checked_before_authentication() {
            RawResponse response = pipeline.handle(request("GET", "/api/v1/me",
                    RequestBody.of("x".getBytes(StandardCharsets.UTF_8)), "Content-Type", "text/plain"));

            assertThat(response.status()).isEqualTo(415);
            assertThat(authenticated).isEmpty();
        }

        @Test
        void caller_is_refused_on_visitor_endpoints() {
            assertThat(pipeline.handle(get("/api/v1/caller")).status()).isEqualTo(500);
        }

        @Test
        void agent_endpoints_need_an_authentication_use_case() {
            assertThatThrownBy(() -> ApiPipeline.builder()
                    .endpoint(Endpoint.agent("GET", "/api/v1/me", request -> ApiResponse.success())).build())
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void rate_limited_endpoints_need_a_limiter_with_the_applications_clock() {
            assertThatThrownBy(() -> ApiPipeline.builder()
                    .endpoint(Endpoint.visitor("GET", "/api/v1/livechat/room", request -> ApiResponse.success())
                            .rateLimited(RateLimitPolicy.requests(5, java.time.Duration.ofSeconds(60)))).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("rate-limited endpoints need a RateLimiter");
        }
    }

    @Nested
    class RateLimits {

        @Test
        void every_response_carries_the_headers_and_the_sixth_request_is_429_without_handler_call() {
            long reset = T0.toEpochMilli() + 60_000;
            for (int i = 1; i <= 5; i++) {
                RawResponse ok = pipeline.handle(get("/api/v1/livechat/room?token=t", "X-Forwarded-For", "10.0.0." + i));
                assertThat(ok.status()).isEqualTo(200);
                assertThat(ok.headers()).containsEntry("X-RateLimit-Limit", "5")
                        .containsEntry("X-RateLimit-Remaining", Integer.toString(5 - i))
                        .containsEntry("X-RateLimit-Reset", Long.toString(reset));
                clock.advance(Duration.ofMillis(1500));
            }

            RawResponse refused = pipeline.handle(get("/api/v1/livechat/room?token=t", "X-Real-IP", "10.9.9.9"));

            assertResponse(refused, 429, "{\"success\":false,\"error\":\"Error, too many requests. Please slow down. "
                    + "You must wait 53 seconds before trying this endpoint again. [error-too-many-requests]\"}");
            assertThat(refused.headers()).containsEntry("X-RateLimit-Limit", "5")
                    .containsEntry("X-RateLimit-Remaining", "0")
                    .containsEntry("X-RateLimit-Reset", Long.toString(reset));
            assertThat(handlerCalls).hasValue(5);
        }

        @Test
        void responses_refused_before_the_rate_limit_step_carry_the_headers_without_counting() {
            RawResponse badBody = pipeline.handle(request("GET", "/api/v1/livechat/room",
                    RequestBody.of("{".getBytes(StandardCharsets.UTF_8))));

            assertThat(badBody.status()).isEqualTo(400);
            assertThat(badBody.headers()).containsEntry("X-RateLimit-Remaining", "5");
            assertThat(pipeline.handle(get("/api/v1/livechat/room")).header("X-RateLimit-Remaining")).isEqualTo("4");
        }

        @Test
        void failed_logins_lock_out_the_address_even_for_the_right_password() {
            for (int i = 1; i <= 10; i++) {
                RawResponse failed = pipeline.handle(post("/api/v1/login", "{\"password\":\"wrong\"}"));
                assertResponse(failed, 401, "{\"status\":\"error\",\"error\":\"Unauthorized\",\"message\":\"Unauthorized\"}");
                assertThat(failed.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(10 - i));
            }

            RawResponse locked = pipeline.handle(post("/api/v1/login", "{\"password\":\"right\"}"));

            assertThat(locked.status()).isEqualTo(429);
            assertThat(handlerCalls).hasValue(10);
            clock.advance(Duration.ofSeconds(60));
            assertResponse(pipeline.handle(post("/api/v1/login", "{\"password\":\"right\"}")), 200,
                    "{\"status\":\"success\",\"data\":{\"userId\":\"" + AGENT_ID + "\"},\"success\":true}");
        }

        @Test
        void successful_logins_do_not_count() {
            for (int i = 0; i < 30; i++) {
                RawResponse ok = pipeline.handle(post("/api/v1/login", "{\"password\":\"right\"}"));
                assertThat(ok.status()).isEqualTo(200);
                assertThat(ok.header("X-RateLimit-Remaining")).isEqualTo("10");
            }
        }

        @Test
        void a_disabled_limiter_adds_nothing() {
            ApiPipeline unlimited = pipeline(RateLimiter.disabled());
            for (int i = 0; i < 20; i++) {
                RawResponse response = unlimited.handle(get("/api/v1/livechat/room"));
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.headers()).doesNotContainKeys("X-RateLimit-Limit", "X-RateLimit-Remaining",
                        "X-RateLimit-Reset");
            }
        }
    }

    @Nested
    class Failures {

        @Test
        void store_failures_are_503_and_logged_as_one_warning_line_without_a_stack_trace() {
            assertResponse(pipeline.handle(get("/api/v1/store-down")), 503,
                    "{\"success\":false,\"error\":\"service-unavailable\"}");
            assertThat(CapturingLogs.events(ApiPipeline.class.getName()))
                    .anySatisfy(e -> {
                        assertThat(e.level()).isEqualTo(Level.WARN);
                        assertThat(e.message()).isEqualTo(
                                "Store unavailable while serving GET /api/v1/store-down: pool exhausted (IOException)");
                        assertThat(e.throwable()).isNull();
                    });
        }

        @Test
        void unexpected_failures_are_500_without_details_and_logged_with_stack_trace() {
            RawResponse response = pipeline.handle(get("/api/v1/boom"));

            assertResponse(response, 500, "{\"success\":false,\"error\":\"internal-error\"}");
            assertThat(CapturingLogs.events(ApiPipeline.class.getName()))
                    .anySatisfy(e -> {
                        assertThat(e.level()).isEqualTo(Level.ERROR);
                        assertThat(e.throwable()).hasMessage("secret-detail token=abc");
                        assertThat(e.throwable().getStackTrace()).isNotEmpty();
                    });
        }

        @Test
        void a_handler_returning_null_is_a_bug() {
            assertResponse(pipeline.handle(get("/api/v1/null")), 500, "{\"success\":false,\"error\":\"internal-error\"}");
        }
    }

    @Nested
    class Logging {

        @Test
        void one_access_line_per_request_with_secrets_redacted() {
            pipeline.handle(get("/api/v1/livechat/room?token=visitor-secret&rid=R1"));
            pipeline.handle(get("/api/v1/livechat/visitor/visitor-secret"));
            pipeline.handle(get("/api/v1/me", "X-User-Id", AGENT_ID, "X-Auth-Token", AGENT_TOKEN));
            pipeline.handle(post("/api/v1/login", "{\"user\":\"u\",\"password\":\"pw-secret\"}"));

            List<CapturingLogs.Event> access = CapturingLogs.events("dev.livechat.access");
            assertThat(access).hasSize(4).allSatisfy(e -> assertThat(e.level()).isEqualTo(Level.INFO));
            assertThat(access.get(0).message()).matches("GET /api/v1/livechat/room\\?token=\\[redacted]&rid=R1 200 \\d+ms");
            assertThat(access.get(1).message()).matches("GET /api/v1/livechat/visitor/\\[redacted] 200 \\d+ms");
            assertThat(access.get(2).message()).matches("GET /api/v1/me 200 \\d+ms");
            assertThat(access.get(3).message()).matches("POST /api/v1/login 401 \\d+ms");
            assertThat(CapturingLogs.events()).noneSatisfy(e -> assertThat(e.message())
                    .containsAnyOf("visitor-secret", AGENT_TOKEN, "pw-secret"));
        }
    }

    @Test
    void overloaded_requests_get_503_without_any_step() {
        RawResponse response = pipeline.refuseOverloaded(get("/api/v1/me"));

        assertResponse(response, 503, "{\"success\":false,\"error\":\"service-unavailable\"}");
        assertThat(authenticated).isEmpty();
        assertThat(response.headers()).containsOnlyKeys("Content-Type", "X-Content-Type-Options", "Cache-Control");
        assertThat(Map.copyOf(response.headers())).hasSize(3);
    }

    /** An input stream of spaces that counts what was read. */
    static final class CountingStream extends InputStream {
        final long length;
        long read;

        CountingStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            if (read >= length) {
                return -1;
            }
            read++;
            return ' ';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - read);
            Arrays.fill(b, off, off + n, (byte) ' ');
            read += n;
            return n;
        }
    }
}
