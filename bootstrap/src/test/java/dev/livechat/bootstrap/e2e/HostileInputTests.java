package dev.livechat.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livechat.adapter.http.api.LivechatApi;
import dev.livechat.adapter.http.core.Endpoint;
import dev.livechat.bootstrap.e2e.LivechatHttp.Response;
import dev.livechat.bootstrap.e2e.LivechatHttp.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.livechat.bootstrap.e2e.LivechatHttp.encode;
import static dev.livechat.bootstrap.e2e.LivechatHttp.quote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operator injection and SQL metacharacters through every parameter of every endpoint, on a real server over one kind
 * of store (the subclasses choose it): MongoDB operators as JSON objects where strings belong ({@code {"$ne":null}}),
 * as query keys ({@code token[$ne]=x}) and as path ids; SQL metacharacters ({@code ' OR 1=1 --}) everywhere. Each case
 * asserts the exact status and body of the contract, and that the store holds exactly what it held before; metacharacters
 * in legitimate values are stored and returned literally.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileInputTests {

    static final String SQL = "' OR 1=1 --";
    static final String NE = "{\"$ne\":null}";
    static final String REGEX = "{\"$regex\":\".*\"}";

    private TestStore store;
    LivechatHttp http;
    Session admin;
    Session agent;
    /** An agent that serves no room: it may access no open room (contract 1.12). */
    Session idleAgent;
    Visitor maria;
    Visitor other;

    /** A registered visitor with an open room served by {@link #agent}. */
    record Visitor(String token, String id, String roomId) {
    }

    /** The store under test. */
    abstract TestStore.Kind kind();

    @BeforeAll
    void startServer() {
        if (!kind().available()) {
            return; // every test is skipped, visibly, by skipUnlessAvailable
        }
        store = TestStore.create(kind());
        http = LivechatHttp.start(store, false, false);
        admin = http.admin();
        agent = http.createAgent(admin, "faria.masood", "Faria Masood");
        idleAgent = http.createAgent(admin, "idle.agent", "Idle Agent");
        assertThat(http.post("/api/v1/livechat/agent.status", "{\"status\":\"not-available\"}", idleAgent).status())
                .isEqualTo(200);
        maria = visitor("Maria", "I have a question about my INVOICE");
        other = visitor("Other", "the private matter of another visitor");
        // the dump sees the data: rooms, messages and visitors are all there
        Map<String, List<String>> dump = store.dump();
        assertThat(dump.toString()).contains(maria.roomId(), other.roomId(), maria.token(), "private matter");
    }

    @BeforeEach
    void skipUnlessAvailable() {
        kind().assumeAvailable();
    }

    @AfterAll
    void stopServer() {
        if (http != null) {
            assertThat(http.errorResponsesChecked()).as("error bodies checked for leaks").isGreaterThan(100);
            http.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private Visitor visitor(String name, String firstMessage) {
        String token = "tok-" + UUID.randomUUID();
        String id = http.registerVisitor(token, name);
        String roomId = http.openRoom(token);
        assertThat(http.visitorMessage(token, roomId, firstMessage).status()).isEqualTo(200);
        return new Visitor(token, id, roomId);
    }

    static String invalidParams(String message) {
        return "{\"success\":false,\"error\":\"" + message + " [invalid-params]\",\"errorType\":\"invalid-params\"}";
    }

    static String plain(String code) {
        return "{\"success\":false,\"error\":\"" + code + "\"}";
    }

    static String match(String message) {
        return plain("Match error: " + message);
    }

    static final String MUST_BE_STRING = invalidParams("must be string");
    static final String UNKNOWN_KEY = invalidParams("must NOT have additional properties");
    static final String ID_PATTERN = invalidParams("must match pattern \\\"^[A-Za-z0-9_-]{1,64}$\\\"");
    static final String LOGIN_FAILED = "{\"status\":\"error\",\"error\":\"Unauthorized\",\"message\":\"Unauthorized\"}";
    static final String UNAUTHENTICATED = "{\"status\":\"error\",\"message\":\"You must be logged in to do this.\"}";

    static void expect(Response response, int status, String body) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
    }

    /** Runs {@code requests} and asserts that the store holds exactly what it held before. */
    void leavesTheStoreUnchanged(Runnable requests) {
        Map<String, List<String>> before = store.dump();
        requests.run();
        assertThat(store.dump()).isEqualTo(before);
    }

    static String path(String template, String... values) {
        String path = template;
        for (String value : values) {
            path = path.replaceFirst(":[A-Za-z_]+", value);
        }
        return path;
    }

    static String json(String... keysAndRawValues) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < keysAndRawValues.length; i += 2) {
            sb.append(i == 0 ? "" : ",").append(quote(keysAndRawValues[i])).append(':').append(keysAndRawValues[i + 1]);
        }
        return sb.append('}').toString();
    }

    // ---- visitor-facing endpoints -------------------------------------------------------------------------------------

    @Test
    void get_room_takes_no_operators_and_finds_nothing_with_metacharacters() {
        leavesTheStoreUnchanged(() -> {
            expect(http.get("/api/v1/livechat/room?" + encode("token[$ne]") + "=x"), 400,
                    match("Unknown key in field [\\\"token[$ne]\\\"]"));
            expect(http.get("/api/v1/livechat/room?token=" + encode(maria.token()) + "&" + encode("rid[$regex]") + "=.*"),
                    400, match("Unknown key in field [\\\"rid[$regex]\\\"]"));
            expect(http.get("/api/v1/livechat/room?token=a&token=b"), 400,
                    match("Expected string, got object in field token"));
            for (String token : List.of(SQL, NE, REGEX, "%", "_", ".*", "*", "\\")) {
                expect(http.get("/api/v1/livechat/room?token=" + encode(token)), 400, plain("invalid-token"));
            }
            for (String rid : List.of(SQL, NE, REGEX, ".*", other.roomId(), "x".repeat(65))) {
                expect(http.get("/api/v1/livechat/room?token=" + encode(maria.token()) + "&rid=" + encode(rid)), 400,
                        plain("invalid-room"));
            }
            // agentId is ignored for a visitor who has an open room: the room is answered as it is
            for (String agentId : List.of(SQL, NE)) {
                Response room = http.get("/api/v1/livechat/room?token=" + encode(maria.token()) + "&agentId="
                        + encode(agentId));
                assertThat(room.status()).isEqualTo(200);
                assertThat(room.json().at("/room/_id").asText()).isEqualTo(maria.roomId());
                assertThat(room.json().get("newRoom").asBoolean()).isFalse();
            }
        });
    }

    @Test
    void survey_takes_strings_only_and_binds_token_and_room() {
        String data = "[{\"name\":\"satisfaction\",\"value\":\"5\"}]";
        String path = "/api/v1/livechat/room.survey";
        leavesTheStoreUnchanged(() -> {
            expect(http.post(path, json("token", NE, "rid", quote(maria.roomId()), "data", data)), 400, MUST_BE_STRING);
            expect(http.post(path, json("token", quote(maria.token()), "rid", REGEX, "data", data)), 400, MUST_BE_STRING);
            expect(http.post(path, json("token", quote(maria.token()), "rid", quote(maria.roomId()), "data", NE)), 400,
                    invalidParams("must be array"));
            expect(http.post(path, json("token", quote(maria.token()), "rid", quote(maria.roomId()),
                    "data", "[{\"name\":" + NE + ",\"value\":\"5\"}]")), 400, MUST_BE_STRING);
            expect(http.post(path, json("token", quote(maria.token()), "rid", quote(maria.roomId()),
                    "data", "[{\"name\":\"satisfaction\",\"value\":{\"$gt\":\"\"}}]")), 400, MUST_BE_STRING);
            expect(http.post(path, json("token", quote(maria.token()), "rid", quote(maria.roomId()),
                    "data", "[{\"name\":\"satisfaction\",\"value\":\"5\",\"$set\":{\"open\":false}}]")), 400, UNKNOWN_KEY);
            expect(http.post(path, json("token", quote(maria.token()), "rid", quote(maria.roomId()), "data", data,
                    "$where", "\"1\"")), 400, UNKNOWN_KEY);
            expect(http.post(path, json("token", quote(SQL), "rid", quote(maria.roomId()), "data", data)), 400,
                    plain("invalid-token"));
            expect(http.post(path, json("token", quote(maria.token()), "rid", quote(SQL), "data", data)), 400,
                    plain("invalid-room"));
            expect(http.post(path, json("token", quote(maria.token()), "rid", quote(other.roomId()), "data", data)), 400,
                    plain("invalid-room"));
            // names that are operators or prototype keys are dropped like any unknown name
            expect(http.post(path, json("token", quote(maria.token()), "rid", quote(maria.roomId()), "data",
                    "[{\"name\":\"$set\",\"value\":\"5\"},{\"name\":\"__proto__\",\"value\":\"5\"},"
                            + "{\"name\":\"satisfaction\",\"value\":\"" + SQL + "\"}]")), 400, plain("invalid-data"));
        });
    }

    @Test
    void close_takes_strings_only_and_binds_token_and_room() {
        String path = "/api/v1/livechat/room.close";
        leavesTheStoreUnchanged(() -> {
            expect(http.post(path, json("token", NE, "rid", quote(maria.roomId()))), 400, MUST_BE_STRING);
            expect(http.post(path, json("token", quote(maria.token()), "rid", NE)), 400, MUST_BE_STRING);
            expect(http.post(path, json("token", quote(SQL), "rid", quote(maria.roomId()))), 400, plain("invalid-token"));
            expect(http.post(path, json("token", quote(maria.token()), "rid", quote(SQL))), 400, plain("invalid-room"));
            expect(http.post(path, json("token", quote(maria.token()), "rid", quote(other.roomId()))), 400,
                    plain("invalid-room"));
        });
    }

    @Test
    void visitor_registration_takes_strings_only() {
        String path = "/api/v1/livechat/visitor";
        leavesTheStoreUnchanged(() -> {
            expect(http.post(path, "{\"visitor\":{\"token\":" + NE + "}}"), 400,
                    match("Expected string, got object in field visitor.token"));
            expect(http.post(path, "{\"visitor\":{\"token\":[\"a\"]}}"), 400,
                    match("Expected string, got object in field visitor.token"));
            expect(http.post(path, "{\"visitor\":{\"token\":\"t-new\",\"name\":" + NE + "}}"), 400,
                    match("Expected string, got object in field visitor.name"));
            expect(http.post(path, "{\"visitor\":{\"token\":\"t-new\",\"email\":" + REGEX + "}}"), 400,
                    match("Expected string, got object in field visitor.email"));
            expect(http.post(path, "{\"visitor\":{\"token\":\"t-new\",\"department\":" + NE + "}}"), 400,
                    match("Expected string, got object in field visitor.department"));
            expect(http.post(path, "{\"visitor\":{\"token\":\"t-new\",\"phone\":{\"$gt\":\"\"}}}"), 400,
                    match("Expected string, got object in field visitor.phone"));
            expect(http.post(path, "{\"visitor\":{\"token\":\"t-new\",\"$where\":\"1\"}}"), 400,
                    match("Unknown key in field visitor.$where"));
            expect(http.post(path, "{\"visitor\":{\"token\":\"t-new\",\"_id\":\"" + other.id() + "\"}}"), 400,
                    match("Unknown key in field visitor._id"));
            expect(http.post(path, "{\"visitor\":{\"token\":\"t-new\"},\"$set\":{\"token\":\"x\"}}"), 400,
                    match("Unknown key in field $set"));
            expect(http.post(path, "{\"visitor\":" + NE + "}"), 400, match("Unknown key in field visitor.$ne"));
            expect(http.post(path, "{\"visitor\":{\"token\":\"t-new\",\"department\":" + quote(SQL) + "}}"), 400,
                    "{\"success\":false,\"error\":\"The provided department is invalid [error-invalid-department]\","
                            + "\"errorType\":\"error-invalid-department\"}");
        });
    }

    @Test
    void visitor_lookup_by_path_finds_nothing_with_operators_or_metacharacters() {
        leavesTheStoreUnchanged(() -> {
            for (String token : List.of(encode(NE), encode(REGEX), "%7B%22%24regex%22%3A%22.*%22%7D",
                    encode(SQL).replace("+", "%20"), "%25", "_", ".*", "..", "%2E%2E", "a%2Fb", "%00", "x".repeat(300))) {
                expect(http.get("/api/v1/livechat/visitor/" + token), 400,
                        "{\"success\":false,\"error\":\"[invalid-token]\",\"errorType\":\"invalid-token\"}");
            }
        });
    }

    @Test
    void visitor_messages_take_strings_only_and_bind_token_and_room() {
        String path = "/api/v1/livechat/message";
        leavesTheStoreUnchanged(() -> {
            expect(http.post(path, json("token", NE, "rid", quote(maria.roomId()), "msg", "\"x\"")), 400, MUST_BE_STRING);
            expect(http.post(path, json("token", quote(maria.token()), "rid", REGEX, "msg", "\"x\"")), 400, MUST_BE_STRING);
            expect(http.post(path, json("token", quote(maria.token()), "rid", quote(maria.roomId()), "msg", NE)), 400,
                    MUST_BE_STRING);
            expect(http.post(path, json("token", quote(maria.token()), "rid", quote(maria.roomId()), "msg", "\"x\"",
                    "_id", NE)), 400, MUST_BE_STRING);
            expect(http.post(path, json("token", quote(maria.token()), "rid", quote(maria.roomId()), "msg", "\"x\"",
                    "_id", quote(SQL))), 400, ID_PATTERN);
            expect(http.post(path, json("token", quote(maria.token()), "rid", quote(maria.roomId()), "msg", "\"x\"",
                    "agent", "{\"agentId\":" + NE + ",\"username\":\"x\"}")), 400, MUST_BE_STRING);
            expect(http.post(path, json("token", quote(SQL), "rid", quote(maria.roomId()), "msg", "\"x\"")), 400,
                    plain("invalid-token"));
            expect(http.post(path, json("token", quote(maria.token()), "rid", quote(SQL), "msg", "\"x\"")), 400,
                    plain("invalid-room"));
            expect(http.post(path, json("token", quote(maria.token()), "rid", quote(other.roomId()), "msg", "\"x\"")),
                    400, plain("invalid-room"));
        });
    }

    @Test
    void message_history_takes_no_operators_and_binds_token_and_room() {
        leavesTheStoreUnchanged(() -> {
            String own = "/api/v1/livechat/messages.history/" + maria.roomId() + "?token=" + encode(maria.token());
            expect(http.get("/api/v1/livechat/messages.history/" + maria.roomId() + "?" + encode("token[$ne]") + "=x"),
                    400, invalidParams("must have required property 'token'"));
            expect(http.get(own + "&" + encode("end[$gt]") + "=x"), 400, UNKNOWN_KEY);
            expect(http.get(own + "&token=x"), 400, MUST_BE_STRING);
            expect(http.get(own + "&limit=" + encode(NE)), 400, invalidParams("must be integer"));
            expect(http.get(own + "&end=" + encode(SQL)), 400, invalidParams("must match format \\\"date-time\\\""));
            for (String token : List.of(SQL, NE, ".*", "%")) {
                expect(http.get("/api/v1/livechat/messages.history/" + maria.roomId() + "?token=" + encode(token)), 400,
                        plain("invalid-token"));
            }
            for (String rid : List.of(encode(REGEX), encode(SQL).replace("+", "%20"), "..", "%00", other.roomId())) {
                expect(http.get("/api/v1/livechat/messages.history/" + rid + "?token=" + encode(maria.token())), 400,
                        plain("invalid-room"));
            }
        });
    }

    @Test
    void login_fails_alike_for_every_operator_and_metacharacter() {
        String path = "/api/v1/login";
        leavesTheStoreUnchanged(() -> {
            for (String body : List.of(
                    json("user", NE, "password", NE),
                    json("user", quote(LivechatHttp.ADMIN), "password", NE),
                    json("user", quote(LivechatHttp.ADMIN), "password", REGEX),
                    json("user", "{\"username\":" + NE + "}", "password", "\"x\""),
                    json("user", "{\"email\":" + REGEX + "}", "password", "\"x\""),
                    json("username", REGEX, "password", "\"x\""),
                    json("email", NE, "password", "\"x\""),
                    json("user", quote(SQL), "password", quote(SQL)),
                    json("user", quote(LivechatHttp.ADMIN + "' --"), "password", quote(SQL)),
                    json("user", quote(LivechatHttp.ADMIN), "password", quote(SQL)),
                    json("user", quote("%"), "password", quote("%")),
                    json("username", quote(".*"), "password", quote("x")))) {
                expect(http.post(path, body), 401, LOGIN_FAILED);
            }
        });
    }

    @Test
    void authentication_headers_with_operators_or_metacharacters_are_401() {
        leavesTheStoreUnchanged(() -> {
            for (String[] headers : List.of(new String[]{agent.userId(), NE}, new String[]{NE, agent.authToken()},
                    new String[]{SQL, SQL}, new String[]{agent.userId(), SQL}, new String[]{agent.userId(), "%"},
                    new String[]{REGEX, REGEX})) {
                Response response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/me"))
                        .header("X-User-Id", headers[0]).header("X-Auth-Token", headers[1]).GET().build());
                expect(response, 401, UNAUTHENTICATED);
            }
        });
    }

    String baseUrl() {
        return "http://127.0.0.1:" + http.livechat().port();
    }

    // ---- agent-facing endpoints ---------------------------------------------------------------------------------------

    private String history(String roomId, String visitorId) {
        return "/api/v1/livechat/visitors.chatHistory/room/" + roomId + "/visitor/" + visitorId;
    }

    private String search(String roomId, String visitorId) {
        return "/api/v1/livechat/visitors.searchChats/room/" + roomId + "/visitor/" + visitorId;
    }

    @Test
    void chat_history_takes_no_operators_in_path_or_query() {
        leavesTheStoreUnchanged(() -> {
            for (String roomId : List.of(encode(REGEX), encode(NE), encode(SQL).replace("+", "%20"), "..", "%00",
                    "x".repeat(65))) {
                expect(http.get(history(roomId, maria.id()), admin), 400, plain("invalid-room"));
            }
            for (String visitorId : List.of(encode(REGEX), encode(NE), encode(SQL).replace("+", "%20"), other.id())) {
                expect(http.get(history(maria.roomId(), visitorId), admin), 400, plain("error-not-allowed"));
            }
            String own = history(maria.roomId(), maria.id());
            expect(http.get(own + "?" + encode("count[$gt]") + "=0", admin), 400, UNKNOWN_KEY);
            expect(http.get(own + "?query=" + encode("{\"v.token\":" + NE + "}"), admin), 400, UNKNOWN_KEY);
            expect(http.get(own + "?fields=" + encode("{\"v.token\":1}"), admin), 400, UNKNOWN_KEY);
            expect(http.get(own + "?offset=" + encode(SQL), admin), 400, invalidParams("must be integer"));
            expect(http.get(own + "?count=" + encode(NE), admin), 400, invalidParams("must be integer"));
            for (String sort : List.of("{\"v.token\":1}", "{\"$where\":1}", "{\"ts\":{\"$gt\":1}}", SQL, "{\"ts\":\"1\"}")) {
                expect(http.get(own + "?sort=" + encode(sort), admin), 400, "{\"success\":false,\"error\":"
                        + quote("Invalid sort parameter provided: \"" + sort + "\" [error-invalid-sort]")
                        + ",\"errorType\":\"error-invalid-sort\",\"details\":{\"helperMethod\":\"parseJsonQuery\"}}");
            }
        });
    }

    @Test
    void chat_search_matches_operators_and_wildcards_literally() {
        leavesTheStoreUnchanged(() -> {
            String own = search(maria.roomId(), maria.id());
            for (String text : List.of(SQL, NE, REGEX, ".*", "%", "_", "%%", "\\", "[a-z]", "(a+)+$", "INVOICE%", "I_VOICE",
                    "secret", "private matter")) {
                Response response = http.get(own + "?searchText=" + encode(text), admin);
                assertThat(response.status()).as(text).isEqualTo(200);
                assertThat(response.json().get("total").asInt()).as(text).isZero();
            }
            Response literal = http.get(own + "?searchText=" + encode("invoice"), admin);
            assertThat(literal.json().get("total").asInt()).isEqualTo(1);
            for (String source : List.of(SQL, NE, ".*", "%")) {
                assertThat(http.get(own + "?source=" + encode(source), admin).json().get("total").asInt()).isZero();
            }
            expect(http.get(own + "?" + encode("searchText[$regex]") + "=.*", admin), 400, UNKNOWN_KEY);
            expect(http.get(own + "?closedChatsOnly=" + encode(NE), admin), 400,
                    invalidParams("must be equal to one of the allowed values"));
            expect(http.get(own + "?servedChatsOnly=" + encode(SQL), admin), 400,
                    invalidParams("must be equal to one of the allowed values"));
            expect(http.get(search(encode(REGEX), maria.id()), admin), 400, plain("invalid-room"));
            expect(http.get(search(maria.roomId(), encode(NE)), admin), 400, plain("error-not-allowed"));
        });
    }

    @Test
    void room_visitor_change_takes_strings_only_and_finds_nothing_with_metacharacters() {
        String path = "/api/v1/livechat/room.visitor";
        leavesTheStoreUnchanged(() -> {
            expect(http.put(path, json("rid", NE, "visitorId", quote(other.id())), admin), 400, MUST_BE_STRING);
            expect(http.put(path, json("rid", quote(maria.roomId()), "visitorId", REGEX), admin), 400, MUST_BE_STRING);
            expect(http.put(path, json("rid", quote(maria.roomId()), "oldVisitorId", NE, "newVisitorId",
                    quote(other.id())), admin), 400, MUST_BE_STRING);
            expect(http.put(path, json("rid", quote(maria.roomId()), "visitorId", quote(SQL)), admin), 400,
                    plain("visitor-not-found"));
            expect(http.put(path, json("rid", quote(SQL), "visitorId", quote(other.id())), admin), 400,
                    plain("invalid-room"));
            expect(http.put(path, json("rid", quote(maria.roomId()), "oldVisitorId", quote(SQL), "newVisitorId",
                    quote(other.id())), admin), 400, plain("invalid-room-visitor"));
        });
    }

    @Test
    void close_by_user_and_agent_messages_take_strings_only() {
        leavesTheStoreUnchanged(() -> {
            String close = "/api/v1/livechat/room.closeByUser";
            expect(http.post(close, json("rid", NE), agent), 400, MUST_BE_STRING);
            expect(http.post(close, json("rid", quote(maria.roomId()), "comment", NE), agent), 400, MUST_BE_STRING);
            expect(http.post(close, json("rid", quote(maria.roomId()), "tags", "[" + NE + "]"), agent), 400,
                    MUST_BE_STRING);
            expect(http.post(close, json("rid", quote(SQL)), agent), 400, plain("error-invalid-room"));
            expect(http.post(close, json("rid", quote(maria.roomId())), idleAgent), 400, plain("error-not-authorized"));
            String send = "/api/v1/chat.sendMessage";
            expect(http.post(send, "{\"message\":{\"rid\":" + NE + ",\"msg\":\"x\"}}", agent), 400, MUST_BE_STRING);
            expect(http.post(send, "{\"message\":{\"rid\":" + quote(maria.roomId()) + ",\"msg\":" + NE + "}}", agent),
                    400, MUST_BE_STRING);
            expect(http.post(send, "{\"message\":" + NE + "}", agent), 400, invalidParams("must have required property 'rid'"));
            expect(http.post(send, "{\"message\":{\"rid\":" + quote(maria.roomId()) + ",\"msg\":\"x\",\"_id\":"
                    + quote(SQL) + "}}", agent), 400, ID_PATTERN);
            expect(http.post(send, "{\"message\":{\"rid\":" + quote(SQL) + ",\"msg\":\"x\"}}", agent), 400,
                    plain("error-invalid-room"));
            expect(http.post(send, "{\"message\":{\"rid\":" + quote(maria.roomId()) + ",\"msg\":\"x\"}}", idleAgent), 400,
                    plain("error-not-allowed"));
        });
    }

    @Test
    void user_management_takes_strings_only_and_finds_nothing_with_metacharacters() {
        leavesTheStoreUnchanged(() -> {
            String create = "/api/v1/users.create";
            String valid = "\"email\":\"new@example.com\",\"name\":\"New\",\"password\":\"pw\"";
            expect(http.post(create, "{" + valid + ",\"username\":" + NE + "}", admin), 400, MUST_BE_STRING);
            expect(http.post(create, "{" + valid + ",\"username\":\"new.user\",\"roles\":[" + NE + "]}", admin), 400,
                    MUST_BE_STRING);
            expect(http.post(create, "{" + valid + ",\"username\":\"new.user\",\"$set\":{\"roles\":[\"admin\"]}}", admin),
                    400, UNKNOWN_KEY);
            expect(http.post(create, "{" + valid + ",\"username\":" + quote(SQL) + "}", admin), 400,
                    "{\"success\":false,\"error\":\"&#39; OR 1=1 -- is not a valid username [error-input-is-not-a-valid-field]\","
                            + "\"errorType\":\"error-input-is-not-a-valid-field\",\"details\":{\"method\":\"insertOrUpdateUser\","
                            + "\"input\":\"' OR 1=1 --\",\"field\":\"Username\"}}");
            expect(http.post("/api/v1/livechat/users/agent", json("username", NE), admin), 400, MUST_BE_STRING);
            expect(http.post("/api/v1/livechat/users/agent", json("username", quote(SQL)), admin), 400,
                    plain("error-invalid-user"));
            expect(http.post("/api/v1/livechat/users/" + encode(NE), json("username", quote("idle.agent")), admin), 400,
                    plain("Invalid type"));
            expect(http.delete("/api/v1/livechat/users/agent/" + encode(SQL).replace("+", "%20"), admin), 400,
                    "{\"success\":false}");
            expect(http.delete("/api/v1/livechat/users/agent/" + encode(NE), admin), 400, "{\"success\":false}");
            for (String text : List.of(SQL, NE, ".*", "%", "_")) {
                Response users = http.get("/api/v1/livechat/users/agent?text=" + encode(text), admin);
                assertThat(users.status()).isEqualTo(200);
                assertThat(users.json().get("total").asInt()).as(text).isZero();
            }
            expect(http.get("/api/v1/livechat/users/agent?" + encode("text[$regex]") + "=.*", admin), 400, UNKNOWN_KEY);
            expect(http.post("/api/v1/livechat/agent.status", json("agentId", NE), admin), 400, MUST_BE_STRING);
            expect(http.post("/api/v1/livechat/agent.status", json("status", NE), admin), 400, MUST_BE_STRING);
            expect(http.post("/api/v1/livechat/agent.status", json("agentId", quote(SQL)), admin), 404,
                    plain("Agent not found"));
        });
    }

    @Test
    void search_text_is_literal_and_fast_on_long_messages() {
        String token = "tok-" + UUID.randomUUID();
        String visitorId = http.registerVisitor(token, "Long");
        String roomId = http.openRoom(token);
        for (int i = 0; i < 20; i++) {
            assertThat(http.visitorMessage(token, roomId, "a".repeat(19_990) + "%_.*" + i).status()).isEqualTo(200);
        }
        String own = search(roomId, visitorId);
        for (String text : List.of("a".repeat(255) + "c", "%a".repeat(128), "_a".repeat(128), "(a+)+$", "(a|aa)*c",
                "a.*a.*a.*a.*a.*c", "[^b]*c", "\\a".repeat(85))) {
            long started = System.nanoTime();
            Response response = http.get(own + "?searchText=" + encode(text), admin);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(response.json().get("total").asInt()).as(text).isZero();
            assertThat(millis).as("searchText %s took %d ms", text, millis).isLessThan(2_000);
        }
        assertThat(http.get(own + "?searchText=" + encode("A%_.*1"), admin).json().get("total").asInt()).isEqualTo(1);
    }

    // ---- text no store can hold: U+0000 and unpaired surrogates (PostgreSQL refused the one with a 500 before) ----------

    static final String INVALID_JSON = invalidParams("Invalid JSON body");

    @Test
    void nul_and_unpaired_surrogates_in_bodies_are_invalid_json_everywhere() {
        leavesTheStoreUnchanged(() -> {
            for (String bad : List.of("\\u0000", "a\\u0000b", "\\ud800", "x\\udc00", "\\ude00\\ud83d")) {
                expect(http.post("/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"t" + bad + "\"}}"), 400,
                        INVALID_JSON);
                expect(http.post("/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"t-nul\",\"name\":\"" + bad
                        + "\"}}"), 400, INVALID_JSON);
                expect(http.post("/api/v1/livechat/message", json("token", quote(maria.token()), "rid",
                        quote(maria.roomId()), "msg", "\"" + bad + "\"")), 400, INVALID_JSON);
                expect(http.post("/api/v1/login", "{\"user\":\"admin\",\"password\":\"" + bad + "\"}"), 400,
                        INVALID_JSON);
                expect(http.post("/api/v1/chat.sendMessage", "{\"message\":{\"rid\":" + quote(maria.roomId())
                        + ",\"msg\":\"" + bad + "\"}}", agent), 400, INVALID_JSON);
                expect(http.post("/api/v1/livechat/room.survey", json("token", quote(maria.token()), "rid",
                        quote(maria.roomId()), "data", "[{\"name\":\"additionalFeedback\",\"value\":\"" + bad + "\"}]")),
                        400, INVALID_JSON);
                expect(http.post("/api/v1/livechat/room.survey", "{\"tok" + bad + "en\":\"x\"}"), 400, INVALID_JSON);
            }
        });
    }

    @Test
    void nul_in_urls_never_reaches_the_store() {
        leavesTheStoreUnchanged(() -> {
            expect(http.get("/api/v1/livechat/room?token=" + encode(maria.token()) + "%00"), 400, plain("invalid-token"));
            expect(http.get("/api/v1/livechat/room?token=%00"), 400, plain("invalid-token"));
            expect(http.get("/api/v1/livechat/visitor/a%00b"), 400,
                    "{\"success\":false,\"error\":\"[invalid-token]\",\"errorType\":\"invalid-token\"}");
            expect(http.get("/api/v1/livechat/messages.history/" + maria.roomId() + "?token=%00"), 400,
                    plain("invalid-token"));
            String own = search(maria.roomId(), maria.id());
            for (String query : List.of("searchText=%00", "searchText=INVOICE%00", "source=%00", "sort=%00")) {
                Response response = http.get(own + "?" + query, admin);
                assertThat(response.status()).as(query).isIn(200, 400);
            }
            assertThat(http.get(own + "?searchText=%00", admin).json().get("total").asInt()).isZero();
            assertThat(http.get("/api/v1/livechat/users/agent?text=%00", admin).json().get("total").asInt()).isZero();
        });
    }

    @Test
    void characters_beyond_the_basic_plane_round_trip() {
        String token = "tok-\uD83D\uDE00-" + UUID.randomUUID();
        String name = "Mária \uD83D\uDE00 中 \uD834\uDD1E";
        Response registered = http.post("/api/v1/livechat/visitor",
                "{\"visitor\":{\"token\":" + quote(token) + ",\"name\":\"Mária \\ud83d\\ude00 中 \uD834\uDD1E\"}}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        http.visitorToken(token);
        JsonNode visitor = http.get("/api/v1/livechat/visitor/" + encode(token)).json().get("visitor");
        assertThat(visitor.get("token").asText()).isEqualTo(token);
        assertThat(visitor.get("name").asText()).isEqualTo(name);
        String roomId = http.openRoom(token);
        assertThat(http.visitorMessage(token, roomId, name).status()).isEqualTo(200);
        Response found = http.get(search(roomId, visitor.get("_id").asText()) + "?searchText=" + encode("\uD83D\uDE00 中"),
                admin);
        assertThat(found.json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void departments_queue_forward_config_and_erasure_take_strings_only_and_find_nothing_with_metacharacters() {
        String valid = "{\"name\":\"Sales\",\"email\":\"s@example.com\",\"enabled\":true,\"showOnRegistration\":true,"
                + "\"showOnOfflineForm\":true}";
        String invalidToken = "{\"success\":false,\"error\":\"[invalid-token]\",\"errorType\":\"invalid-token\"}";
        leavesTheStoreUnchanged(() -> {
            String departments = "/api/v1/livechat/department";
            expect(http.post(departments, "{\"department\":" + valid.replace("\"Sales\"", NE) + "}", admin), 400,
                    MUST_BE_STRING);
            expect(http.post(departments, "{\"department\":" + valid + ",\"agents\":[{\"agentId\":" + NE + "}]}", admin),
                    400, MUST_BE_STRING);
            expect(http.post(departments, "{\"department\":" + valid.replace("}", ",\"$where\":\"1\"}") + "}", admin), 400,
                    UNKNOWN_KEY);
            expect(http.post(departments, "{\"department\":" + valid + ",\"$set\":{}}", admin), 400, UNKNOWN_KEY);
            for (String text : List.of(SQL, NE, ".*", "%", "_")) {
                Response list = http.get(departments + "?text=" + encode(text), admin);
                assertThat(list.status()).isEqualTo(200);
                assertThat(list.json().get("total").asInt()).as(text).isZero();
            }
            expect(http.get(departments + "?" + encode("text[$regex]") + "=.*", admin), 400, UNKNOWN_KEY);
            for (String id : List.of(encode(NE), encode(SQL).replace("+", "%20"), "..", "%00")) {
                expect(http.get(departments + "/" + id, admin), 200, "{\"department\":null,\"success\":true}");
                expect(http.put(departments + "/" + id, "{\"department\":" + valid + "}", admin), 400,
                        plain("error-department-not-found"));
                expect(http.delete(departments + "/" + id, admin), 400, plain("error-department-not-found"));
            }

            String take = "/api/v1/livechat/inquiries.take";
            expect(http.post(take, json("inquiryId", NE), admin), 400, MUST_BE_STRING);
            expect(http.post(take, json("inquiryId", "\"x\"", "userId", REGEX), admin), 400, MUST_BE_STRING);
            expect(http.post(take, json("inquiryId", quote(SQL)), agent), 400, "{\"success\":false,\"error\":\"Inquiry not "
                    + "found [error-not-found]\",\"errorType\":\"error-not-found\",\"details\":{\"method\":"
                    + "\"livechat:takeInquiry\"}}");
            expect(http.post(take, json("inquiryId", quote(SQL), "userId", quote(SQL)), admin), 400,
                    plain("The user is invalid"));
            String queued = "/api/v1/livechat/inquiries.queued";
            expect(http.get(queued + "?" + encode("department[$ne]") + "=x", admin), 400, UNKNOWN_KEY);
            assertThat(http.get(queued + "?department=" + encode(NE), admin).json().get("total").asInt()).isZero();
            assertThat(http.get(queued + "?department=" + encode(SQL), admin).json().get("total").asInt()).isZero();

            String forward = "/api/v1/livechat/room.forward";
            expect(http.post(forward, json("roomId", NE, "userId", quote(agent.userId())), admin), 400, MUST_BE_STRING);
            expect(http.post(forward, json("roomId", quote(maria.roomId()), "userId", REGEX), admin), 400, MUST_BE_STRING);
            expect(http.post(forward, json("roomId", quote(SQL), "userId", quote(agent.userId())), admin), 400,
                    plain("error-invalid-room"));
            expect(http.post(forward, json("roomId", quote(maria.roomId()), "departmentId", quote(SQL)), admin), 400,
                    plain("error-invalid-department"));
            expect(http.post(forward, json("roomId", quote(maria.roomId()), "userId", quote(SQL)), admin), 400,
                    plain("error-user-is-offline"));

            String config = "/api/v1/livechat/config";
            for (String token : List.of(SQL, NE, REGEX, ".*", "%")) {
                Response response = http.get(config + "?token=" + encode(token));
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.json().get("config").has("guest")).as(token).isFalse();
                assertThat(response.json().get("config").has("room")).as(token).isFalse();
            }
            expect(http.get(config + "?" + encode("token[$ne]") + "=x"), 400, UNKNOWN_KEY);
            assertThat(http.get(config + "?department=" + encode(NE)).json().at("/config/online").asBoolean()).isFalse();

            for (String token : List.of(encode(NE), encode(REGEX), encode(SQL).replace("+", "%20"), ".*", "%25", "%00")) {
                expect(http.delete("/api/v1/livechat/visitor/" + token, null), 400, invalidToken);
            }
        });
    }

    // ---- metacharacters as data ---------------------------------------------------------------------------------------

    @Test
    void metacharacters_in_legitimate_values_are_stored_and_returned_literally() {
        String token = SQL + " \"; DROP TABLE visitors; -- {\"$ne\":null} %_\\";
        String name = "Robert'); DROP TABLE rooms;-- $where .* %";
        Response registered = http.post("/api/v1/livechat/visitor",
                "{\"visitor\":{\"token\":" + quote(token) + ",\"name\":" + quote(name) + "}}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        http.visitorToken(token);
        String path = "/api/v1/livechat/visitor/" + encode(token).replace("+", "%20");
        JsonNode visitor = http.get(path).json().get("visitor");
        assertThat(visitor.get("token").asText()).isEqualTo(token);
        assertThat(visitor.get("name").asText()).isEqualTo(name);

        String roomId = http.openRoom(token);
        String text = "SELECT * FROM messages WHERE 1=1; -- " + NE + " " + REGEX + " \\x00 %s %n";
        Response sent = http.visitorMessage(token, roomId, text);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        JsonNode messages = http.get("/api/v1/livechat/messages.history/" + roomId + "?token=" + encode(token)).json();
        assertThat(messages.at("/messages/0/msg").asText()).isEqualTo(text);
        Response found = http.get(search(roomId, visitor.get("_id").asText()) + "?searchText="
                + encode("1=1; -- {\"$NE\":NULL}"), admin);
        assertThat(found.json().get("total").asInt()).isEqualTo(1);
        // the other visitors' data is untouched
        assertThat(http.get("/api/v1/livechat/visitor/" + encode(maria.token())).status()).isEqualTo(200);
        assertThat(http.get(history(maria.roomId(), maria.id()), admin).json().get("total").asInt()).isEqualTo(1);
    }

    // ---- every route, generically: the routes of issue after issue are covered without changes here --------------------

    @Test
    void no_route_takes_operators_or_metacharacters_in_its_path_query_or_body() {
        List<Endpoint> endpoints = LivechatApi.endpoints(http.livechat().useCases(), false);
        List<String> pathValues = List.of(encode(NE), encode(REGEX), encode(SQL).replace("+", "%20"), "%25", ".*", "..",
                "%00", "a%2Fb", "x".repeat(300));
        List<String> queries = List.of(encode("token[$ne]") + "=x", encode("rid[$regex]") + "=.*",
                encode("_id[$gt]") + "=", "token=" + encode(SQL), "sort=" + encode("{\"$where\":1}"),
                "text=" + encode(REGEX) + "&text=" + encode(SQL));
        List<String> keys = List.of("token", "rid", "roomId", "visitorId", "oldVisitorId", "newVisitorId", "userId",
                "agentId", "departmentId", "inquiryId", "_id", "username", "user", "email", "password", "msg", "name",
                "status", "visitor", "message", "department", "data", "comment", "tags", "roles", "type");
        List<String> bodies = new ArrayList<>();
        StringBuilder everything = new StringBuilder("{");
        for (String key : keys) {
            bodies.add(json(key, NE));
            bodies.add(json(key, quote(SQL)));
            everything.append(everything.length() > 1 ? "," : "").append(quote(key)).append(':').append(REGEX);
        }
        bodies.add(everything.append('}').toString());
        bodies.add("{\"$where\":\"this.token != null\"}");
        bodies.add("{\"visitor\":{\"token\":" + NE + ",\"$where\":\"1\"},\"message\":{\"rid\":" + REGEX + "}}");

        int[] requests = {0};
        leavesTheStoreUnchanged(() -> {
            for (Endpoint endpoint : endpoints) {
                if (endpoint.path().equals("/api/v1/logout")) {
                    continue; // takes no parameter; it would end the admin's session
                }
                boolean writes = !endpoint.method().equals("GET");
                Session session = endpoint.access() == Endpoint.Access.AGENT ? admin : null;
                List<String> paths = new ArrayList<>();
                if (endpoint.path().contains(":")) {
                    for (String value : pathValues) {
                        paths.add(endpoint.path().replaceAll(":[A-Za-z_]+", value));
                    }
                } else {
                    paths.add(endpoint.path());
                }
                for (int i = 0; i < paths.size(); i++) {
                    String p = paths.get(i);
                    for (String query : writes && !endpoint.method().equals("DELETE") ? List.<String>of() : queries) {
                        Response response = http.send(http.builder(p + "?" + query, session)
                                .method(endpoint.method(), HttpRequest.BodyPublishers.noBody()).build());
                        requests[0]++;
                        if (writes && endpoint.path().contains(":")) {
                            assertThat(response.status()).as("%s %s?%s", endpoint.method(), p, query).isBetween(400, 499);
                        }
                    }
                    if (!writes || i >= 3) {
                        continue; // bodies go to three of the hostile paths: the body is checked before the path's id
                    }
                    for (String body : bodies) {
                        Response response = http.send(http.builder(p, session).header("Content-Type", "application/json")
                                .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(body)).build(), body);
                        requests[0]++;
                        assertThat(response.status()).as("%s %s %s", endpoint.method(), p, body).isBetween(400, 499);
                    }
                }
            }
        });
        assertThat(requests[0]).isGreaterThan(700);
    }
}
