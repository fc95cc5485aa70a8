package dev.livechat.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livechat.bootstrap.e2e.LivechatHttp.Response;
import dev.livechat.bootstrap.e2e.LivechatHttp.Session;
import dev.livechat.domain.routing.RoutingMethod;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auto_Selection over HTTP with a chat limit (contract 6.2, 6.5, 7a): concurrent openings never exceed an agent's
 * limit nor assign a room twice, and queued rooms are drained as soon as an agent can take them.
 */
abstract class AutoSelectionTests {

    /** The store the server runs on. */
    abstract StoreTarget store();

    @Test
    void concurrentOpeningsRespectTheChatLimitAndTheRestIsDrainedOldestFirst() throws Exception {
        try (LivechatHttp http = LivechatHttp.start(store(), RoutingMethod.AUTO_SELECTION, true, 2)) {
            Session admin = http.admin();
            List<Session> agents = List.of(http.createAgent(admin, "auto.a", "A"), http.createAgent(admin, "auto.b", "B"),
                    http.createAgent(admin, "auto.c", "C"));
            int visitors = 10;
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < visitors; i++) {
                String token = "auto-" + i + "-" + UUID.randomUUID();
                http.registerVisitor(token, "Visitor " + i);
                tokens.add(token);
            }

            ExecutorService pool = Executors.newFixedThreadPool(visitors);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (String token : tokens) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return http.room(token);
                }));
            }
            go.countDown();
            List<JsonNode> rooms = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                rooms.add(response.json().get("room"));
            }
            pool.shutdown();

            Map<String, Integer> load = new HashMap<>();
            List<JsonNode> waiting = new ArrayList<>();
            for (JsonNode room : rooms) {
                if (room.has("servedBy")) {
                    load.merge(room.at("/servedBy/_id").asText(), 1, Integer::sum);
                    assertThat(room.get("usersCount").asInt()).isEqualTo(2);
                    assertThat(room.get("msgs").asInt()).isEqualTo(3);
                } else {
                    waiting.add(room);
                }
            }
            assertThat(load).hasSize(3).allSatisfy((agent, count) -> assertThat(count).isEqualTo(2));
            assertThat(waiting).hasSize(4);
            Response queue = http.get("/api/v1/livechat/inquiries.queued", admin);
            assertThat(queue.json().get("total").asInt()).isEqualTo(4);
            List<String> queuedOldestFirst = queue.json().get("inquiries").findValuesAsText("rid");

            // an agent's room closes: the oldest queued room goes to them before the close answers
            JsonNode served = rooms.stream().filter(r -> r.has("servedBy")).findFirst().orElseThrow();
            Session owner = agents.stream().filter(a -> a.userId().equals(served.at("/servedBy/_id").asText()))
                    .findFirst().orElseThrow();
            Response closed = http.post("/api/v1/livechat/room.closeByUser",
                    "{\"rid\":\"" + served.get("_id").asText() + "\"}", owner);
            assertThat(closed.body()).isEqualTo("{\"success\":true}");
            Response after = http.get("/api/v1/livechat/inquiries.queued", admin);
            assertThat(after.json().get("inquiries").findValuesAsText("rid"))
                    .containsExactlyElementsOf(queuedOldestFirst.subList(1, 4));
            String drained = queuedOldestFirst.get(0);
            JsonNode drainedRoom = rooms.stream().filter(r -> r.get("_id").asText().equals(drained)).findFirst()
                    .orElseThrow();
            Response history = http.get("/api/v1/livechat/visitors.chatHistory/room/" + drained + "/visitor/"
                    + drainedRoom.at("/v/_id").asText(), owner);
            assertThat(history.status()).as(history.body()).isEqualTo(200);
            assertThat(history.json().at("/history/0/servedBy/_id").asText()).isEqualTo(owner.userId());
        }
    }

    @Test
    void withoutAcceptingChatsWithoutAgentsNobodyOnlineMeansNoAgentOnline() {
        try (LivechatHttp http = LivechatHttp.start(store(), RoutingMethod.AUTO_SELECTION, false, 0)) {
            String token = "lonely-" + UUID.randomUUID();
            http.registerVisitor(token, "Lonely");

            Response response = http.room(token);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"success\":false,\"error\":\"Sorry, no online agents "
                    + "[no-agent-online]\",\"errorType\":\"no-agent-online\"}");
        }
    }
}
