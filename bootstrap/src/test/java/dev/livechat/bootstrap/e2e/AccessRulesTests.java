package dev.livechat.bootstrap.e2e;

import dev.livechat.bootstrap.e2e.LivechatHttp.Response;
import dev.livechat.bootstrap.e2e.LivechatHttp.Session;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.livechat.bootstrap.e2e.LivechatHttp.quote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The room access rule of contract 1.12 over HTTP, on the endpoints that apply it: the serving agent (open or closed
 * room) and managers with {@code view-livechat-rooms} may; another agent may not, on chat history, chat search,
 * {@code room.visitor}, {@code room.closeByUser} and {@code room.forward}.
 */
abstract class AccessRulesTests {

    /** The store the server runs on. */
    abstract StoreTarget store();

    private static final String NOT_ALLOWED = "{\"success\":false,\"error\":\"error-not-allowed\"}";
    private static final String ROUTE_PERMISSION = "{\"success\":false,\"error\":\"User does not have the permissions "
            + "required for this action [error-unauthorized]\"}";

    @Test
    void theServingAgentAndManagersMayAccessARoomOtherAgentsMayNot() {
        try (LivechatHttp http = LivechatHttp.start(store(), false)) {
            Session admin = http.admin();
            Session faria = http.createAgent(admin, "access.faria", "Faria");
            Session manager = http.createUser(admin, "access.manager", "Manager", "[\"user\",\"livechat-manager\"]");
            String token = "access-" + UUID.randomUUID();
            String visitorId = http.registerVisitor(token, "Maria");
            String rid = http.openRoom(token);
            Session omar = http.createAgent(admin, "access.omar", "Omar");
            String otherVisitor = http.registerVisitor("access-other-" + UUID.randomUUID(), "Other");
            String history = "/api/v1/livechat/visitors.chatHistory/room/" + rid + "/visitor/" + visitorId;
            String search = "/api/v1/livechat/visitors.searchChats/room/" + rid + "/visitor/" + visitorId;
            String changeVisitor = "{\"rid\":" + quote(rid) + ",\"visitorId\":" + quote(otherVisitor) + "}";

            assertThat(http.get(history, faria).status()).isEqualTo(200);
            assertThat(http.get(search, manager).status()).isEqualTo(200);
            assertError(http.get(history, omar), 400, NOT_ALLOWED);
            assertError(http.get(search, omar), 400, NOT_ALLOWED);
            assertError(http.put("/api/v1/livechat/room.visitor", changeVisitor, omar), 400, NOT_ALLOWED);
            assertError(http.post("/api/v1/livechat/room.closeByUser", "{\"rid\":" + quote(rid) + "}", omar), 400,
                    "{\"success\":false,\"error\":\"error-not-authorized\"}");
            assertError(http.post("/api/v1/livechat/room.forward", "{\"roomId\":" + quote(rid) + ",\"userId\":"
                    + quote(omar.userId()) + "}", omar), 403, ROUTE_PERMISSION);
            assertError(http.post("/api/v1/livechat/room.forward", "{\"roomId\":" + quote(rid) + ",\"userId\":"
                    + quote(omar.userId()) + "}", faria), 403, ROUTE_PERMISSION);

            assertThat(http.post("/api/v1/livechat/room.forward", "{\"roomId\":" + quote(rid) + ",\"userId\":"
                    + quote(omar.userId()) + "}", manager).body()).isEqualTo("{\"success\":true}");
            assertThat(http.get(history, omar).status()).as("now the serving agent").isEqualTo(200);
            assertError(http.get(history, faria), 400, NOT_ALLOWED);

            assertThat(http.post("/api/v1/livechat/room.closeByUser", "{\"rid\":" + quote(rid) + "}", omar).body())
                    .isEqualTo("{\"success\":true}");
            assertThat(http.get(history, omar).status()).as("served it, closed now").isEqualTo(200);
            assertError(http.get(search, faria), 400, NOT_ALLOWED);
            assertThat(http.get(history, manager).status()).isEqualTo(200);
        }
    }

    private static void assertError(Response response, int status, String body) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
    }
}
