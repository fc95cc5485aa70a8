package dev.livechat.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livechat.bootstrap.Livechat;
import dev.livechat.bootstrap.ServerConfig;
import dev.livechat.domain.routing.RoutingMethod;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server on a free port over a fresh store, and an HTTP client speaking to it. Every response is checked
 * never to be a 500: no input may produce one.
 */
final class LivechatHttp implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-secret-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Livechat livechat;
    private final AutoCloseable ownedDatabase;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private LivechatHttp(Livechat livechat, AutoCloseable ownedDatabase) {
        this.livechat = livechat;
        this.ownedDatabase = ownedDatabase;
        this.base = "http://127.0.0.1:" + livechat.port();
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

    Response get(String path, Session session) {
        return send(builder(path, session).GET().build());
    }

    Response get(String path) {
        return get(path, null);
    }

    Response post(String path, String json, Session session) {
        return send(builder(path, session).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Response post(String path, String json) {
        return post(path, json, null);
    }

    Response put(String path, String json, Session session) {
        return send(builder(path, session).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Response delete(String path, Session session) {
        return send(builder(path, session).DELETE().build());
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("status of %s %s", request.method(), request.uri()).isNotEqualTo(500);
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
