package dev.livechat.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livechat.bootstrap.e2e.LivechatHttp.Response;
import dev.livechat.bootstrap.e2e.LivechatHttp.Session;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.livechat.bootstrap.e2e.LivechatHttp.quote;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code livechat/room.forward} over HTTP under Auto_Selection: the transfer and every error of contract 4.17. */
abstract class ForwardEndpointsTests extends OneServerTests {

    private static final String FORWARD = "/api/v1/livechat/room.forward";

    private Session manager;
    private Session faria;
    private Session omar;

    @Override
    void prepare() {
        faria = http.createAgent(admin, "fwd.faria", "Faria");
        manager = http.createUser(admin, "fwd.manager", "Manager", "[\"user\",\"livechat-manager\"]");
    }

    private static void assertError(Response response, String body) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(body);
    }

    private record Opened(String token, String visitorId, String rid) {
    }

    /** A room opened while only the agents logged in so far exist (Auto_Selection picks among them). */
    private Opened openRoom(String department) {
        String token = "tok-" + UUID.randomUUID();
        String visitorId = department == null ? http.registerVisitor(token, "Maria")
                : http.registerVisitor(token, "Maria", department);
        return new Opened(token, visitorId, http.openRoom(token));
    }

    private Response forward(Session caller, String body) {
        return http.post(FORWARD, body, caller);
    }

    private JsonNode history(Session caller, Opened room) {
        Response response = http.get("/api/v1/livechat/visitors.chatHistory/room/" + room.rid() + "/visitor/"
                + room.visitorId(), caller);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().at("/history/0");
    }

    @Test
    void aManagerForwardsToAnAgentThenToADepartment() {
        Opened room = openRoom(null);
        if (omar == null) {
            omar = http.createAgent(admin, "fwd.omar", "Omar");
        }
        String billing = http.createDepartment(admin, "Fwd Billing " + UUID.randomUUID(), true, faria.userId());

        Response toOmar = forward(manager, "{\"roomId\":" + quote(room.rid()) + ",\"userId\":" + quote(omar.userId())
                + ",\"comment\":\"billing question\",\"departmentId\":null,\"clientAction\":true}");
        assertThat(toOmar.body()).isEqualTo("{\"success\":true}");
        JsonNode afterAgent = history(manager, room);
        assertThat(afterAgent.at("/servedBy/_id").asText()).isEqualTo(omar.userId());
        assertThat(afterAgent.get("usersCount").asInt()).isEqualTo(3);
        assertThat(afterAgent.get("msgs").asInt()).isEqualTo(7);
        JsonNode transfer = afterAgent.get("lastMessage");
        assertThat(transfer.get("t").asText()).isEqualTo("livechat_transfer_history");
        assertThat(LivechatHttp.fieldNames(transfer.get("transferData")))
                .containsExactly("transferredBy", "ts", "scope", "comment", "transferredTo");
        assertThat(transfer.at("/transferData/transferredBy").toString()).isEqualTo("{\"_id\":"
                + quote(manager.userId()) + ",\"username\":\"fwd.manager\",\"name\":\"Manager\",\"type\":\"user\"}");
        assertThat(transfer.at("/transferData/scope").asText()).isEqualTo("agent");
        assertThat(transfer.at("/transferData/transferredTo").toString()).isEqualTo("{\"_id\":"
                + quote(omar.userId()) + ",\"username\":\"fwd.omar\",\"name\":\"Omar\"}");

        Response toBilling = forward(admin, "{\"roomId\":" + quote(room.rid()) + ",\"departmentId\":" + quote(billing)
                + "}");
        assertThat(toBilling.body()).isEqualTo("{\"success\":true}");
        JsonNode afterDepartment = history(admin, room);
        assertThat(afterDepartment.at("/servedBy/_id").asText()).isEqualTo(faria.userId());
        assertThat(afterDepartment.get("departmentId").asText()).isEqualTo(billing);
        assertThat(LivechatHttp.fieldNames(afterDepartment.at("/lastMessage/transferData")))
                .containsExactly("transferredBy", "ts", "scope", "nextDepartment");
        assertThat(afterDepartment.at("/lastMessage/transferData/scope").asText()).isEqualTo("department");
    }

    @Test
    void everyErrorHasTheContractsBody() {
        Session away = http.createAgent(admin, "fwd.away", "Away");
        http.post("/api/v1/livechat/agent.status", "{\"status\":\"not-available\"}", away);
        String empty = http.createDepartment(admin, "Fwd Empty " + UUID.randomUUID(), true);
        String onlyFaria = http.createDepartment(admin, "Fwd Only Faria " + UUID.randomUUID(), true, faria.userId());
        String support = http.createDepartment(admin, "Fwd Support " + UUID.randomUUID(), true, faria.userId());
        Opened room = openRoom(support);
        assertThat(history(faria, room).at("/servedBy/_id").asText()).isEqualTo(faria.userId());
        Opened closed = openRoom(null);
        http.closeByVisitor(closed.token(), closed.rid());
        String rid = quote(room.rid());

        assertError(forward(manager, "{}"), "{\"success\":false,\"error\":\"must have required property 'roomId' "
                + "[invalid-params]\",\"errorType\":\"invalid-params\"}");
        assertError(forward(manager, "{\"roomId\":" + rid + ",\"comment\":\"" + "x".repeat(20_001) + "\"}"),
                "{\"success\":false,\"error\":\"must NOT have more than 20000 characters [invalid-params]\","
                        + "\"errorType\":\"invalid-params\"}");
        assertError(forward(manager, "{\"roomId\":" + rid + ",\"userId\":5}"),
                "{\"success\":false,\"error\":\"must be string [invalid-params]\",\"errorType\":\"invalid-params\"}");
        Response agentForwards = forward(faria, "{\"roomId\":" + rid + ",\"departmentId\":" + quote(empty) + "}");
        assertThat(agentForwards.status()).isEqualTo(403);
        assertThat(agentForwards.body()).isEqualTo("{\"success\":false,\"error\":\"User does not have the permissions "
                + "required for this action [error-unauthorized]\"}");
        assertError(forward(manager, "{\"roomId\":\"unknownRoom\"}"), plain("error-invalid-room"));
        assertError(forward(manager, "{\"roomId\":" + quote(closed.rid()) + ",\"userId\":\"x\"}"),
                plain("This_conversation_is_already_closed"));
        assertError(forward(manager, "{\"roomId\":" + rid + ",\"userId\":null,\"departmentId\":null}"),
                plain("error-forwarding-chat"));
        assertError(forward(manager, "{\"roomId\":" + rid + ",\"departmentId\":\"unknownDepartment\"}"),
                plain("error-invalid-department"));
        assertError(forward(manager, "{\"roomId\":" + rid + ",\"departmentId\":" + quote(support) + "}"),
                plain("error-forwarding-chat-same-department"));
        assertError(forward(manager, "{\"roomId\":" + rid + ",\"userId\":" + quote(away.userId()) + "}"),
                plain("error-user-is-offline"));
        assertError(forward(manager, "{\"roomId\":" + rid + ",\"userId\":\"unknownUser\"}"),
                plain("error-user-is-offline"));
        assertError(forward(manager, "{\"roomId\":" + rid + ",\"userId\":" + quote(faria.userId())
                + ",\"departmentId\":" + quote(empty) + "}"), plain("error-user-not-belong-to-department"));
        assertError(forward(manager, "{\"roomId\":" + rid + ",\"userId\":" + quote(faria.userId()) + "}"),
                plain("error-selected-agent-room-agent-are-same"));
        assertError(forward(manager, "{\"roomId\":" + rid + ",\"departmentId\":" + quote(empty) + "}"),
                plain("error-no-agents-online-in-department"));
        assertError(forward(manager, "{\"roomId\":" + rid + ",\"departmentId\":" + quote(onlyFaria) + "}"),
                plain("error-no-agents-online-in-department"));
        assertThat(history(manager, room).get("msgs").asInt()).as("nothing written").isEqualTo(3);
    }
}
