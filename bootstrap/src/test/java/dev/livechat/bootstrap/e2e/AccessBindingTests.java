package dev.livechat.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livechat.bootstrap.e2e.LivechatHttp.Response;
import dev.livechat.bootstrap.e2e.LivechatHttp.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.livechat.bootstrap.e2e.HostileInputTests.expect;
import static dev.livechat.bootstrap.e2e.HostileInputTests.json;
import static dev.livechat.bootstrap.e2e.HostileInputTests.plain;
import static dev.livechat.bootstrap.e2e.LivechatHttp.encode;
import static dev.livechat.bootstrap.e2e.LivechatHttp.quote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Room and visitor binding on a real server over one kind of store (the subclasses choose it): a visitor token never
 * reaches another visitor's room (open, survey, message, history, close), also not after the room changed visitor;
 * an agent never reads or changes a room it may not access (contract 1.12); agent-facing answers carry no visitor token
 * unless {@code LIVECHAT_EXPOSE_VISITOR_TOKEN_TO_AGENTS} says so (1.13).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccessBindingTests {

    private static final String FORBIDDEN =
            "{\"success\":false,\"error\":\"User does not have the permissions required for this action [error-unauthorized]\"}";

    private TestStore store;
    private LivechatHttp http;
    private Session admin;
    private Session agent;
    private Session idleAgent;
    private Session manager;
    private Session plainUser;

    /** A visitor, its open room (served by {@link #agent}) and a closed earlier room. */
    private record Visitor(String token, String id, String openRoom, String closedRoom) {
    }

    abstract TestStore.Kind kind();

    @BeforeAll
    void startServer() {
        if (!kind().available()) {
            return;
        }
        store = TestStore.create(kind());
        http = LivechatHttp.start(store, false, false);
        admin = http.admin();
        agent = http.createAgent(admin, "faria.masood", "Faria Masood");
        idleAgent = http.createAgent(admin, "idle.agent", "Idle Agent");
        assertThat(http.post("/api/v1/livechat/agent.status", "{\"status\":\"not-available\"}", idleAgent).status())
                .isEqualTo(200);
        manager = http.createUser(admin, "the.manager", "The Manager", "[\"user\",\"livechat-manager\"]");
        plainUser = http.createUser(admin, "plain.user", "Plain User", "[\"user\"]");
    }

    @BeforeEach
    void skipUnlessAvailable() {
        kind().assumeAvailable();
    }

    @AfterAll
    void stopServer() {
        if (http != null) {
            http.close();
            store.close();
        }
    }

    private Visitor visitor(String name) {
        String token = "tok-" + UUID.randomUUID();
        String id = http.registerVisitor(token, name);
        String closed = http.openRoom(token);
        assertThat(http.visitorMessage(token, closed, "earlier question of " + name).status()).isEqualTo(200);
        assertThat(http.closeByVisitor(token, closed).status()).isEqualTo(200);
        String open = http.openRoom(token);
        assertThat(http.visitorMessage(token, open, "current question of " + name).status()).isEqualTo(200);
        return new Visitor(token, id, open, closed);
    }

    private void unchanged(Runnable requests) {
        Map<String, List<String>> before = store.dump();
        requests.run();
        assertThat(store.dump()).isEqualTo(before);
    }

    /** Every visitor-facing way into a room, with {@code token}: each must answer {@code invalid-room}. */
    private void assertTokenDoesNotReach(String token, String roomId) {
        expect(http.get("/api/v1/livechat/room?token=" + encode(token) + "&rid=" + roomId), 400, plain("invalid-room"));
        expect(http.post("/api/v1/livechat/room.survey", json("token", quote(token), "rid", quote(roomId), "data",
                "[{\"name\":\"satisfaction\",\"value\":\"1\"}]")), 400, plain("invalid-room"));
        expect(http.visitorMessage(token, roomId, "intruding"), 400, plain("invalid-room"));
        expect(http.post("/api/v1/livechat/message", json("token", quote(token), "rid", quote(roomId), "msg",
                "\"intruding\"", "_id", "\"intruder1\"")), 400, plain("invalid-room"));
        expect(http.get("/api/v1/livechat/messages.history/" + roomId + "?token=" + encode(token)), 400,
                plain("invalid-room"));
        expect(http.closeByVisitor(token, roomId), 400, plain("invalid-room"));
    }

    @Test
    void a_visitor_token_never_reaches_another_visitors_room() {
        Visitor maria = visitor("Maria");
        Visitor other = visitor("Other");
        unchanged(() -> {
            assertTokenDoesNotReach(maria.token(), other.openRoom());
            assertTokenDoesNotReach(maria.token(), other.closedRoom());
            assertTokenDoesNotReach(other.token(), maria.openRoom());
        });
        // and the rightful visitor still gets in
        assertThat(http.get("/api/v1/livechat/room?token=" + encode(other.token()) + "&rid=" + other.openRoom()).status())
                .isEqualTo(200);
        JsonNode messages = http.get("/api/v1/livechat/messages.history/" + other.closedRoom() + "?token="
                + encode(other.token())).json().get("messages");
        assertThat(messages.toString()).contains("earlier question of Other").doesNotContain("intruding");
    }

    @Test
    void after_a_room_changes_visitor_only_the_new_visitors_token_reaches_it() {
        Visitor maria = visitor("Maria");
        String newToken = "tok-" + UUID.randomUUID();
        String newVisitor = http.registerVisitor(newToken, "Maria again");
        Response changed = http.put("/api/v1/livechat/room.visitor",
                json("rid", quote(maria.openRoom()), "visitorId", quote(newVisitor)), agent);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        unchanged(() -> assertTokenDoesNotReach(maria.token(), maria.openRoom()));
        Response room = http.get("/api/v1/livechat/room?token=" + encode(newToken) + "&rid=" + maria.openRoom());
        assertThat(room.status()).isEqualTo(200);
        assertThat(room.body()).doesNotContain(maria.token());
        // the new visitor reads the room's history, but never the previous visitor's token (1.13)
        Response history = http.get("/api/v1/livechat/messages.history/" + maria.openRoom() + "?token=" + encode(newToken));
        assertThat(history.body()).contains("current question of Maria").doesNotContain(maria.token());
        // the previous visitor keeps its closed room
        assertThat(http.get("/api/v1/livechat/messages.history/" + maria.closedRoom() + "?token="
                + encode(maria.token())).status()).isEqualTo(200);
    }

    @Test
    void agents_never_read_or_change_a_room_they_may_not_access() {
        Visitor maria = visitor("Maria");
        String history = "/api/v1/livechat/visitors.chatHistory/room/%s/visitor/" + maria.id();
        String search = "/api/v1/livechat/visitors.searchChats/room/%s/visitor/" + maria.id();
        unchanged(() -> {
            for (String room : List.of(maria.openRoom(), maria.closedRoom())) {
                // an agent that does not serve the room (rule 2), and may not see rooms closed by another (rule 3)
                expect(http.get(String.format(history, room), idleAgent), 400, plain("error-not-allowed"));
                expect(http.get(String.format(search, room) + "?searchText=question", idleAgent), 400,
                        plain("error-not-allowed"));
                expect(http.get(String.format(history, room), plainUser), 403, FORBIDDEN);
                expect(http.get(String.format(search, room), plainUser), 403, FORBIDDEN);
                expect(http.get(String.format(history, room), null), 401, HostileInputTests.UNAUTHENTICATED);
            }
            expect(http.put("/api/v1/livechat/room.visitor", json("rid", quote(maria.openRoom()), "visitorId",
                    quote(maria.id())), idleAgent), 400, plain("error-not-allowed"));
            expect(http.post("/api/v1/livechat/room.closeByUser", json("rid", quote(maria.openRoom())), idleAgent), 400,
                    plain("error-not-authorized"));
            expect(http.agentMessage(idleAgent, maria.openRoom(), "not mine"), 400, plain("error-not-allowed"));
            expect(http.agentMessage(manager, maria.openRoom(), "not mine either"), 400, plain("error-not-allowed"));
            expect(http.put("/api/v1/livechat/room.visitor", json("rid", quote(maria.openRoom()), "visitorId",
                    quote(maria.id())), plainUser), 403, FORBIDDEN);
        });
        // the serving agent and a manager (view-livechat-rooms) may read both rooms
        for (Session allowed : List.of(agent, manager, admin)) {
            for (String room : List.of(maria.openRoom(), maria.closedRoom())) {
                Response response = http.get(String.format(history, room), allowed);
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                assertThat(response.json().get("total").asInt()).isEqualTo(2);
            }
        }
    }

    @Test
    void agent_facing_answers_carry_no_visitor_token() {
        Visitor maria = visitor("Maria");
        Visitor other = visitor("Other");
        String path = "/api/v1/livechat/visitors.chatHistory/room/" + maria.openRoom() + "/visitor/" + maria.id();
        for (Session caller : List.of(agent, manager, admin)) {
            JsonNode page = http.get(path, caller).json();
            for (JsonNode room : page.get("history")) {
                assertThat(room.get("v").has("token")).isFalse();
                assertThat(room.path("lastMessage").has("token")).isFalse();
            }
            JsonNode search = http.get("/api/v1/livechat/visitors.searchChats/room/" + maria.openRoom() + "/visitor/"
                    + maria.id() + "?closedChatsOnly=true", caller).json();
            assertThat(search.get("total").asInt()).isEqualTo(1);
            assertThat(search.at("/history/0/closingMessage").isObject()).isTrue();
            assertThat(search.at("/history/0/closingMessage").has("token")).isFalse();
        }
        Response sent = http.agentMessage(agent, maria.openRoom(), "hello");
        assertThat(sent.body()).doesNotContain("token");
        Response moved = http.put("/api/v1/livechat/room.visitor",
                json("rid", quote(maria.openRoom()), "oldVisitorId", quote(maria.id()), "newVisitorId",
                        quote(other.id())), agent);
        // other already has an open room: refused; the answer names no token either way
        assertThat(moved.body()).doesNotContain(maria.token()).doesNotContain(other.token());
        // the harness checks every agent-facing answer of this server for every visitor token as well
    }

    @Test
    void with_exposure_configured_agents_see_the_tokens_as_rocket_chat_shows_them() {
        try (TestStore exposedStore = TestStore.create(kind());
             LivechatHttp exposed = LivechatHttp.start(exposedStore, false, true)) {
            Session serving = exposed.createAgent(exposed.admin(), "faria.masood", "Faria Masood");
            String token = "tok-" + UUID.randomUUID();
            String visitorId = exposed.registerVisitor(token, "Maria");
            String roomId = exposed.openRoom(token);
            assertThat(exposed.visitorMessage(token, roomId, "hi").status()).isEqualTo(200);

            JsonNode room = exposed.get("/api/v1/livechat/visitors.chatHistory/room/" + roomId + "/visitor/" + visitorId,
                    serving).json().at("/history/0");
            assertThat(room.at("/v/token").asText()).isEqualTo(token);
            assertThat(room.at("/lastMessage/token").asText()).isEqualTo(token);
        }
    }
}
