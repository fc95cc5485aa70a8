package dev.livechat.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livechat.bootstrap.e2e.LivechatHttp.Response;
import dev.livechat.bootstrap.e2e.LivechatHttp.Session;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.livechat.bootstrap.e2e.LivechatHttp.quote;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code livechat/department} over HTTP: shapes and every error of contract 4.7 and 7a with exact bodies. */
abstract class DepartmentEndpointsTests extends OneServerTests {

    private static final String ROUTE_PERMISSION = "{\"success\":false,\"error\":\"User does not have the "
            + "permissions required for this action [error-unauthorized]\"}";

    private Session agent;
    private Session plainUser;

    @Override
    void prepare() {
        agent = http.createAgent(admin, "dept.agent", "Dept Agent");
        plainUser = http.createUser(admin, "dept.user", "Dept User", "[\"user\"]");
    }

    private static void assertError(Response response, int status, String body) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
    }

    private static String department(String name) {
        return "{\"name\":" + quote(name) + ",\"email\":\"d@example.com\",\"enabled\":true,"
                + "\"showOnRegistration\":true,\"showOnOfflineForm\":false}";
    }

    private Response create(String body, Session caller) {
        return http.post("/api/v1/livechat/department", body, caller);
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID();
    }

    @Test
    void createAnswersTheDepartmentAndItsAgentLinks() {
        String name = unique("Sales");
        Response created = create("{\"department\":{\"name\":" + quote(name) + ",\"email\":\"sales@example.com\","
                + "\"enabled\":true,\"showOnRegistration\":true,\"showOnOfflineForm\":false,"
                + "\"description\":\"Pre-sales\"},\"agents\":[{\"agentId\":" + quote(agent.userId())
                + ",\"count\":2,\"order\":1},{\"agentId\":" + quote(plainUser.userId()) + "},{\"agentId\":\"nobody\"}]}",
                admin);

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode body = created.json();
        assertThat(LivechatHttp.fieldNames(body)).containsExactly("department", "agents", "success");
        JsonNode department = body.get("department");
        assertThat(LivechatHttp.fieldNames(department)).containsExactly("_id", "enabled", "name", "description",
                "showOnRegistration", "showOnOfflineForm", "email", "numAgents", "_updatedAt");
        assertThat(department.get("numAgents").asInt()).isEqualTo(1);
        assertThat(department.get("_id").asText()).matches("[23456789A-HJ-NP-Za-km-z]{17}");
        JsonNode link = body.at("/agents/0");
        assertThat(LivechatHttp.fieldNames(link)).containsExactly("_id", "agentId", "departmentId",
                "departmentEnabled", "username", "count", "order");
        assertThat(link.get("agentId").asText()).isEqualTo(agent.userId());
        assertThat(link.get("departmentId").asText()).isEqualTo(department.get("_id").asText());
        assertThat(link.get("departmentEnabled").asBoolean()).isTrue();
        assertThat(link.get("username").asText()).isEqualTo("dept.agent");
        assertThat(link.get("count").asInt()).isEqualTo(2);
        assertThat(link.get("order").asInt()).isEqualTo(1);
        assertThat(body.get("agents")).hasSize(1);

        String id = department.get("_id").asText();
        Response one = http.get("/api/v1/livechat/department/" + id + "?includeAgents=true", agent);
        assertThat(one.json().get("department")).isEqualTo(department);
        assertThat(one.json().get("agents")).isEqualTo(body.get("agents"));
        Response withoutAgents = http.get("/api/v1/livechat/department/" + id, agent);
        assertThat(LivechatHttp.fieldNames(withoutAgents.json())).containsExactly("department", "success");
        assertThat(http.get("/api/v1/livechat/department/unknownDepartment", agent).body())
                .isEqualTo("{\"department\":null,\"success\":true}");
    }

    @Test
    void listFiltersPagesAndSorts() {
        String prefix = "List" + UUID.randomUUID().toString().substring(0, 8);
        create("{\"department\":" + department(prefix + " b") + "}", admin);
        create("{\"department\":" + department(prefix + " a") + "}", admin);
        create("{\"department\":{\"name\":\"" + prefix + " c\",\"email\":\"c@example.com\",\"enabled\":false,"
                + "\"showOnRegistration\":true,\"showOnOfflineForm\":true}}", admin);

        Response all = http.get("/api/v1/livechat/department?text=" + prefix.toUpperCase(), agent);
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(LivechatHttp.fieldNames(all.json())).containsExactly("departments", "count", "offset", "total",
                "success");
        assertThat(all.json().get("departments").findValuesAsText("name"))
                .containsExactly(prefix + " a", prefix + " b", prefix + " c");
        Response page = http.get("/api/v1/livechat/department?text=" + prefix
                + "&enabled=true&count=1&offset=1&sort=%7B%22name%22%3A-1%7D", admin);
        assertThat(page.json().get("departments").findValuesAsText("name")).containsExactly(prefix + " a");
        assertThat(page.json().get("total").asInt()).isEqualTo(2);
        assertThat(page.json().get("count").asInt()).isEqualTo(1);
        assertThat(page.json().get("offset").asInt()).isEqualTo(1);
    }

    @Test
    void updateAndDelete() {
        String id = create("{\"department\":" + department(unique("Edit")) + ",\"agents\":[{\"agentId\":"
                + quote(agent.userId()) + "}]}", admin).json().at("/department/_id").asText();
        String renamed = unique("Edited");

        Response updated = http.put("/api/v1/livechat/department/" + id, "{\"department\":{\"name\":" + quote(renamed)
                + ",\"email\":\"e@example.com\",\"enabled\":false,\"showOnRegistration\":false,"
                + "\"showOnOfflineForm\":true}}", admin);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().at("/department/name").asText()).isEqualTo(renamed);
        assertThat(updated.json().at("/department/enabled").asBoolean()).isFalse();
        assertThat(updated.json().at("/department/numAgents").asInt()).isEqualTo(1);
        assertThat(updated.json().at("/agents/0/departmentEnabled").asBoolean()).isFalse();

        Response emptied = http.put("/api/v1/livechat/department/" + id, "{\"department\":" + department(renamed)
                + ",\"agents\":[]}", admin);
        assertThat(emptied.json().at("/department/numAgents").asInt()).isZero();
        assertThat(emptied.json().get("agents")).isEmpty();

        assertThat(http.delete("/api/v1/livechat/department/" + id, admin).body()).isEqualTo("{\"success\":true}");
        assertThat(http.get("/api/v1/livechat/department/" + id, admin).body())
                .isEqualTo("{\"department\":null,\"success\":true}");
    }

    @Test
    void everyErrorHasTheContractsBody() {
        String taken = unique("Taken");
        String takenId = create("{\"department\":" + department(taken) + "}", admin).json().at("/department/_id")
                .asText();
        String other = create("{\"department\":" + department(unique("Other")) + "}", admin).json()
                .at("/department/_id").asText();

        assertError(create("{}", admin), 400, invalidParams("must have required property 'department'"));
        assertError(create("{\"department\":" + department("x") + ",\"extra\":1}", admin), 400,
                invalidParams("must NOT have additional properties"));
        assertError(create("{\"department\":\"Sales\"}", admin), 400, invalidParams("must be object"));
        assertError(create("{\"department\":{\"email\":\"a@b.co\"}}", admin), 400,
                invalidParams("must NOT have fewer than 1 characters"));
        assertError(create("{\"department\":" + department("   ") + "}", admin), 400,
                invalidParams("must NOT have fewer than 1 characters"));
        assertError(create("{\"department\":{\"name\":\"x\",\"enabled\":true}}", admin), 400,
                invalidParams("must have required property 'email'"));
        assertError(create("{\"department\":{\"name\":\"x\",\"email\":\"a@b.co\",\"enabled\":\"yes\","
                + "\"showOnRegistration\":true,\"showOnOfflineForm\":true}}", admin), 400, invalidParams("must be boolean"));
        assertError(create("{\"department\":{\"name\":\"x\",\"email\":\"a@b.co\",\"enabled\":true,"
                + "\"showOnRegistration\":1,\"showOnOfflineForm\":true}}", admin), 400, invalidParams("must be boolean"));
        assertError(create("{\"department\":{\"name\":\"x\",\"email\":\"a@b.co\",\"enabled\":true,"
                + "\"showOnRegistration\":true,\"showOnOfflineForm\":true,\"numAgents\":5}}", admin), 400,
                invalidParams("must NOT have additional properties"));
        assertError(create("{\"department\":" + department("x".repeat(257)) + "}", admin), 400,
                invalidParams("must NOT have more than 256 characters"));
        assertError(create("{\"department\":" + department("x") + ",\"agents\":[{\"agentId\":\"a\",\"role\":1}]}",
                admin), 400, invalidParams("must NOT have additional properties"));
        assertError(create("{\"department\":" + department("x") + ",\"agents\":[{\"count\":1}]}", admin), 400,
                invalidParams("must have required property 'agentId'"));
        assertError(create("{\"department\":" + department("x") + ",\"agents\":[{\"agentId\":\"a\",\"count\":1.5}]}",
                admin), 400, invalidParams("must be integer"));
        assertError(create("{\"department\":" + department(taken) + "}", agent), 403, ROUTE_PERMISSION);
        assertError(create("{\"department\":" + department(taken) + "}", admin), 400,
                "{\"success\":false,\"error\":\"error-duplicated-department-name\"}");
        assertError(http.put("/api/v1/livechat/department/" + other, "{\"department\":" + department(taken) + "}",
                admin), 400, "{\"success\":false,\"error\":\"error-duplicated-department-name\"}");
        assertError(http.put("/api/v1/livechat/department/unknownDepartment", "{\"department\":" + department("y")
                + "}", admin), 400, "{\"success\":false,\"error\":\"error-department-not-found\"}");
        assertError(http.put("/api/v1/livechat/department/" + takenId, "{\"department\":" + department("y") + "}",
                agent), 403, ROUTE_PERMISSION);
        assertError(http.delete("/api/v1/livechat/department/unknownDepartment", admin), 400,
                "{\"success\":false,\"error\":\"error-department-not-found\"}");
        assertError(http.delete("/api/v1/livechat/department/%2E%2E", admin), 400,
                "{\"success\":false,\"error\":\"error-department-not-found\"}");
        assertError(http.delete("/api/v1/livechat/department/" + takenId, agent), 403, ROUTE_PERMISSION);
        assertError(http.get("/api/v1/livechat/department", plainUser), 403, ROUTE_PERMISSION);
        assertError(http.get("/api/v1/livechat/department/" + takenId, plainUser), 403, ROUTE_PERMISSION);
        assertError(http.get("/api/v1/livechat/department?enabled=yes", agent), 400,
                invalidParams("must be equal to one of the allowed values"));
        assertError(http.get("/api/v1/livechat/department?text=" + "x".repeat(257), agent), 400,
                invalidParams("must NOT have more than 256 characters"));
        assertError(http.get("/api/v1/livechat/department?name=x", agent), 400,
                invalidParams("must NOT have additional properties"));
        assertError(http.get("/api/v1/livechat/department?sort=%7B%22email%22%3A1%7D", agent), 400,
                "{\"success\":false,\"error\":\"Invalid sort parameter provided: \\\"{\\\"email\\\":1}\\\" "
                        + "[error-invalid-sort]\",\"errorType\":\"error-invalid-sort\","
                        + "\"details\":{\"helperMethod\":\"parseJsonQuery\"}}");
        assertError(http.get("/api/v1/livechat/department/" + takenId + "?includeAgents=1", agent), 400,
                invalidParams("must be equal to one of the allowed values"));
        assertError(http.get("/api/v1/livechat/department", null), 401,
                "{\"status\":\"error\",\"message\":\"You must be logged in to do this.\"}");
    }
}
