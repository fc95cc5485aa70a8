package dev.livechat.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livechat.bootstrap.Livechat;
import dev.livechat.bootstrap.ServerConfig;
import dev.livechat.domain.routing.RoutingMethod;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server on a free port over a fresh store, and an HTTP client speaking to it. Every response is checked
 * never to be a 500 (no input may produce one), and every error response is checked to leak nothing (contract 1.5):
 * no stack trace, SQL, Mongo filter, class name, file path, and none of the secrets this harness has seen (visitor
 * tokens, login tokens, passwords) — whoever asked.
 */
final class LivechatHttp implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-secret-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The keys an error body may have (contract 1.5). */
    private static final Set<String> ERROR_KEYS = Set.of("success", "error", "errorType", "details", "status", "message");
    /** What internals look like in text; a match is a leak unless the request itself carried that text. */
    private static final Pattern INTERNALS = Pattern.compile("(?i)exception|\\bat [\\w.$]+\\(|\\.java\\b|\\bselect\\b"
            + "|\\binsert\\b|\\bupdate\\b|\\bdelete from\\b|sqlstate|jdbc|jdbi|hikari|postgres|mariadb|mysql"
            + "|\\bh2\\b|mongo|bson|\\$regex|\\$ne\\b|\\$where|org\\.\\w|com\\.\\w|java\\.\\w|dev\\.livechat"
            + "|/tmp/|/home/|/work/|/usr/|[a-z]:\\\\|\\.class\\b|stack|caused by|null pointer|\\bline \\d+");

    private final Livechat livechat;
    private final AutoCloseable ownedDatabase;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private final Set<String> visitorTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger errorResponses = new AtomicInteger();

    private LivechatHttp(Livechat livechat, AutoCloseable ownedDatabase) {
        this.livechat = livechat;
        this.ownedDatabase = ownedDatabase;
        this.base = "http://127.0.0.1:" + livechat.port();
        secrets.add(ADMIN_PASSWORD);
    }

    /** A server on a fresh in-memory H2 database; rate limits as given. */
    static LivechatHttp start(boolean rateLimit) {
        return start(StoreTarget.H2, rateLimit);
    }

    /** A server on a fresh database of {@code store}, dropped when the server closes; rate limits as given. */
    static LivechatHttp start(StoreTarget store, boolean rateLimit) {
        return start(store, rateLimit, RoutingMethod.AUTO_SELECTION, false, 0);
    }

    /** A server without rate limits on a fresh database of {@code store}, with these routing settings (contract 7). */
    static LivechatHttp start(StoreTarget store, RoutingMethod routing, boolean acceptChatsWithNoAgents,
                              int maxChatsPerAgent) {
        return start(store, false, routing, acceptChatsWithNoAgents, maxChatsPerAgent);
    }

    /** A server on {@code url} (any {@code LIVECHAT_DB_URL}), Auto_Selection, no chats without agents. */
    static ServerConfig config(String url, boolean rateLimit, boolean exposeTokens) {
        return new ServerConfig(0, url, null, null, ADMIN, ADMIN_PASSWORD, rateLimit, RoutingMethod.AUTO_SELECTION,
                false, 0, exposeTokens);
    }

    /** A server on a {@link TestStore} the caller owns (and closes after the server). */
    static LivechatHttp start(TestStore store, boolean rateLimit, boolean exposeTokens) {
        return start(config(store.url(), rateLimit, exposeTokens));
    }

    /** A server with this configuration, on a store the caller owns. */
    static LivechatHttp start(ServerConfig config) {
        return new LivechatHttp(Livechat.start(config, Clock.systemUTC()), null);
    }

    private static LivechatHttp start(StoreTarget store, boolean rateLimit, RoutingMethod routing,
                                      boolean acceptChatsWithNoAgents, int maxChatsPerAgent) {
        StoreTarget.Database database = store.create();
        try {
            return new LivechatHttp(Livechat.start(config(database, rateLimit, routing, acceptChatsWithNoAgents,
                    maxChatsPerAgent), Clock.systemUTC()), database);
        } catch (RuntimeException e) {
            closeQuietly(database, e);
            throw e;
        }
    }

    /**
     * Another server on {@code database}, which the caller drops after closing every server on it: several instances
     * on one store. Rate limits off.
     */
    static LivechatHttp startOn(StoreTarget.Database database, int maxChatsPerAgent) {
        return new LivechatHttp(Livechat.start(config(database, false, RoutingMethod.AUTO_SELECTION, false,
                maxChatsPerAgent), Clock.systemUTC()), null);
    }

    private static ServerConfig config(StoreTarget.Database database, boolean rateLimit, RoutingMethod routing,
                                       boolean acceptChatsWithNoAgents, int maxChatsPerAgent) {
        return new ServerConfig(0, database.url(), null, null, ADMIN, ADMIN_PASSWORD, rateLimit, routing,
                acceptChatsWithNoAgents, maxChatsPerAgent, false);
    }

    private static void closeQuietly(AutoCloseable closeable, RuntimeException failure) {
        try {
            closeable.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    Livechat livechat() {
        return livechat;
    }

    /** Credentials of a logged-in user. */
    record Session(String userId, String authToken) {
    }

    /** One HTTP exchange. */
    record Response(int status, HttpResponse<String> raw) {

        String body() {
            return raw.body();
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** Text that must never appear in an error body (a token or password the harness has seen). */
    void secret(String text) {
        secrets.add(text);
    }

    /**
     * A visitor token: besides being a secret, it must never appear in a response to an authenticated (agent-facing)
     * request unless the server exposes visitor tokens to agents (contract 1.13).
     */
    void visitorToken(String token) {
        secrets.add(token);
        visitorTokens.add(token);
    }

    /** How many error responses were checked for leaks so far. */
    int errorResponsesChecked() {
        return errorResponses.get();
    }

    Response get(String path, Session session) {
        return send(builder(path, session).GET().build());
    }

    Response get(String path) {
        return get(path, null);
    }

    Response post(String path, String json, Session session) {
        return send(builder(path, session).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), json);
    }

    Response post(String path, String json) {
        return post(path, json, null);
    }

    Response put(String path, String json, Session session) {
        return send(builder(path, session).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), json);
    }

    Response delete(String path, Session session) {
        return send(builder(path, session).DELETE().build());
    }

    Response send(HttpRequest request) {
        return send(request, "");
    }

    /** Sends {@code request}, whose body (for the leak check's echo rule) is {@code requestBody}. */
    Response send(HttpRequest request, String requestBody) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("status of %s %s", request.method(), request.uri()).isNotEqualTo(500);
            if (response.statusCode() >= 400 && !request.method().equals("HEAD")) {
                assertLeaksNothing(request, requestBody, response);
            }
            if (request.headers().firstValue("X-Auth-Token").isPresent() && !livechat.config().exposeVisitorTokenToAgents()) {
                for (String token : visitorTokens) {
                    assertThat(response.body()).as("a visitor token in an agent-facing response: %s %s",
                            request.method(), request.uri()).doesNotContain(token);
                }
            }
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * An error body has only the keys of contract 1.5, no sign of internals unless it merely echoes what the request
     * sent (e.g. the raw {@code sort} text of {@code error-invalid-sort}), and no secret at all.
     */
    private void assertLeaksNothing(HttpRequest request, String requestBody, HttpResponse<String> response) {
        errorResponses.incrementAndGet();
        String body = response.body();
        String what = request.method() + " " + request.uri() + " -> " + response.statusCode() + " " + body;
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("error body is not JSON: " + what, e);
        }
        assertThat(json.isObject()).as(what).isTrue();
        assertThat(fieldNames(json)).as(what).isSubsetOf(ERROR_KEYS);
        String echo = (URLDecoder.decode(request.uri().getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8) + " "
                + (request.uri().getRawQuery() == null ? "" : URLDecoder.decode(request.uri().getRawQuery(),
                StandardCharsets.UTF_8)) + " " + requestBody).toLowerCase(Locale.ROOT);
        String text = json.toString() + " " + body;
        Matcher internals = INTERNALS.matcher(text);
        while (internals.find()) {
            assertThat(echo).as("'%s' in an error body that did not come from the request: %s", internals.group(), what)
                    .contains(internals.group().toLowerCase(Locale.ROOT));
        }
        for (String secret : secrets) {
            assertThat(text).as("a secret in an error body: %s", what).doesNotContain(secret);
        }
    }

    HttpRequest.Builder builder(String path, Session session) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (session != null) {
            builder.header("X-User-Id", session.userId()).header("X-Auth-Token", session.authToken());
        }
        return builder;
    }

    // --- the story's steps -----------------------------------------------------------------------------------------

    Session login(String username, String password) {
        Response response = post("/api/v1/login",
                "{\"user\":" + quote(username) + ",\"password\":" + quote(password) + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode data = response.json().get("data");
        secrets.add(password);
        secrets.add(data.get("authToken").asText());
        return new Session(data.get("userId").asText(), data.get("authToken").asText());
    }

    Session admin() {
        return login(ADMIN, ADMIN_PASSWORD);
    }

    /** Creates a user with the given roles (JSON array text) and logs them in. */
    Session createUser(Session admin, String username, String name, String rolesJson) {
        Response created = post("/api/v1/users.create", "{\"email\":" + quote(username + "@example.com")
                + ",\"name\":" + quote(name) + ",\"password\":\"pw-" + username + "\",\"username\":" + quote(username)
                + ",\"roles\":" + rolesJson + "}", admin);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return login(username, "pw-" + username);
    }

    Session createAgent(Session admin, String username, String name) {
        return createUser(admin, username, name, "[\"user\",\"livechat-agent\"]");
    }

    /** Registers a visitor and returns its id. */
    String registerVisitor(String token, String name) {
        visitorToken(token);
        Response response = post("/api/v1/livechat/visitor",
                "{\"visitor\":{\"token\":" + quote(token) + ",\"name\":" + quote(name) + "}}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().at("/visitor/_id").asText();
    }

    /** Opens (or gets) the visitor's room and returns the response. */
    Response room(String token) {
        return get("/api/v1/livechat/room?token=" + encode(token));
    }

    String openRoom(String token) {
        Response response = room(token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().at("/room/_id").asText();
    }

    Response visitorMessage(String token, String rid, String msg) {
        return post("/api/v1/livechat/message",
                "{\"token\":" + quote(token) + ",\"rid\":" + quote(rid) + ",\"msg\":" + quote(msg) + "}");
    }

    Response agentMessage(Session agent, String rid, String msg) {
        return post("/api/v1/chat.sendMessage",
                "{\"message\":{\"rid\":" + quote(rid) + ",\"msg\":" + quote(msg) + "}}", agent);
    }

    /** Creates a department with these agents (user ids) and returns its id. */
    String createDepartment(Session admin, String name, boolean enabled, String... agentIds) {
        StringBuilder agents = new StringBuilder();
        for (String agentId : agentIds) {
            agents.append(agents.length() == 0 ? "" : ",").append("{\"agentId\":").append(quote(agentId)).append('}');
        }
        Response response = post("/api/v1/livechat/department", "{\"department\":{\"name\":" + quote(name)
                + ",\"email\":\"dept@example.com\",\"enabled\":" + enabled
                + ",\"showOnRegistration\":true,\"showOnOfflineForm\":true},\"agents\":[" + agents + "]}", admin);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().at("/department/_id").asText();
    }

    /** Registers a visitor in a department (id or name) and returns its id. */
    String registerVisitor(String token, String name, String department) {
        Response response = post("/api/v1/livechat/visitor", "{\"visitor\":{\"token\":" + quote(token)
                + ",\"name\":" + quote(name) + ",\"department\":" + quote(department) + "}}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().at("/visitor/_id").asText();
    }

    /** The inquiry id of the room (as a manager sees the queue); the room's inquiry must be queued. */
    String queuedInquiryOf(Session manager, String rid) {
        Response queue = get("/api/v1/livechat/inquiries.queued?count=100", manager);
        assertThat(queue.status()).as(queue.body()).isEqualTo(200);
        for (JsonNode inquiry : queue.json().get("inquiries")) {
            if (inquiry.get("rid").asText().equals(rid)) {
                return inquiry.get("_id").asText();
            }
        }
        throw new AssertionError("no queued inquiry for room " + rid + ": " + queue.body());
    }

    Response closeByVisitor(String token, String rid) {
        return post("/api/v1/livechat/room.close", "{\"token\":" + quote(token) + ",\"rid\":" + quote(rid) + "}");
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Override
    public void close() {
        livechat.close();
        if (ownedDatabase != null) {
            try {
                ownedDatabase.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot drop the test database", e);
            }
        }
    }
}
