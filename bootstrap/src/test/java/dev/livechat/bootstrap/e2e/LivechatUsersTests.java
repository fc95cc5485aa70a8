package dev.livechat.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livechat.bootstrap.e2e.LivechatHttp.Response;
import dev.livechat.bootstrap.e2e.LivechatHttp.Session;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.livechat.bootstrap.e2e.LivechatHttp.quote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agents and managers over HTTP (contract 4.5): granting, listing and removing the roles; removing an agent deletes
 * its department links and leaves the rooms it serves as they are.
 */
abstract class LivechatUsersTests {

    /** The store the server runs on. */
    abstract StoreTarget store();

    private static void assertError(Response response, int status, String body) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
    }

    @Test
    void managersGrantListAndRemoveAgentsAndManagers() {
        try (LivechatHttp http = LivechatHttp.start(store(), false)) {
            Session admin = http.admin();
            Session faria = http.createUser(admin, "users.faria", "Faria", "[\"user\"]");
            http.createUser(admin, "users.mona", "Mona", "[\"user\"]");

            Response added = http.post("/api/v1/livechat/users/agent", "{\"username\":\"users.faria\"}", admin);
            assertThat(added.body()).isEqualTo("{\"user\":{\"_id\":" + quote(faria.userId())
                    + ",\"username\":\"users.faria\"},\"success\":true}");
            assertThat(http.post("/api/v1/livechat/users/manager", "{\"username\":\"users.mona\"}", admin).status())
                    .isEqualTo(200);
            Session mona = http.login("users.mona", "pw-users.mona");

            JsonNode agents = http.get("/api/v1/livechat/users/agent?text=FARIA", mona).json();
            assertThat(agents.get("total").asInt()).isEqualTo(1);
            assertThat(LivechatHttp.fieldNames(agents.at("/users/0"))).containsExactly("_id", "username", "name",
                    "emails", "status", "statusLivechat");
            assertThat(agents.at("/users/0/statusLivechat").asText()).isEqualTo("available");
            JsonNode managers = http.get("/api/v1/livechat/users/manager", mona).json();
            assertThat(managers.get("users").findValuesAsText("username")).containsExactly("users.mona");
            assertThat(managers.at("/users/0").has("statusLivechat")).isFalse();

            String department = http.createDepartment(admin, "Users Dept " + UUID.randomUUID(), true, faria.userId());
            String token = "users-" + UUID.randomUUID();
            String visitorId = http.registerVisitor(token, "Maria");
            String rid = http.openRoom(token);

            assertThat(http.delete("/api/v1/livechat/users/agent/" + faria.userId(), mona).body())
                    .isEqualTo("{\"success\":true}");
            assertThat(http.get("/api/v1/livechat/department/" + department, mona).json()
                    .at("/department/numAgents").asInt()).isZero();
            JsonNode room = http.get("/api/v1/livechat/visitors.chatHistory/room/" + rid + "/visitor/" + visitorId,
                    mona).json().at("/history/0");
            assertThat(room.at("/servedBy/_id").asText()).as("rooms stay as they are").isEqualTo(faria.userId());
            assertThat(room.has("open")).isTrue();
            assertThat(http.get("/api/v1/livechat/users/agent?text=users.faria", mona).json().get("total").asInt())
                    .isZero();
            assertThat(http.delete("/api/v1/livechat/users/agent/" + faria.userId(), mona).body())
                    .as("a role the user does not have").isEqualTo("{\"success\":true}");

            assertError(http.post("/api/v1/livechat/users/monitor", "{\"username\":\"users.faria\"}", admin), 400,
                    "{\"success\":false,\"error\":\"Invalid type\"}");
            assertError(http.post("/api/v1/livechat/users/agent", "{\"username\":\"nobody\"}", admin), 400,
                    "{\"success\":false,\"error\":\"error-invalid-user\"}");
            assertError(http.delete("/api/v1/livechat/users/agent/unknownUser", admin), 400, "{\"success\":false}");
            assertError(http.get("/api/v1/livechat/users/agent", faria), 403, "{\"success\":false,\"error\":\"User "
                    + "does not have the permissions required for this action [error-unauthorized]\"}");
        }
    }
}
