package dev.livechat.bootstrap.e2e;

import dev.livechat.bootstrap.e2e.LivechatHttp.Response;
import dev.livechat.bootstrap.e2e.LivechatHttp.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.livechat.bootstrap.e2e.HostileInputTests.ID_PATTERN;
import static dev.livechat.bootstrap.e2e.HostileInputTests.MUST_BE_STRING;
import static dev.livechat.bootstrap.e2e.HostileInputTests.UNKNOWN_KEY;
import static dev.livechat.bootstrap.e2e.HostileInputTests.expect;
import static dev.livechat.bootstrap.e2e.HostileInputTests.invalidParams;
import static dev.livechat.bootstrap.e2e.HostileInputTests.json;
import static dev.livechat.bootstrap.e2e.HostileInputTests.match;
import static dev.livechat.bootstrap.e2e.HostileInputTests.plain;
import static dev.livechat.bootstrap.e2e.LivechatHttp.encode;
import static dev.livechat.bootstrap.e2e.LivechatHttp.quote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed bodies, media types, the size and depth limits, over-long values, unknown and repeated parameters,
 * pagination and sort limits and undefined methods, over HTTP on the real server: each with its exact status and body
 * (contract 1.1, 1.2, 1.7–1.9, 1.15), and none of them changes the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestLimitsHttpTest {

    private static final String INVALID_JSON = invalidParams("Invalid JSON body");

    private TestStore store;
    private LivechatHttp http;
    private Session agent;
    private String token;
    private String visitorId;
    private String roomId;

    @BeforeAll
    void startServer() {
        store = TestStore.create(TestStore.Kind.H2_MEMORY);
        http = LivechatHttp.start(store, false, false);
        agent = http.createAgent(http.admin(), "faria.masood", "Faria Masood");
        token = "tok-" + UUID.randomUUID();
        visitorId = http.registerVisitor(token, "Maria");
        roomId = http.openRoom(token);
    }

    @AfterAll
    void stopServer() {
        http.close();
        store.close();
    }

    private void unchanged(Runnable requests) {
        Map<String, List<String>> before = store.dump();
        requests.run();
        assertThat(store.dump()).isEqualTo(before);
    }

    private String message(String text) {
        return json("token", quote(token), "rid", quote(roomId), "msg", quote(text));
    }

    private Response postRaw(String path, String contentType, byte[] body) {
        HttpRequest.Builder builder = http.builder(path, null).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return http.send(builder.build(), new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void malformed_json_duplicate_keys_and_top_level_non_objects_are_400() {
        unchanged(() -> {
            for (String body : List.of("{", "{\"token\":}", "{'token':'x'}", "{\"token\":\"x\",}", "{\"a\":NaN}",
                    "{\"token\":\"x\"} trailing", "{/*c*/\"token\":\"x\"}", "{\"msg\":\"line\nbreak\"}",
                    "{\"token\":\"a\",\"token\":\"b\",\"rid\":\"r\",\"msg\":\"m\"}",
                    "{\"rid\":\"r\",\"msg\":\"m\",\"token\":" + quote(token) + ",\"rid\":" + quote(roomId) + "}")) {
                expect(http.post("/api/v1/livechat/message", body), 400, INVALID_JSON);
            }
            for (String body : List.of("[]", "[" + message("x") + "]", "\"x\"", "5", "null", "true")) {
                expect(http.post("/api/v1/livechat/message", body), 400, invalidParams("must be object"));
            }
            // invalid UTF-8 (7a)
            expect(postRaw("/api/v1/livechat/message", "application/json",
                    new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}), 400, INVALID_JSON);
        });
    }

    @Test
    void nesting_deeper_than_64_is_invalid_json_and_64_is_parsed() {
        unchanged(() -> {
            String deep65 = "{\"a\":".repeat(64) + "{}" + "}".repeat(64);
            String deep64 = "{\"a\":".repeat(63) + "{}" + "}".repeat(63);
            expect(http.post("/api/v1/livechat/message", deep65), 400, INVALID_JSON);
            expect(http.post("/api/v1/livechat/message", "{\"token\":" + "[".repeat(70) + "]".repeat(70) + "}"), 400,
                    INVALID_JSON);
            expect(http.post("/api/v1/livechat/message", deep64), 400, invalidParams("must have required property 'token'"));
        });
    }

    @Test
    void other_media_types_are_415_and_json_with_parameters_is_accepted() {
        unchanged(() -> {
            for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                    "application/xml", "application/json-patch+json", "text/json")) {
                expect(postRaw("/api/v1/livechat/message", type, message("x").getBytes(StandardCharsets.UTF_8)), 415,
                        plain("unsupported-media-type"));
            }
            expect(postRaw("/api/v1/livechat/message", "application/x-www-form-urlencoded",
                    ("token=" + token + "&rid=" + roomId + "&msg=x").getBytes(StandardCharsets.UTF_8)), 415,
                    plain("unsupported-media-type"));
            expect(postRaw("/api/v1/livechat/message", "Application/JSON; charset=utf-8",
                    json("token", quote("unknown-token"), "rid", quote(roomId), "msg", "\"x\"")
                            .getBytes(StandardCharsets.UTF_8)), 400, plain("invalid-token"));
        });
    }

    @Test
    void bodies_over_one_mebibyte_are_413_and_one_mebibyte_is_read() {
        unchanged(() -> {
            byte[] over = new byte[1_048_577];
            Arrays.fill(over, (byte) ' ');
            expect(postRaw("/api/v1/livechat/message", "application/json", over), 413, plain("payload-too-large"));
            expect(http.send(http.builder("/api/v1/livechat/message", null).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(over))).build()),
                    413, plain("payload-too-large"));
            // exactly 1 MiB: read and parsed (the message is then too long for the contract)
            String text = "x".repeat(1_048_576 - message("").length());
            byte[] limit = message(text).getBytes(StandardCharsets.UTF_8);
            assertThat(limit).hasSize(1_048_576);
            expect(postRaw("/api/v1/livechat/message", "application/json", limit), 400,
                    plain("message-length-exceeds-character-limit"));
        });
    }

    /** Reads one response with a Content-Length body from a raw socket, without waiting for the connection to close. */
    private static String readResponse(InputStream in) throws IOException {
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
    void an_announced_large_body_is_refused_before_it_is_sent() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", http.livechat().port())) {
            socket.setSoTimeout(5_000);
            long started = System.nanoTime();
            socket.getOutputStream().write(("POST /api/v1/livechat/message HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 104857600\r\n\r\n{\"token\":")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = readResponse(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 413").endsWith(plain("payload-too-large"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void a_streamed_body_is_refused_once_it_passes_the_limit_without_waiting_for_its_end() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", http.livechat().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/livechat/message HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            // 17 chunks of 64 KiB pass the limit; the stream then stalls without its last chunk
            for (int i = 0; i < 17; i++) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            long stalled = System.nanoTime();
            String response = readResponse(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 413").endsWith(plain("payload-too-large"));
            assertThat(Duration.ofNanos(System.nanoTime() - stalled)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void over_long_values_hit_the_limits_of_contract_1_15() {
        unchanged(() -> {
            String visitor = "/api/v1/livechat/visitor";
            expect(http.post(visitor, "{\"visitor\":{\"token\":" + quote("t".repeat(257)) + "}}"), 400,
                    match("Failed Match.Where validation in field visitor.token"));
            expect(http.post(visitor, "{\"visitor\":{\"token\":\"t-long\",\"name\":" + quote("n".repeat(257)) + "}}"), 400,
                    match("Failed Match.Where validation in field visitor.name"));
            expect(http.post(visitor, "{\"visitor\":{\"token\":\"t-long\",\"email\":" + quote("e".repeat(255)) + "}}"), 400,
                    match("Failed Match.Where validation in field visitor.email"));
            expect(http.post(visitor, "{\"visitor\":{\"token\":\"t-long\",\"phone\":" + quote("1".repeat(65)) + "}}"), 400,
                    match("Failed Match.Where validation in field visitor.phone"));
            expect(http.get("/api/v1/livechat/room?token=" + "t".repeat(257)), 400, plain("invalid-token"));
            expect(http.get("/api/v1/livechat/room?token=" + encode(token) + "&rid=" + "r".repeat(65)), 400,
                    plain("invalid-room"));
            expect(http.get("/api/v1/livechat/visitor/" + "t".repeat(257)), 400,
                    "{\"success\":false,\"error\":\"[invalid-token]\",\"errorType\":\"invalid-token\"}");
            expect(http.post("/api/v1/livechat/message", message("m".repeat(20_001))), 400,
                    plain("message-length-exceeds-character-limit"));
            expect(http.post("/api/v1/livechat/message", message("")), 400,
                    invalidParams("must NOT have fewer than 1 characters"));
            expect(http.post("/api/v1/livechat/message", json("token", quote(token), "rid", quote(roomId), "msg", "\"x\"",
                    "_id", quote("i".repeat(65)))), 400, ID_PATTERN);
            expect(http.post("/api/v1/chat.sendMessage", "{\"message\":{\"rid\":" + quote(roomId) + ",\"msg\":"
                    + quote("m".repeat(20_001)) + "}}", agent), 400, "{\"success\":false,\"error\":\"Message size exceeds "
                    + "Message_MaxAllowedSize [error-message-size-exceeded]\",\"errorType\":\"error-message-size-exceeded\","
                    + "\"details\":{\"method\":\"sendMessage\"}}");
            String survey = "/api/v1/livechat/room.survey";
            expect(http.post(survey, json("token", quote(token), "rid", quote(roomId), "data",
                    "[{\"name\":\"additionalFeedback\",\"value\":" + quote("v".repeat(5001)) + "}]")), 400,
                    invalidParams("must NOT have more than 5000 characters"));
            expect(http.post(survey, json("token", quote(token), "rid", quote(roomId), "data",
                    "[{\"name\":" + quote("n".repeat(65)) + ",\"value\":\"5\"}]")), 400,
                    invalidParams("must NOT have more than 64 characters"));
            expect(http.post(survey, json("token", quote(token), "rid", quote(roomId), "data",
                    "[" + "{\"name\":\"satisfaction\",\"value\":\"5\"},".repeat(20) + "{\"name\":\"satisfaction\",\"value\":\"5\"}]")),
                    400, invalidParams("must NOT have more than 20 items"));
            String close = "/api/v1/livechat/room.closeByUser";
            expect(http.post(close, json("rid", quote(roomId), "comment", quote("c".repeat(20_001))), agent), 400,
                    invalidParams("must NOT have more than 20000 characters"));
            expect(http.post(close, json("rid", quote(roomId), "tags", "[" + "\"t\",".repeat(20) + "\"t\"]"), agent), 400,
                    invalidParams("must NOT have more than 20 items"));
            expect(http.post(close, json("rid", quote(roomId), "tags", "[" + quote("t".repeat(257)) + "]"), agent), 400,
                    invalidParams("must NOT have more than 256 characters"));
            expect(http.post(close, json("rid", quote(roomId), "tags", "[\"\"]"), agent), 400,
                    invalidParams("must NOT have fewer than 1 characters"));
            String search = "/api/v1/livechat/visitors.searchChats/room/" + roomId + "/visitor/" + visitorId;
            expect(http.get(search + "?searchText=" + "s".repeat(257), agent), 400,
                    invalidParams("must NOT have more than 256 characters"));
            expect(http.get(search + "?source=" + "s".repeat(257), agent), 400,
                    invalidParams("must NOT have more than 256 characters"));
            expect(http.get(search + "?sort=" + encode("{\"ts\":1" + " ".repeat(250) + "}"), agent), 400,
                    invalidParams("must NOT have more than 256 characters"));
            expect(http.post("/api/v1/login", "{\"user\":\"admin\",\"password\":" + quote("p".repeat(100_000)) + "}"), 401,
                    HostileInputTests.LOGIN_FAILED);
        });
    }

    @Test
    void unknown_and_repeated_parameters_are_400() {
        unchanged(() -> {
            String history = "/api/v1/livechat/visitors.chatHistory/room/" + roomId + "/visitor/" + visitorId;
            expect(http.get(history + "?fields=x", agent), 400, UNKNOWN_KEY);
            expect(http.get(history + "?sort=" + encode("{\"ts\":1}") + "&sort=" + encode("{\"ts\":-1}"), agent), 400,
                    MUST_BE_STRING);
            expect(http.get(history + "?count=1&count=2", agent), 400, invalidParams("must be integer"));
            expect(http.get("/api/v1/livechat/room?token=" + encode(token) + "&token=" + encode(token)), 400,
                    match("Expected string, got object in field token"));
            expect(http.get("/api/v1/livechat/room?token=" + encode(token) + "&department=x"), 400,
                    match("Unknown key in field department"));
            expect(http.get("/api/v1/livechat/messages.history/" + roomId + "?token=" + encode(token) + "&token=x"), 400,
                    MUST_BE_STRING);
            expect(http.post("/api/v1/livechat/message", json("token", quote(token), "rid", quote(roomId), "msg", "\"x\"",
                    "ts", "\"2020-01-01T00:00:00.000Z\"")), 400, UNKNOWN_KEY);
            expect(http.post("/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"t\",\"username\":\"guest-1\"}}"), 400,
                    match("Unknown key in field visitor.username"));
        });
    }

    @Test
    void count_and_offset_are_plain_digits_within_bounds() {
        unchanged(() -> {
            String history = "/api/v1/livechat/visitors.chatHistory/room/" + roomId + "/visitor/" + visitorId;
            expect(http.get(history + "?count=-5", agent), 400, invalidParams("must be >= 0"));
            expect(http.get(history + "?offset=-1", agent), 400, invalidParams("must be >= 0"));
            for (String garbage : List.of("abc", "1.5", "1e3", "", "+1", "0x10", "%20", "1%00")) {
                expect(http.get(history + "?count=" + garbage, agent), 400, invalidParams("must be integer"));
                expect(http.get(history + "?offset=" + garbage, agent), 400, invalidParams("must be integer"));
            }
            expect(http.get(history + "?offset=2147483648", agent), 400, invalidParams("must be <= 2147483647"));
            expect(http.get(history + "?offset=" + "9".repeat(400), agent), 400, invalidParams("must be <= 2147483647"));
            Response huge = http.get(history + "?count=" + "9".repeat(400) + "&offset=2147483647", agent);
            assertThat(huge.status()).isEqualTo(200);
            assertThat(huge.json().get("count").asInt()).isZero();
            assertThat(huge.json().get("offset").asLong()).isEqualTo(2147483647L);
            Response zero = http.get(history + "?count=0", agent);
            assertThat(zero.json().get("count").asInt()).isEqualTo(1);
            expect(http.get("/api/v1/livechat/messages.history/" + roomId + "?token=" + encode(token) + "&limit=-1"),
                    400, invalidParams("must be >= 0"));
            assertThat(http.get("/api/v1/livechat/messages.history/" + roomId + "?token=" + encode(token) + "&limit="
                    + "9".repeat(50)).status()).isEqualTo(200);
        });
    }

    @Test
    void sort_keys_outside_the_allowlist_are_refused() {
        unchanged(() -> {
            String history = "/api/v1/livechat/visitors.chatHistory/room/" + roomId + "/visitor/" + visitorId;
            for (String sort : List.of("{\"v.token\":1}", "{\"v\":1}", "{\"_id\":1}", "{\"metrics.response.avg\":1}",
                    "{\"ts\":2}", "{\"ts\":\"1\"}", "{\"ts\":true}", "[\"ts\"]", "ts", "{\"ts\":1,\"ts\":-1}", "")) {
                Response response = http.get(history + "?sort=" + encode(sort), agent);
                if (sort.isEmpty()) {
                    assertThat(response.status()).isEqualTo(200); // an empty sort is the default order
                    continue;
                }
                expect(response, 400, "{\"success\":false,\"error\":" + quote("Invalid sort parameter provided: \"" + sort
                        + "\" [error-invalid-sort]") + ",\"errorType\":\"error-invalid-sort\","
                        + "\"details\":{\"helperMethod\":\"parseJsonQuery\"}}");
            }
        });
    }

    @Test
    void undefined_methods_are_405_with_the_defined_ones() {
        unchanged(() -> {
            Map<String, String> allowed = Map.of("/api/v1/livechat/room", "GET", "/api/v1/livechat/message", "POST",
                    "/api/v1/livechat/room.visitor", "PUT", "/api/v1/livechat/visitor/" + token, "GET, DELETE",
                    "/api/info", "GET");
            for (Map.Entry<String, String> route : allowed.entrySet()) {
                for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD")) {
                    if (route.getValue().contains(method)) {
                        continue;
                    }
                    Response response = http.send(http.builder(route.getKey(), null)
                            .method(method, HttpRequest.BodyPublishers.noBody()).build());
                    assertThat(response.status()).as(method + " " + route.getKey()).isEqualTo(405);
                    assertThat(response.header("Allow")).as(method + " " + route.getKey()).isEqualTo(route.getValue());
                    if (!method.equals("HEAD")) {
                        assertThat(response.body()).isEqualTo("{\"status\":\"error\",\"message\":\"API endpoint does not exist\"}");
                    }
                }
            }
            expect(http.get("/api/v1/livechat/nothing"), 404, "{\"status\":\"error\",\"message\":\"API endpoint does not exist\"}");
            expect(http.get("/api/v1/livechat/ROOM?token=x"), 404, "{\"status\":\"error\",\"message\":\"API endpoint does not exist\"}");
        });
    }
}
