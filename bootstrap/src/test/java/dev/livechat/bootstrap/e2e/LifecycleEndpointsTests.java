package dev.livechat.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livechat.bootstrap.e2e.LivechatHttp.Response;
import dev.livechat.bootstrap.e2e.LivechatHttp.Session;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.livechat.bootstrap.e2e.LivechatHttp.encode;
import static dev.livechat.bootstrap.e2e.LivechatHttp.quote;
import static org.assertj.core.api.Assertions.assertThat;

/** Login, visitors, messages and closing over HTTP: the error cases of contract section 4 with exact bodies. */
abstract class LifecycleEndpointsTests extends OneServerTests {

    private static final String UNAUTHENTICATED = "{\"status\":\"error\",\"message\":\"You must be logged in to do this.\"}";
    private static final String LOGIN_FAILED = "{\"status\":\"error\",\"error\":\"Unauthorized\",\"message\":\"Unauthorized\"}";

    private Session agent;

    @Override
    void prepare() {
        agent = http.createAgent(admin, "lifecycle.agent", "Lifecycle Agent");
    }

    private static void assertError(Response response, int status, String body) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
    }

    private record OpenRoom(String token, String rid) {
    }

    private OpenRoom openRoom() {
        String token = "tok-" + UUID.randomUUID();
        http.registerVisitor(token, "Maria");
        return new OpenRoom(token, http.openRoom(token));
    }

    @Nested
    class Transport {

        @Test
        void server_info_needs_no_store_and_no_credentials() {
            Response info = http.get("/api/info");
            assertThat(info.status()).isEqualTo(200);
            assertThat(info.body()).matches("\\{\"version\":\"[^\"]+\",\"success\":true}");
            assertThat(info.header("Cache-Control")).isEqualTo("no-store");
            assertThat(info.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }

        @Test
        void unknown_routes_and_methods() {
            assertError(http.get("/api/v1/livechat/nope"), 404,
                    "{\"status\":\"error\",\"message\":\"API endpoint does not exist\"}");
            Response wrongMethod = http.delete("/api/v1/livechat/room", null);
            assertError(wrongMethod, 405, "{\"status\":\"error\",\"message\":\"API endpoint does not exist\"}");
            assertThat(wrongMethod.header("Allow")).isEqualTo("GET");
        }

        @Test
        void bodies_must_be_json_objects() {
            assertError(http.post("/api/v1/livechat/message", "[1]"), 400, invalidParams("must be object"));
            assertError(http.post("/api/v1/livechat/message", "{\"a\":1,\"a\":2}"), 400, invalidParams("Invalid JSON body"));
            Response form = http.send(http.builder("/api/v1/livechat/message", null)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=x")).build());
            assertError(form, 415, plain("unsupported-media-type"));
        }
    }

    @Nested
    class Login {

        @Test
        void accepts_every_compatible_shape_and_returns_the_user() {
            String[] bodies = {
                    "{\"user\":\"lifecycle.agent\",\"password\":\"pw-lifecycle.agent\"}",
                    "{\"user\":\"LIFECYCLE.AGENT\",\"password\":\"pw-lifecycle.agent\"}",
                    "{\"user\":\"lifecycle.agent@example.com\",\"password\":\"pw-lifecycle.agent\"}",
                    "{\"user\":{\"username\":\"lifecycle.agent\"},\"password\":\"pw-lifecycle.agent\"}",
                    "{\"user\":{\"email\":\"lifecycle.agent@example.com\"},\"password\":\"pw-lifecycle.agent\"}",
                    "{\"username\":\"lifecycle.agent\",\"password\":\"pw-lifecycle.agent\"}",
                    "{\"email\":\"lifecycle.agent@example.com\",\"password\":\"pw-lifecycle.agent\"}"};
            for (String body : bodies) {
                Response response = http.post("/api/v1/login", body);
                assertThat(response.status()).as(body).isEqualTo(200);
                JsonNode json = response.json();
                assertThat(LivechatHttp.fieldNames(json)).containsExactly("status", "data", "success");
                assertThat(json.at("/data/authToken").asText()).matches("[A-Za-z0-9_-]{43}");
                assertThat(json.at("/data/me/username").asText()).isEqualTo("lifecycle.agent");
                assertThat(json.at("/data/me/status").asText()).isEqualTo("online");
                assertThat(json.at("/data/me/statusLivechat").asText()).isEqualTo("available");
                assertThat(json.at("/data/me").has("services")).isFalse();
            }
        }

        @Test
        void every_failure_has_the_same_body() {
            assertError(http.post("/api/v1/login", "{\"user\":\"lifecycle.agent\",\"password\":\"wrong\"}"), 401,
                    LOGIN_FAILED);
            assertError(http.post("/api/v1/login", "{\"user\":\"nobody\",\"password\":\"wrong\"}"), 401, LOGIN_FAILED);
            assertError(http.post("/api/v1/login", "{\"user\":\"lifecycle.agent\"}"), 401, LOGIN_FAILED);
            assertError(http.post("/api/v1/login", "{\"user\":{\"$ne\":null},\"password\":\"x\"}"), 401, LOGIN_FAILED);
            assertError(http.post("/api/v1/login", "{}"), 401, LOGIN_FAILED);
        }

        @Test
        void me_and_logout_end_only_that_session() {
            Session first = http.login("lifecycle.agent", "pw-lifecycle.agent");
            Session second = http.login("lifecycle.agent", "pw-lifecycle.agent");

            Response me = http.get("/api/v1/me", first);
            assertThat(me.status()).isEqualTo(200);
            assertThat(LivechatHttp.fieldNames(me.json())).startsWith("_id", "username").endsWith("success");
            assertThat(http.post("/api/v1/logout", "", first).body())
                    .isEqualTo("{\"status\":\"success\",\"data\":{\"message\":\"You've been logged out!\"},\"success\":true}");
            assertError(http.get("/api/v1/me", first), 401, UNAUTHENTICATED);
            assertThat(http.get("/api/v1/me", second).status()).isEqualTo(200);
            assertError(http.get("/api/v1/me", new Session("not valid id!", "x")), 401, UNAUTHENTICATED);
        }
    }

    @Nested
    class Visitor {

        private final String path = "/api/v1/livechat/visitor";

        @Test
        void registers_then_updates_by_token_and_never_merges_by_email() {
            String token = "tok-" + UUID.randomUUID();
            Response created = http.post(path, "{\"visitor\":{\"token\":" + quote(token)
                    + ",\"name\":\"Maria\",\"email\":\" Maria@Example.com \",\"phone\":\"+5511999990000\"}}");
            assertThat(created.status()).as(created.body()).isEqualTo(200);
            JsonNode visitor = created.json().get("visitor");
            assertThat(visitor.get("username").asText()).matches("guest-\\d+");
            assertThat(visitor.get("token").asText()).isEqualTo(token);
            assertThat(visitor.get("status").asText()).isEqualTo("online");
            assertThat(visitor.get("visitorEmails").toString()).isEqualTo("[{\"address\":\"maria@example.com\"}]");
            assertThat(visitor.get("phone").toString()).isEqualTo("[{\"phoneNumber\":\"+5511999990000\"}]");

            Response updated = http.post(path, "{\"visitor\":{\"token\":" + quote(token) + ",\"name\":\"Maria B\"}}");
            assertThat(updated.json().at("/visitor/_id").asText()).isEqualTo(visitor.get("_id").asText());
            assertThat(updated.json().at("/visitor/name").asText()).isEqualTo("Maria B");

            Response other = http.post(path, "{\"visitor\":{\"token\":\"other-" + UUID.randomUUID()
                    + "\",\"email\":\"maria@example.com\"}}");
            assertThat(other.json().at("/visitor/_id").asText()).isNotEqualTo(visitor.get("_id").asText());

            Response fetched = http.get(path + "/" + encode(token));
            assertThat(fetched.json().at("/visitor/name").asText()).isEqualTo("Maria B");
        }

        @Test
        void validates_match_style() {
            assertError(http.post(path, "{}"), 400, plain("Match error: Missing key 'visitor'"));
            assertError(http.post(path, "{\"visitor\":{\"token\":\"t\"},\"foo\":1}"), 400,
                    plain("Match error: Unknown key in field foo"));
            assertError(http.post(path, "{\"visitor\":\"x\"}"), 400,
                    plain("Match error: Expected object, got string in field visitor"));
            assertError(http.post(path, "{\"visitor\":{}}"), 400, plain("Match error: Missing key 'token' in field visitor"));
            assertError(http.post(path, "{\"visitor\":{\"token\":{\"$ne\":null}}}"), 400,
                    plain("Match error: Expected string, got object in field visitor.token"));
            assertError(http.post(path, "{\"visitor\":{\"token\":\"" + "t".repeat(257) + "\"}}"), 400,
                    plain("Match error: Failed Match.Where validation in field visitor.token"));
            assertError(http.post(path, "{\"visitor\":{\"token\":\"t\",\"username\":\"guest-1\"}}"), 400,
                    plain("Match error: Unknown key in field visitor.username"));
            assertError(http.post(path, "{\"visitor\":{\"token\":\"t\",\"customFields\":[{\"key\":\"k\",\"value\":\"v\"}]}}"),
                    400, plain("Match error: Missing key 'overwrite' in field visitor.customFields[0]"));
        }

        @Test
        void applies_the_business_checks() {
            assertError(http.post(path, "{\"visitor\":{\"token\":\"   \"}}"), 400,
                    "{\"success\":false,\"error\":\"Token cannot be empty [error-invalid-token]\",\"errorType\":\"error-invalid-token\"}");
            assertError(http.post(path, "{\"visitor\":{\"token\":\"t-" + UUID.randomUUID() + "\",\"email\":\"not-an-email\"}}"),
                    400, "{\"success\":false,\"error\":\"Invalid email not-an-email [error-invalid-email]\",\"errorType\":\"error-invalid-email\"}");
            assertError(http.post(path, "{\"visitor\":{\"token\":\"t-" + UUID.randomUUID() + "\",\"department\":\"Nowhere\"}}"),
                    400, "{\"success\":false,\"error\":\"The provided department is invalid [error-invalid-department]\","
                            + "\"errorType\":\"error-invalid-department\"}");
            assertError(http.get(path + "/unknown-" + UUID.randomUUID()), 400,
                    "{\"success\":false,\"error\":\"[invalid-token]\",\"errorType\":\"invalid-token\"}");
        }
    }

    @Nested
    class Messages {

        private final String path = "/api/v1/livechat/message";

        @Test
        void a_conversation_updates_the_room_and_replays_are_idempotent() {
            OpenRoom room = openRoom();
            Response sent = http.post(path, "{\"token\":" + quote(room.token()) + ",\"rid\":" + quote(room.rid())
                    + ",\"msg\":\"hi\\nI need help\",\"_id\":\"client-msg-1-" + UUID.randomUUID().toString().substring(0, 8) + "\"}");
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            JsonNode message = sent.json().get("message");
            assertThat(message.get("token").asText()).isEqualTo(room.token());
            assertThat(message.get("alias").asText()).isEqualTo("Maria");
            assertThat(message.get("md").toString()).isEqualTo("[{\"type\":\"PARAGRAPH\",\"value\":[{\"type\":\"PLAIN_TEXT\",\"value\":\"hi\"}]},"
                    + "{\"type\":\"PARAGRAPH\",\"value\":[{\"type\":\"PLAIN_TEXT\",\"value\":\"I need help\"}]}]");

            String replayBody = "{\"token\":" + quote(room.token()) + ",\"rid\":" + quote(room.rid()) + ",\"msg\":\"hi\\nI need help\",\"_id\":"
                    + quote(message.get("_id").asText()) + "}";
            Response replay = http.post(path, replayBody);
            assertThat(replay.json().get("message")).isEqualTo(message);

            Response reply = http.agentMessage(agent, room.rid(), "Hello Maria");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.json().get("message").has("token")).isFalse();

            JsonNode current = http.room(room.token()).json().get("room");
            assertThat(current.get("msgs").asInt()).isEqualTo(5);
            assertThat(current.has("waitingResponse")).isFalse();
            assertThat(current.at("/responseBy/username").asText()).isEqualTo("lifecycle.agent");
            assertThat(current.at("/metrics/response/total").asInt()).isEqualTo(1);

            Response history = http.get("/api/v1/livechat/messages.history/" + room.rid() + "?token=" + encode(room.token()));
            assertThat(history.status()).isEqualTo(200);
            assertThat(LivechatHttp.fieldNames(history.json())).containsExactly("messages", "success");
            assertThat(history.json().get("messages")).hasSize(3);
            assertThat(history.json().at("/messages/0/msg").asText()).isEqualTo("Hello Maria");
            assertThat(history.json().at("/messages/2/t").asText()).isEqualTo("livechat-started");
        }

        @Test
        void validates_and_refuses() {
            OpenRoom room = openRoom();
            String prefix = "{\"token\":" + quote(room.token()) + ",\"rid\":" + quote(room.rid());
            assertError(http.post(path, "{}"), 400, invalidParams("must have required property 'token'"));
            assertError(http.post(path, "{\"token\":\"t\"}"), 400, invalidParams("must have required property 'rid'"));
            assertError(http.post(path, "{\"token\":\"t\",\"rid\":\"r\"}"), 400, invalidParams("must have required property 'msg'"));
            assertError(http.post(path, prefix + ",\"msg\":\"\"}"), 400, invalidParams("must NOT have fewer than 1 characters"));
            assertError(http.post(path, prefix + ",\"msg\":5}"), 400, invalidParams("must be string"));
            assertError(http.post(path, prefix + ",\"msg\":\"x\",\"foo\":1}"), 400, invalidParams("must NOT have additional properties"));
            assertError(http.post(path, prefix + ",\"msg\":\"x\",\"_id\":\"bad id!\"}"), 400,
                    invalidParams("must match pattern \\\"^[A-Za-z0-9_-]{1,64}$\\\""));
            assertError(http.post(path, "{\"token\":\"nobody-" + UUID.randomUUID() + "\",\"rid\":" + quote(room.rid())
                    + ",\"msg\":\"x\"}"), 400, plain("invalid-token"));
            assertError(http.post(path, "{\"token\":" + quote(room.token()) + ",\"rid\":\"NoSuchRoom12345\",\"msg\":\"x\"}"),
                    400, plain("invalid-room"));
            assertError(http.post(path, prefix + ",\"msg\":\"" + "x".repeat(20_001) + "\"}"), 400,
                    plain("message-length-exceeds-character-limit"));
            Response first = http.post(path, prefix + ",\"msg\":\"x\"}");
            OpenRoom other = openRoom();
            assertError(http.post(path, "{\"token\":" + quote(other.token()) + ",\"rid\":" + quote(other.rid())
                    + ",\"msg\":\"x\",\"_id\":" + quote(first.json().at("/message/_id").asText()) + "}"), 400,
                    plain("error-message-id-in-use"));
            assertThat(http.closeByVisitor(room.token(), room.rid()).status()).isEqualTo(200);
            assertError(http.post(path, prefix + ",\"msg\":\"x\"}"), 400, plain("room-closed"));
        }

        @Test
        void agent_messages_need_the_serving_agent_and_an_open_room() {
            OpenRoom room = openRoom();
            Session manager = admin;
            assertError(http.agentMessage(manager, room.rid(), "x"), 400, plain("error-not-allowed"));
            assertError(http.agentMessage(agent, "NoSuchRoom12345", "x"), 400, plain("error-invalid-room"));
            assertError(http.post("/api/v1/chat.sendMessage", "{\"message\":{\"rid\":" + quote(room.rid()) + ",\"msg\":\""
                    + "x".repeat(20_001) + "\"}}", agent), 400, "{\"success\":false,\"error\":\"Message size exceeds "
                    + "Message_MaxAllowedSize [error-message-size-exceeded]\",\"errorType\":\"error-message-size-exceeded\","
                    + "\"details\":{\"method\":\"sendMessage\"}}");
            assertError(http.post("/api/v1/chat.sendMessage", "{\"message\":{\"rid\":\"r\",\"msg\":\"x\",\"alias\":\"a\"}}",
                    agent), 400, invalidParams("must NOT have additional properties"));
            assertThat(http.closeByVisitor(room.token(), room.rid()).status()).isEqualTo(200);
            assertError(http.agentMessage(agent, room.rid(), "x"), 400, plain("room-closed"));
        }
    }

    @Nested
    class Close {

        @Test
        void the_visitor_closes_once() {
            OpenRoom room = openRoom();
            Response closed = http.closeByVisitor(room.token(), room.rid());
            assertThat(closed.body()).isEqualTo("{\"rid\":\"" + room.rid() + "\",\"comment\":\"Closed by visitor\",\"success\":true}");
            assertError(http.closeByVisitor(room.token(), room.rid()), 400, plain("room-closed"));
            assertError(http.closeByVisitor("nobody-" + UUID.randomUUID(), room.rid()), 400, plain("invalid-token"));
            assertError(http.closeByVisitor(room.token(), "NoSuchRoom12345"), 400, plain("invalid-room"));
            assertError(http.post("/api/v1/livechat/room.close", "{\"token\":\"t\"}"), 400,
                    invalidParams("must have required property 'rid'"));
            // the next request without rid opens a new room
            assertThat(http.room(room.token()).json().get("newRoom").asBoolean()).isTrue();
        }

        @Test
        void agents_close_with_comment_and_tags() {
            OpenRoom room = openRoom();
            String path = "/api/v1/livechat/room.closeByUser";
            Session outsider = http.createAgent(admin, "outsider-" + UUID.randomUUID().toString().substring(0, 8), "Outsider");
            // unavailable, so that rooms of later tests keep going to the serving agent of this class
            assertThat(http.post("/api/v1/livechat/agent.status", "{\"status\":\"not-available\"}", outsider).status())
                    .isEqualTo(200);
            assertError(http.post(path, "{\"rid\":\"NoSuchRoom12345\"}", agent), 400, plain("error-invalid-room"));
            assertError(http.post(path, "{\"rid\":" + quote(room.rid()) + "}", outsider), 400, plain("error-not-authorized"));
            assertError(http.post(path, "{\"rid\":" + quote(room.rid()) + ",\"tags\":[\"\"]}", agent), 400,
                    invalidParams("must NOT have fewer than 1 characters"));
            assertThat(http.post(path, "{\"rid\":" + quote(room.rid()) + ",\"comment\":\"done\"}", agent).body())
                    .isEqualTo("{\"success\":true}");
            assertError(http.post(path, "{\"rid\":" + quote(room.rid()) + "}", agent), 400, plain("error-room-already-closed"));
            assertError(http.post(path, "{\"rid\":" + quote(room.rid()) + "}", null), 401, UNAUTHENTICATED);
        }
    }
}
