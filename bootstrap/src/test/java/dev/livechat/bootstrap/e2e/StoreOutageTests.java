package dev.livechat.bootstrap.e2e;

import dev.livechat.bootstrap.e2e.LivechatHttp.Response;
import dev.livechat.bootstrap.e2e.LivechatHttp.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static dev.livechat.bootstrap.e2e.HostileInputTests.json;
import static dev.livechat.bootstrap.e2e.LivechatHttp.encode;
import static dev.livechat.bootstrap.e2e.LivechatHttp.quote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store becomes unreachable while the server runs (contract 1.5): a {@link TcpProxy} between server and store
 * first closes every connection and refuses new ones (the database process is down), or swallows every byte (the host
 * or network stops answering). Every request that needs the store answers exactly 503 {@code service-unavailable}
 * within seconds — never {@code invalid-token}, {@code error-not-allowed} or 401 — and requests that need no store
 * still answer; when the store is back the server serves again by itself, without a restart.
 */
abstract class StoreOutageTests {

    private static final String UNAVAILABLE = "{\"success\":false,\"error\":\"service-unavailable\"}";
    /** Contract: "within a few seconds". The pool waits 3 s for a connection; socket timeouts are 10 s. */
    static final Duration REFUSED_BOUND = Duration.ofSeconds(8);
    static final Duration SILENT_BOUND = Duration.ofSeconds(14);
    static final Duration RECOVERY_BOUND = Duration.ofSeconds(20);

    abstract TestStore.Kind kind();

    /** Whether the store's client has timeouts for a server that stops answering (H2's TCP client has none). */
    boolean survivesSilence() {
        return true;
    }

    @BeforeEach
    void skipUnlessAvailable() {
        kind().assumeAvailable();
    }

    @Test
    void a_store_that_went_away_is_503_within_seconds_and_the_server_recovers_by_itself() throws Exception {
        outage(TcpProxy::refuse, REFUSED_BOUND);
    }

    @Test
    void a_store_that_stops_answering_is_503_within_seconds_and_the_server_recovers_by_itself() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(survivesSilence(),
                kind() + " has no client-side timeout for a silent server");
        outage(TcpProxy::blackhole, SILENT_BOUND);
    }

    private void outage(java.util.function.Consumer<TcpProxy> takeAway, Duration bound) throws Exception {
        try (TestStore store = TestStore.create(kind());
             TcpProxy proxy = new TcpProxy(store.address());
             LivechatHttp http = LivechatHttp.start(LivechatHttp.config(store.urlVia(proxy.port()), false, false))) {
            Session admin = http.admin();
            Session agent = http.createAgent(admin, "faria.masood", "Faria Masood");
            String token = "tok-" + UUID.randomUUID();
            String visitorId = http.registerVisitor(token, "Maria");
            String roomId = http.openRoom(token);
            assertThat(http.visitorMessage(token, roomId, "before the outage").status()).isEqualTo(200);

            Map<String, Supplier<Response>> requests = new LinkedHashMap<>();
            requests.put("room of a known visitor", () -> http.get("/api/v1/livechat/room?token=" + encode(token)));
            requests.put("room of an unknown token", () -> http.get("/api/v1/livechat/room?token=unknown-token"));
            requests.put("visitor message", () -> http.visitorMessage(token, roomId, "during the outage"));
            requests.put("visitor lookup", () -> http.get("/api/v1/livechat/visitor/" + encode(token)));
            requests.put("visitor registration", () -> http.post("/api/v1/livechat/visitor",
                    "{\"visitor\":{\"token\":\"tok-new\"}}"));
            requests.put("message history", () -> http.get("/api/v1/livechat/messages.history/" + roomId + "?token="
                    + encode(token)));
            requests.put("survey", () -> http.post("/api/v1/livechat/room.survey", json("token", quote(token), "rid",
                    quote(roomId), "data", "[{\"name\":\"satisfaction\",\"value\":\"5\"}]")));
            requests.put("agent me (authentication)", () -> http.get("/api/v1/me", agent));
            requests.put("chat history (authentication, access)", () -> http.get(
                    "/api/v1/livechat/visitors.chatHistory/room/" + roomId + "/visitor/" + visitorId, agent));
            requests.put("login", () -> http.post("/api/v1/login",
                    "{\"user\":\"admin\",\"password\":" + quote(LivechatHttp.ADMIN_PASSWORD) + "}"));

            takeAway.accept(proxy);
            // all at once, as traffic arrives: each must fail fast on its own, none may wait behind another
            ExecutorService clients = Executors.newFixedThreadPool(requests.size());
            Map<String, Future<long[]>> answers = new LinkedHashMap<>();
            Map<String, Response> responses = new java.util.concurrent.ConcurrentHashMap<>();
            for (Map.Entry<String, Supplier<Response>> request : requests.entrySet()) {
                answers.put(request.getKey(), clients.submit(() -> {
                    long started = System.nanoTime();
                    responses.put(request.getKey(), request.getValue().get());
                    return new long[]{(System.nanoTime() - started) / 1_000_000};
                }));
            }
            long slowest = 0;
            for (Map.Entry<String, Future<long[]>> answer : answers.entrySet()) {
                long millis = answer.getValue().get(60, TimeUnit.SECONDS)[0];
                Response response = responses.get(answer.getKey());
                slowest = Math.max(slowest, millis);
                assertThat(response.status()).as("%s: %s", answer.getKey(), response.body()).isEqualTo(503);
                assertThat(response.body()).as(answer.getKey()).isEqualTo(UNAVAILABLE);
                assertThat(Duration.ofMillis(millis)).as("%s answered after %d ms", answer.getKey(), millis)
                        .isLessThan(bound);
            }
            clients.shutdown();
            assertThat(http.get("/api/info").status()).as("no store needed").isEqualTo(200);

            proxy.forward();
            long back = System.nanoTime();
            Response room;
            do {
                room = http.get("/api/v1/livechat/room?token=" + encode(token));
                assertThat(Duration.ofNanos(System.nanoTime() - back)).as("recovery").isLessThan(RECOVERY_BOUND);
            } while (room.status() != 200);
            long recovered = (System.nanoTime() - back) / 1_000_000;
            assertThat(room.json().at("/room/_id").asText()).isEqualTo(roomId);
            assertThat(http.get("/api/v1/me", agent).status()).isEqualTo(200);
            assertThat(http.visitorMessage(token, roomId, "after the outage").status()).isEqualTo(200);
            assertThat(http.get("/api/v1/livechat/messages.history/" + roomId + "?token=" + encode(token)).body())
                    .contains("before the outage").contains("after the outage");
            // for the record (surefire keeps the output per test class)
            System.out.printf("%s outage: slowest 503 after %d ms, serving again %d ms after the store came back%n",
                    kind(), slowest, recovered);
        }
    }
}
