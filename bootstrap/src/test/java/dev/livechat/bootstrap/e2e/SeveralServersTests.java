package dev.livechat.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livechat.bootstrap.e2e.LivechatHttp.Response;
import dev.livechat.bootstrap.e2e.LivechatHttp.Session;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract 6.4 and 6.2 with two server instances on one database: concurrent {@code GET livechat/room} for the same
 * new visitors, sent to both servers at once on real threads, open exactly one room per visitor, and the routing lock
 * of the store spreads the rooms over the agents as if they had arrived one after another, never past
 * {@code LIVECHAT_MAX_CHATS_PER_AGENT}.
 */
abstract class SeveralServersTests {

    private static final int AGENTS = 3;
    private static final int MAX_CHATS_PER_AGENT = 4;
    /** Exactly the agents' capacity: every room is assigned, and one more assignment would exceed a limit. */
    private static final int VISITORS = AGENTS * MAX_CHATS_PER_AGENT;
    private static final int REQUESTS_PER_VISITOR = 4;

    /** The store both servers run on. */
    abstract StoreTarget store();

    private record Answer(String token, JsonNode body) {
    }

    @Test
    void two_servers_on_one_database_open_one_room_per_visitor_and_assign_each_once() throws Exception {
        try (StoreTarget.Database database = store().create();
             LivechatHttp first = LivechatHttp.startOn(database, MAX_CHATS_PER_AGENT);
             LivechatHttp second = LivechatHttp.startOn(database, MAX_CHATS_PER_AGENT)) {
            Session admin = first.admin();
            Set<String> agentIds = new HashSet<>();
            for (int i = 0; i < AGENTS; i++) {
                agentIds.add(first.createAgent(admin, "agent." + i, "Agent " + i).userId());
            }
            Map<String, String> visitorIds = new HashMap<>();
            for (int v = 0; v < VISITORS; v++) {
                String token = "several-servers-" + v;
                visitorIds.put(token, (v % 2 == 0 ? first : second).registerVisitor(token, "Visitor " + v));
            }

            List<Answer> answers = openConcurrently(List.of(first, second), List.copyOf(visitorIds.keySet()));

            Map<String, List<JsonNode>> byVisitor = answers.stream().collect(Collectors.groupingBy(Answer::token,
                    Collectors.mapping(Answer::body, Collectors.toList())));
            Map<String, String> roomOf = new HashMap<>();
            Map<String, Integer> roomsPerAgent = new HashMap<>();
            for (Map.Entry<String, List<JsonNode>> visitor : byVisitor.entrySet()) {
                List<JsonNode> bodies = visitor.getValue();
                String roomId = bodies.get(0).at("/room/_id").asText();
                assertThat(bodies).as("answers for %s", visitor.getKey()).hasSize(REQUESTS_PER_VISITOR)
                        .allSatisfy(body -> assertThat(body.at("/room/_id").asText()).isEqualTo(roomId));
                assertThat(bodies).filteredOn(body -> body.get("newRoom").asBoolean()).as("new rooms for %s",
                        visitor.getKey()).hasSize(1);
                String servedBy = bodies.get(0).at("/room/servedBy/_id").asText();
                assertThat(bodies).allSatisfy(body -> assertThat(body.at("/room/servedBy/_id").asText())
                        .isEqualTo(servedBy));
                roomOf.put(visitor.getKey(), roomId);
                roomsPerAgent.merge(servedBy, 1, Integer::sum);
            }
            assertThat(new HashSet<>(roomOf.values())).as("one room per visitor, none shared").hasSize(VISITORS);
            assertThat(roomsPerAgent).as("rooms per agent").containsOnlyKeys(agentIds)
                    .allSatisfy((agent, rooms) -> assertThat(rooms).isEqualTo(MAX_CHATS_PER_AGENT));

            // Each server sees the other's rooms: exactly one room per visitor in the store, open.
            Session viewer = second.admin();
            for (Map.Entry<String, String> visitor : roomOf.entrySet()) {
                JsonNode history = second.get("/api/v1/livechat/visitors.chatHistory/room/" + visitor.getValue()
                        + "/visitor/" + visitorIds.get(visitor.getKey()), viewer).json();
                assertThat(history.get("total").asInt()).as("rooms of %s", visitor.getKey()).isEqualTo(1);
                assertThat(history.at("/history/0/open").asBoolean()).isTrue();
            }
        }
    }

    /** {@value #REQUESTS_PER_VISITOR} requests per visitor, half to each server, all released at once. */
    private static List<Answer> openConcurrently(List<LivechatHttp> servers, List<String> tokens) throws Exception {
        int requests = tokens.size() * REQUESTS_PER_VISITOR;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String token = tokens.get(i % tokens.size());
                LivechatHttp server = servers.get((i / tokens.size()) % servers.size());
                futures.add(pool.submit(() -> {
                    go.await();
                    Response response = server.room(token);
                    assertThat(response.status()).as(response.body()).isEqualTo(200);
                    return new Answer(token, response.json());
                }));
            }
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
