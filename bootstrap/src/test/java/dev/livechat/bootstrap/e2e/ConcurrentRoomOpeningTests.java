package dev.livechat.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livechat.bootstrap.e2e.LivechatHttp.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract 6.4 over HTTP: concurrent {@code GET livechat/room} for one new visitor open exactly one room. */
abstract class ConcurrentRoomOpeningTests {

    /** The store the server runs on. */
    abstract StoreTarget store();

    private static final int REQUESTS = 40;

    @Test
    void forty_concurrent_requests_for_one_new_visitor_produce_exactly_one_room() throws Exception {
        try (LivechatHttp http = LivechatHttp.start(store(), false)) {
            var admin = http.admin();
            var agent = http.createAgent(admin, "busy.agent", "Busy Agent");
            String token = "tok-" + UUID.randomUUID();
            String visitorId = http.registerVisitor(token, "Maria");

            ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return http.room(token);
                }));
            }
            go.countDown();
            List<JsonNode> bodies = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                bodies.add(response.json());
            }
            pool.shutdown();

            assertThat(bodies).extracting(body -> body.at("/room/_id").asText()).containsOnly(bodies.get(0).at("/room/_id").asText());
            assertThat(bodies).filteredOn(body -> body.get("newRoom").asBoolean()).hasSize(1);
            JsonNode history = http.get("/api/v1/livechat/visitors.chatHistory/room/" + bodies.get(0).at("/room/_id").asText()
                    + "/visitor/" + visitorId, agent).json();
            assertThat(history.get("total").asInt()).isEqualTo(1);
            assertThat(history.at("/history/0/msgs").asInt()).isEqualTo(3);
            assertThat(history.at("/history/0/usersCount").asInt()).isEqualTo(2);
        }
    }
}
