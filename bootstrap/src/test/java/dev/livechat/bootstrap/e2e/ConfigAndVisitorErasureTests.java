package dev.livechat.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livechat.bootstrap.e2e.LivechatHttp.Response;
import dev.livechat.bootstrap.e2e.LivechatHttp.Session;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.livechat.bootstrap.e2e.LivechatHttp.encode;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET livechat/config} (contract 4.18, 7a) and {@code DELETE livechat/visitor/:token} (4.9) over HTTP. */
abstract class ConfigAndVisitorErasureTests extends OneServerTests {

    private static final String SETTINGS = "{\"registrationForm\":true,\"allowSwitchingDepartments\":true,"
            + "\"nameFieldRegistrationForm\":true,\"emailFieldRegistrationForm\":true,\"displayOfflineForm\":false,"
            + "\"videoCall\":false,\"fileUpload\":false,\"language\":\"en\",\"transcript\":false,"
            + "\"historyMonitorType\":\"url\",\"forceAcceptDataProcessingConsent\":false,\"showConnecting\":false,"
            + "\"agentHiddenInfo\":false,\"clearLocalStorageWhenChatEnded\":false,\"limitTextLength\":20000}";
    private static final String SURVEY = "{\"items\":[\"satisfaction\",\"agentKnowledge\",\"agentResposiveness\","
            + "\"agentFriendliness\"],\"values\":[\"1\",\"2\",\"3\",\"4\",\"5\"]}";
    private static final String INVALID_TOKEN =
            "{\"success\":false,\"error\":\"[invalid-token]\",\"errorType\":\"invalid-token\"}";

    private Session agent;

    @Override
    void prepare() {
        agent = http.createAgent(admin, "config.agent", "Config Agent");
    }

    private JsonNode config(String query) {
        Response response = http.get("/api/v1/livechat/config" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(LivechatHttp.fieldNames(response.json())).containsExactly("config", "success");
        return response.json().get("config");
    }

    @Test
    void theConfigHasTheFixedSettingsTheDepartmentsAndTheVisitorsOwnState() {
        String sales = http.createDepartment(admin, "Config Sales", true, agent.userId());
        String closedDesk = http.createDepartment(admin, "Config Closed", false, agent.userId());
        http.createDepartment(admin, "Config Empty", true);

        JsonNode anonymous = config("");
        assertThat(LivechatHttp.fieldNames(anonymous)).containsExactly("enabled", "settings", "survey", "departments",
                "online");
        assertThat(anonymous.get("enabled").asBoolean()).isTrue();
        assertThat(anonymous.get("settings").toString()).isEqualTo(SETTINGS);
        assertThat(anonymous.get("survey").toString()).isEqualTo(SURVEY);
        assertThat(anonymous.get("departments").toString()).isEqualTo("[{\"_id\":\"" + sales + "\",\"name\":"
                + "\"Config Sales\",\"showOnRegistration\":true,\"showOnOfflineForm\":true}]");
        assertThat(anonymous.get("online").asBoolean()).isTrue();
        assertThat(config("?department=" + sales).get("online").asBoolean()).isTrue();
        assertThat(config("?department=" + closedDesk).get("online").asBoolean()).isFalse();
        assertThat(config("?department=unknownDepartment&token=unknown").get("online").asBoolean()).isFalse();

        String token = "cfg-" + UUID.randomUUID();
        String visitorId = http.registerVisitor(token, "Maria", sales);
        JsonNode guestOnly = config("?token=" + encode(token));
        assertThat(guestOnly.get("guest").toString()).isEqualTo("{\"_id\":\"" + visitorId + "\",\"username\":"
                + guestOnly.at("/guest/username").toString() + ",\"token\":\"" + token + "\",\"name\":\"Maria\","
                + "\"department\":\"" + sales + "\"}");
        assertThat(guestOnly.has("room")).isFalse();
        String rid = http.openRoom(token);
        JsonNode withRoom = config("?token=" + encode(token) + "&department=" + sales);
        assertThat(LivechatHttp.fieldNames(withRoom)).containsExactly("enabled", "settings", "survey", "departments",
                "online", "guest", "room", "agent");
        assertThat(LivechatHttp.fieldNames(withRoom.get("room"))).containsExactly("_id", "departmentId", "servedBy",
                "open");
        assertThat(withRoom.at("/room/_id").asText()).isEqualTo(rid);
        assertThat(withRoom.get("agent").toString()).isEqualTo("{\"_id\":\"" + agent.userId() + "\",\"username\":"
                + "\"config.agent\",\"name\":\"Config Agent\",\"status\":\"online\"}");

        Response bad = http.get("/api/v1/livechat/config?foo=1");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("{\"success\":false,\"error\":\"must NOT have additional properties "
                + "[invalid-params]\",\"errorType\":\"invalid-params\"}");
    }

    @Test
    void aVisitorWithoutOpenRoomsIsErasedWithAllTheirRooms() {
        String token = "erase-" + UUID.randomUUID();
        String visitorId = http.registerVisitor(token, "Maria");
        String rid = http.openRoom(token);
        http.visitorMessage(token, rid, "please forget me");

        Response refused = http.delete("/api/v1/livechat/visitor/" + encode(token), null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("{\"success\":false,\"error\":\"Cannot remove visitors with opened rooms "
                + "[visitor-has-open-rooms]\",\"errorType\":\"visitor-has-open-rooms\"}");

        http.closeByVisitor(token, rid);
        Response erased = http.delete("/api/v1/livechat/visitor/" + encode(token), null);
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.body()).matches("\\{\"visitor\":\\{\"_id\":\"" + visitorId
                + "\",\"ts\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\"},\"success\":true}");

        for (Response unknown : new Response[]{
                http.get("/api/v1/livechat/visitor/" + encode(token)),
                http.delete("/api/v1/livechat/visitor/" + encode(token), null),
                http.delete("/api/v1/livechat/visitor/never-registered", null)}) {
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.body()).isEqualTo(INVALID_TOKEN);
        }
        assertThat(http.room(token).body()).isEqualTo("{\"success\":false,\"error\":\"invalid-token\"}");
        assertThat(http.get("/api/v1/livechat/messages.history/" + rid + "?token=" + encode(token)).body())
                .isEqualTo("{\"success\":false,\"error\":\"invalid-token\"}");
        assertThat(http.get("/api/v1/livechat/visitors.chatHistory/room/" + rid + "/visitor/" + visitorId, admin)
                .body()).isEqualTo("{\"success\":false,\"error\":\"invalid-room\"}");
    }
}
