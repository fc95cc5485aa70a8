package dev.livechat.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livechat.bootstrap.e2e.LivechatHttp.Response;
import dev.livechat.bootstrap.e2e.LivechatHttp.Session;
import dev.livechat.domain.routing.RoutingMethod;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.livechat.bootstrap.e2e.LivechatHttp.quote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Manual_Selection over HTTP: {@code inquiries.queued} and {@code inquiries.take} with every error of contract 4.13 and
 * 4.14, and a contested take with real threads.
 */
abstract class QueueEndpointsTests extends OneServerTests {

    private static final String TAKE = "/api/v1/livechat/inquiries.take";
    private static final String QUEUED = "/api/v1/livechat/inquiries.queued";
    private static final String DETAILS = ",\"details\":{\"method\":\"livechat:takeInquiry\"}}";

    private Session faria;
    private Session omar;
    private String sales;

    @Override
    LivechatHttp startServer(StoreTarget store) {
        return LivechatHttp.start(store, RoutingMethod.MANUAL_SELECTION, false, 0);
    }

    @Override
    void prepare() {
        faria = http.createAgent(admin, "queue.faria", "Faria");
        omar = http.createAgent(admin, "queue.omar", "Omar");
        sales = http.createDepartment(admin, "Queue Sales", true, faria.userId());
    }

    private static void assertError(Response response, int status, String body) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
    }

    private String openRoom(String department) {
        return open(department).at("/room/_id").asText();
    }

    /** Registers a new visitor (in the department, if any) and opens its room; answers the room response. */
    private JsonNode open(String department) {
        String token = "tok-" + UUID.randomUUID();
        if (department == null) {
            http.registerVisitor(token, "Visitor");
        } else {
            http.registerVisitor(token, "Visitor", department);
        }
        Response room = http.room(token);
        assertThat(room.status()).as(room.body()).isEqualTo(200);
        assertThat(room.json().at("/room").has("servedBy")).isFalse();
        return room.json();
    }

    private Response take(Session caller, String inquiryId) {
        return http.post(TAKE, "{\"inquiryId\":" + quote(inquiryId) + "}", caller);
    }

    private List<String> queuedRooms(Session caller, String query) {
        Response response = http.get(QUEUED + query, caller);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("inquiries").findValuesAsText("rid");
    }

    @Test
    void agentsSeeTheirPartOfTheQueueAndTakeFromIt() {
        String plainRoom = openRoom(null);
        String salesRoom = openRoom(sales);

        Response queue = http.get(QUEUED, faria);
        JsonNode body = queue.json();
        assertThat(LivechatHttp.fieldNames(body)).containsExactly("inquiries", "count", "offset", "total", "success");
        assertThat(queuedRooms(faria, "")).contains(plainRoom, salesRoom);
        assertThat(queuedRooms(omar, "")).contains(plainRoom).doesNotContain(salesRoom);
        assertThat(queuedRooms(faria, "?department=" + sales)).contains(salesRoom).doesNotContain(plainRoom);
        JsonNode inquiry = null;
        for (JsonNode item : body.get("inquiries")) {
            if (item.get("rid").asText().equals(salesRoom)) {
                inquiry = item;
            }
        }
        assertThat(inquiry).isNotNull();
        assertThat(LivechatHttp.fieldNames(inquiry)).containsExactly("_id", "rid", "name", "ts", "message", "status",
                "v", "t", "department", "queuedAt", "source", "_updatedAt");
        assertThat(inquiry.at("/v").has("token")).as("agent-facing: no visitor token").isFalse();

        Response taken = take(faria, inquiry.get("_id").asText());
        assertThat(taken.body()).isEqualTo("{\"success\":true}");
        assertThat(queuedRooms(admin, "")).doesNotContain(salesRoom);
        JsonNode room = http.get("/api/v1/livechat/visitors.chatHistory/room/" + salesRoom + "/visitor/"
                + inquiry.at("/v/_id").asText(), faria).json();
        assertThat(room.at("/history/0/servedBy/_id").asText()).isEqualTo(faria.userId());
        assertThat(room.at("/history/0/usersCount").asInt()).isEqualTo(2);
        assertThat(room.at("/history/0/msgs").asInt()).isEqualTo(3);
    }

    @Test
    void everyTakeErrorHasTheContractsBody() {
        Session away = http.createAgent(admin, "queue.away", "Away");
        http.post("/api/v1/livechat/agent.status", "{\"status\":\"not-available\"}", away);
        Session plainUser = http.createUser(admin, "queue.user", "User", "[\"user\"]");
        String salesInquiry = http.queuedInquiryOf(admin, openRoom(sales));
        String plainInquiry = http.queuedInquiryOf(admin, openRoom(null));

        assertError(http.post(TAKE, "{}", faria), 400, invalidParams("must have required property 'inquiryId'"));
        assertError(http.post(TAKE, "{\"inquiryId\":1}", faria), 400, invalidParams("must be string"));
        assertError(http.post(TAKE, "{\"inquiryId\":\"x\",\"agentId\":\"y\"}", faria), 400,
                invalidParams("must NOT have additional properties"));
        assertError(take(plainUser, salesInquiry), 403, "{\"success\":false,\"error\":\"User does not have the "
                + "permissions required for this action [error-unauthorized]\"}");
        assertError(http.post(TAKE, "{\"inquiryId\":" + quote(salesInquiry) + ",\"userId\":" + quote(omar.userId())
                + "}", faria), 403, "{\"success\":false,\"error\":\"unauthorized\"}");
        assertError(http.post(TAKE, "{\"inquiryId\":" + quote(salesInquiry) + ",\"userId\":\"unknownUser\"}", admin),
                400, "{\"success\":false,\"error\":\"The user is invalid\"}");
        assertError(take(faria, "unknownInquiry"), 400, "{\"success\":false,\"error\":\"Inquiry not found "
                + "[error-not-found]\",\"errorType\":\"error-not-found\"" + DETAILS);
        assertError(take(away, salesInquiry), 400, "{\"success\":false,\"error\":\"Agent status is offline or "
                + "Omnichannel service is not active [error-agent-status-service-offline]\","
                + "\"errorType\":\"error-agent-status-service-offline\"" + DETAILS);
        assertError(take(omar, salesInquiry), 400, "{\"success\":false,\"error\":\"Not allowed [error-not-allowed]\","
                + "\"errorType\":\"error-not-allowed\"" + DETAILS);
        assertThat(http.post(TAKE, "{\"inquiryId\":" + quote(plainInquiry) + ",\"userId\":" + quote(omar.userId())
                + "}", admin).body()).isEqualTo("{\"success\":true}");
        assertError(take(faria, plainInquiry), 400, "{\"success\":false,\"error\":\"Inquiry already taken "
                + "[error-inquiry-taken]\",\"errorType\":\"error-inquiry-taken\"" + DETAILS);
    }

    @Test
    void everyQueueErrorHasTheContractsBody() {
        Session plainUser = http.createUser(admin, "queue.plain", "Plain", "[\"user\"]");
        String support = http.createDepartment(admin, "Queue Support", true, omar.userId());

        assertError(http.get(QUEUED + "?department=" + support, faria), 400,
                "{\"success\":false,\"error\":\"error-not-authorized\"}");
        assertError(http.get(QUEUED, plainUser), 403, "{\"success\":false,\"error\":\"User does not have the "
                + "permissions required for this action [error-unauthorized]\"}");
        assertError(http.get(QUEUED + "?status=queued", faria), 400,
                invalidParams("must NOT have additional properties"));
        assertError(http.get(QUEUED + "?count=-1", faria), 400, invalidParams("must be >= 0"));
        assertError(http.get(QUEUED + "?sort=%7B%22rid%22%3A1%7D", faria), 400,
                "{\"success\":false,\"error\":\"Invalid sort parameter provided: \\\"{\\\"rid\\\":1}\\\" "
                        + "[error-invalid-sort]\",\"errorType\":\"error-invalid-sort\","
                        + "\"details\":{\"helperMethod\":\"parseJsonQuery\"}}");
        assertThat(queuedRooms(admin, "?department=" + support)).isEmpty();
    }

    @Test
    void ofConcurrentTakesExactlyOneWins() throws Exception {
        List<Session> agents = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            agents.add(http.createAgent(admin, "taker." + i, "Taker " + i));
        }
        for (int round = 0; round < 3; round++) {
            JsonNode opened = open(null);
            String rid = opened.at("/room/_id").asText();
            String visitorId = opened.at("/room/v/_id").asText();
            String inquiry = http.queuedInquiryOf(admin, rid);
            ExecutorService pool = Executors.newFixedThreadPool(agents.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (Session agent : agents) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return take(agent, inquiry);
                }));
            }
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();

            assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
            assertThat(responses).filteredOn(r -> r.status() != 200).allSatisfy(r -> assertThat(r.body())
                    .isEqualTo("{\"success\":false,\"error\":\"Inquiry already taken [error-inquiry-taken]\","
                            + "\"errorType\":\"error-inquiry-taken\"" + DETAILS));
            int winner = 0;
            while (responses.get(winner).status() != 200) {
                winner++;
            }
            Response room = http.get("/api/v1/livechat/inquiries.queued", admin);
            assertThat(room.json().get("inquiries").findValuesAsText("rid")).doesNotContain(rid);
            Session winnerSession = agents.get(winner);
            Response history = http.get("/api/v1/livechat/visitors.searchChats/room/" + rid + "/visitor/"
                    + visitorId, winnerSession);
            assertThat(history.status()).as(history.body()).isEqualTo(200);
            assertThat(history.json().at("/history/0/servedBy/_id").asText()).isEqualTo(winnerSession.userId());
            assertThat(history.json().at("/history/0/msgs").asInt()).isEqualTo(3);
        }
    }
}
