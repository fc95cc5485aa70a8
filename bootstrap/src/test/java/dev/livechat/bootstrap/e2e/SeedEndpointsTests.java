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

/**
 * The five seed endpoints over HTTP on a real server and store: every error case of contract section 3 with its
 * exact status and body, and the seed documents' fields in the successful answers.
 */
abstract class SeedEndpointsTests extends OneServerTests {

    private static final String UNAUTHENTICATED = "{\"status\":\"error\",\"message\":\"You must be logged in to do this.\"}";
    private static final String FORBIDDEN =
            "{\"success\":false,\"error\":\"User does not have the permissions required for this action [error-unauthorized]\"}";

    private Session agent;
    private Session otherAgent;
    private Session plainUser;

    @Override
    void prepare() {
        agent = http.createAgent(admin, "faria.masood", "Faria Masood");
        plainUser = http.createUser(admin, "plain.user", "Plain User", "[\"user\"]");
        // The second agent logs in but sets itself unavailable, so that every room goes to the first agent.
        otherAgent = http.createAgent(admin, "other.agent", "Other Agent");
        assertThat(http.post("/api/v1/livechat/agent.status", "{\"status\":\"not-available\"}", otherAgent).status())
                .isEqualTo(200);
    }

    private static void assertError(Response response, int status, String body) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
    }

    /** A visitor with a served, closed room and a served, open room with a few messages. */
    private record Story(String token, String visitorId, String closedRoom, String openRoom) {
    }

    private Story story() {
        String token = "tok-" + UUID.randomUUID();
        String visitorId = http.registerVisitor(token, "Maria");
        String first = http.openRoom(token);
        assertThat(http.visitorMessage(token, first, "I have a question about my INVOICE").status()).isEqualTo(200);
        assertThat(http.agentMessage(agent, first, "Let me look").status()).isEqualTo(200);
        assertThat(http.post("/api/v1/livechat/room.closeByUser",
                "{\"rid\":" + quote(first) + ",\"comment\":\"Issue solved\",\"tags\":[\"billing\",\"billing\"]}", agent)
                .status()).isEqualTo(200);
        String second = http.openRoom(token);
        assertThat(http.visitorMessage(token, second, "hi").status()).isEqualTo(200);
        return new Story(token, visitorId, first, second);
    }

    private String historyPath(String roomId, String visitorId) {
        return "/api/v1/livechat/visitors.chatHistory/room/" + roomId + "/visitor/" + visitorId;
    }

    private String searchPath(String roomId, String visitorId) {
        return "/api/v1/livechat/visitors.searchChats/room/" + roomId + "/visitor/" + visitorId;
    }

    @Nested
    class ChatHistory {

        @Test
        void lists_every_room_of_the_visitor_newest_first_with_the_seed_fields() {
            Story story = story();

            Response response = http.get(historyPath(story.openRoom(), story.visitorId()), agent);

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode body = response.json();
            assertThat(LivechatHttp.fieldNames(body)).containsExactly("history", "count", "offset", "total", "success");
            assertThat(body.get("count").asInt()).isEqualTo(2);
            assertThat(body.get("total").asInt()).isEqualTo(2);
            assertThat(body.get("offset").asInt()).isZero();
            JsonNode open = body.get("history").get(0);
            JsonNode closed = body.get("history").get(1);
            assertThat(open.get("_id").asText()).isEqualTo(story.openRoom());
            assertThat(closed.get("_id").asText()).isEqualTo(story.closedRoom());
            // The fields of the seed document (seed 000), except those the contract says are never produced (2.10).
            assertThat(LivechatHttp.fieldNames(open)).contains("_id", "msgs", "usersCount", "lm", "fname", "t", "ts",
                    "v", "cl", "open", "_updatedAt", "lastMessage", "metrics", "waitingResponse", "servedBy", "source");
            assertThat(LivechatHttp.fieldNames(open.get("v"))).containsExactly("_id", "username", "status",
                    "lastMessageTs");
            assertThat(LivechatHttp.fieldNames(open.get("lastMessage"))).containsExactly("_id", "rid", "msg", "alias",
                    "ts", "u", "_updatedAt", "urls", "mentions", "channels", "md");
            assertThat(open.at("/metrics/v/lq").isTextual()).isTrue();
            assertThat(open.get("waitingResponse").asBoolean()).isTrue();
            assertThat(open.get("t").asText()).isEqualTo("l");
            assertThat(open.get("cl").asBoolean()).isFalse();
            assertThat(closed.has("open")).isFalse();
            assertThat(closed.get("closer").asText()).isEqualTo("user");
            assertThat(closed.get("tags").toString()).isEqualTo("[\"billing\"]");
            assertThat(closed.at("/lastMessage/t").asText()).isEqualTo("livechat-close");
            assertThat(closed.at("/lastMessage/msg").asText()).isEqualTo("Issue solved");
            assertThat(closed.at("/metrics/response/total").asInt()).isEqualTo(1);
            assertThat(closed.at("/metrics/chatDuration").isNumber()).isTrue();
            assertThat(response.body()).doesNotContain(story.token());
        }

        @Test
        void pages_and_sorts_on_request() {
            Story story = story();

            JsonNode page = http.get(historyPath(story.openRoom(), story.visitorId())
                    + "?count=1&offset=1&sort=" + encode("{\"ts\":1}"), agent).json();

            assertThat(page.get("count").asInt()).isEqualTo(1);
            assertThat(page.get("offset").asInt()).isEqualTo(1);
            assertThat(page.get("total").asInt()).isEqualTo(2);
            assertThat(page.at("/history/0/_id").asText()).isEqualTo(story.openRoom());
        }

        @Test
        void requires_credentials() {
            Story story = story();
            assertError(http.get(historyPath(story.openRoom(), story.visitorId())), 401, UNAUTHENTICATED);
            assertError(http.get(historyPath(story.openRoom(), story.visitorId()),
                    new Session(agent.userId(), "wrong-token")), 401, UNAUTHENTICATED);
        }

        @Test
        void validates_the_query_in_the_contract_order() {
            Story story = story();
            String path = historyPath(story.openRoom(), story.visitorId());

            assertError(http.get(path + "?fields=x", agent), 400, invalidParams("must NOT have additional properties"));
            assertError(http.get(path + "?count=abc", agent), 400, invalidParams("must be integer"));
            assertError(http.get(path + "?offset=1.5", agent), 400, invalidParams("must be integer"));
            assertError(http.get(path + "?count=-5", agent), 400, invalidParams("must be >= 0"));
            assertError(http.get(path + "?offset=2147483648", agent), 400, invalidParams("must be <= 2147483647"));
            assertError(http.get(path + "?sort=a&sort=b", agent), 400, invalidParams("must be string"));
            assertError(http.get(path + "?count=1&count=2", agent), 400, invalidParams("must be integer"));
            assertError(http.get(path + "?sort=" + "x".repeat(257), agent), 400,
                    invalidParams("must NOT have more than 256 characters"));
        }

        @Test
        void needs_view_l_room_before_sort_is_parsed() {
            Story story = story();
            assertError(http.get(historyPath(story.openRoom(), story.visitorId()) + "?sort=" + encode("{\"v.token\":1}"),
                    plainUser), 403, FORBIDDEN);
        }

        @Test
        void refuses_sort_keys_outside_the_allowlist() {
            Story story = story();
            assertError(http.get(historyPath(story.openRoom(), story.visitorId()) + "?sort=" + encode("{\"v.token\":1}"),
                    agent), 400, "{\"success\":false,\"error\":\"Invalid sort parameter provided: \\\"{\\\"v.token\\\":1}\\\" "
                    + "[error-invalid-sort]\",\"errorType\":\"error-invalid-sort\",\"details\":{\"helperMethod\":\"parseJsonQuery\"}}");
            assertThat(http.get(historyPath(story.openRoom(), story.visitorId()) + "?sort=" + encode("{\"ts\":2}"), agent)
                    .json().get("errorType").asText()).isEqualTo("error-invalid-sort");
        }

        @Test
        void unknown_or_malformed_rooms_are_invalid_room() {
            Story story = story();
            assertError(http.get(historyPath("NoSuchRoom12345", story.visitorId()), agent), 400, plain("invalid-room"));
            assertError(http.get(historyPath("%24ne", story.visitorId()), agent), 400, plain("invalid-room"));
        }

        @Test
        void refuses_callers_without_access_and_foreign_visitors() {
            Story story = story();
            Story other = story();
            assertError(http.get(historyPath(story.openRoom(), story.visitorId()), otherAgent), 400,
                    plain("error-not-allowed"));
            assertError(http.get(historyPath(story.openRoom(), other.visitorId()), agent), 400,
                    plain("error-not-allowed"));
        }

        @Test
        void managers_see_every_room() {
            Story story = story();
            assertThat(http.get(historyPath(story.openRoom(), story.visitorId()), admin).json().get("total").asInt())
                    .isEqualTo(2);
        }
    }

    @Nested
    class SearchChats {

        @Test
        void filters_closed_served_rooms_by_literal_case_insensitive_text_with_the_seed_projection() {
            Story story = story();

            Response response = http.get(searchPath(story.openRoom(), story.visitorId())
                    + "?closedChatsOnly=true&servedChatsOnly=true&searchText=invoice", agent);

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode body = response.json();
            assertThat(body.get("total").asInt()).isEqualTo(1);
            JsonNode room = body.at("/history/0");
            assertThat(LivechatHttp.fieldNames(room)).containsExactly("_id", "fname", "ts", "v", "msgs", "servedBy",
                    "closedAt", "closedBy", "closer", "tags", "closingMessage");
            assertThat(room.get("_id").asText()).isEqualTo(story.closedRoom());
            assertThat(room.at("/closingMessage/t").asText()).isEqualTo("livechat-close");
            assertThat(response.body()).doesNotContain(story.token());
        }

        @Test
        void without_filters_returns_open_and_closed_rooms() {
            Story story = story();
            assertThat(http.get(searchPath(story.openRoom(), story.visitorId()), agent).json().get("total").asInt())
                    .isEqualTo(2);
        }

        @Test
        void matches_pattern_characters_literally() {
            Story story = story();
            String path = searchPath(story.openRoom(), story.visitorId());
            assertThat(http.get(path + "?searchText=" + encode(".*"), agent).json().get("total").asInt()).isZero();
            assertThat(http.get(path + "?searchText=" + encode("%"), agent).json().get("total").asInt()).isZero();
            assertThat(http.get(path + "?searchText=" + encode("_"), agent).json().get("total").asInt()).isZero();
        }

        @Test
        void validates_flags_and_lengths() {
            Story story = story();
            String path = searchPath(story.openRoom(), story.visitorId());
            String notAllowed = invalidParams("must be equal to one of the allowed values");
            assertError(http.get(path + "?closedChatsOnly=1", agent), 400, notAllowed);
            assertError(http.get(path + "?servedChatsOnly=TRUE", agent), 400, notAllowed);
            assertError(http.get(path + "?closedChatsOnly=true&closedChatsOnly=true", agent), 400,
                    invalidParams("must be string"));
            assertError(http.get(path + "?searchText=" + "a".repeat(257), agent), 400,
                    invalidParams("must NOT have more than 256 characters"));
            assertError(http.get(path + "?source=" + "a".repeat(257), agent), 400,
                    invalidParams("must NOT have more than 256 characters"));
            assertError(http.get(path + "?query=x", agent), 400, invalidParams("must NOT have additional properties"));
            assertError(http.get(path), 401, UNAUTHENTICATED);
            assertError(http.get(path, plainUser), 403, FORBIDDEN);
            assertError(http.get(searchPath("NoSuchRoom12345", story.visitorId()), agent), 400, plain("invalid-room"));
            assertError(http.get(path, otherAgent), 400, plain("error-not-allowed"));
        }
    }

    @Nested
    class GetRoom {

        @Test
        void opens_a_served_room_once_then_returns_it_with_the_callers_token() {
            String token = "tok-" + UUID.randomUUID();
            http.registerVisitor(token, "Maria");

            Response first = http.room(token);
            Response again = http.room(token);

            assertThat(first.status()).as(first.body()).isEqualTo(200);
            JsonNode room = first.json().get("room");
            assertThat(first.json().get("newRoom").asBoolean()).isTrue();
            assertThat(LivechatHttp.fieldNames(first.json())).containsExactly("room", "newRoom", "success");
            assertThat(LivechatHttp.fieldNames(room)).contains("_id", "msgs", "usersCount", "lm", "fname", "t", "ts",
                    "v", "cl", "open", "_updatedAt", "lastMessage", "servedBy", "waitingResponse", "source");
            assertThat(room.get("msgs").asInt()).isEqualTo(3);
            assertThat(room.get("usersCount").asInt()).isEqualTo(2);
            assertThat(room.at("/v/token").asText()).isEqualTo(token);
            assertThat(room.at("/lastMessage/t").asText()).isEqualTo("livechat-started");
            assertThat(room.at("/servedBy/username").asText()).isEqualTo("faria.masood");
            assertThat(room.at("/source/type").asText()).isEqualTo("api");
            assertThat(again.json().get("newRoom").asBoolean()).isFalse();
            assertThat(again.json().at("/room/_id").asText()).isEqualTo(room.get("_id").asText());
            assertThat(http.get("/api/v1/livechat/room?token=" + encode(token) + "&rid=" + room.get("_id").asText())
                    .json().get("newRoom").asBoolean()).isFalse();
        }

        @Test
        void marks_widget_rooms_from_the_widget_cookies() {
            String token = "tok-" + UUID.randomUUID();
            http.registerVisitor(token, "Wanda");
            Response response = http.send(http.builder("/api/v1/livechat/room?token=" + encode(token), null)
                    .header("Cookie", "rc_room_type=l; rc_is_widget=t").GET().build());
            assertThat(response.json().at("/room/source/type").asText()).isEqualTo("widget");
        }

        @Test
        void validates_the_query_match_style() {
            assertError(http.get("/api/v1/livechat/room?token=x&foo=1"), 400,
                    plain("Match error: Unknown key in field foo"));
            assertError(http.get("/api/v1/livechat/room"), 400, plain("Match error: Missing key 'token'"));
            assertError(http.get("/api/v1/livechat/room?token=a&token=b"), 400,
                    plain("Match error: Expected string, got object in field token"));
            assertError(http.get("/api/v1/livechat/room?department=x&token=a"), 400,
                    plain("Match error: Unknown key in field department"));
        }

        @Test
        void unknown_tokens_and_rooms_are_refused() {
            assertError(http.room("never-registered-" + UUID.randomUUID()), 400, plain("invalid-token"));
            assertError(http.get("/api/v1/livechat/room?" + encode("token[$ne]") + "=x"), 400,
                    plain("Match error: Unknown key in field [\\\"token[$ne]\\\"]"));

            Story story = story();
            Story other = story();
            String base = "/api/v1/livechat/room?token=" + encode(story.token()) + "&rid=";
            assertError(http.get(base + "NoSuchRoom12345"), 400, plain("invalid-room"));
            assertError(http.get(base + story.closedRoom()), 400, plain("invalid-room"));
            assertError(http.get(base + other.openRoom()), 400, plain("invalid-room"));
        }

        @Test
        void without_an_available_agent_nothing_is_created() {
            assertThat(http.post("/api/v1/livechat/agent.status", "{\"status\":\"not-available\"}", agent).status())
                    .isEqualTo(200);
            try {
                String token = "tok-" + UUID.randomUUID();
                String visitorId = http.registerVisitor(token, "Nobody");
                assertError(http.room(token), 400, "{\"success\":false,\"error\":\"Sorry, no online agents "
                        + "[no-agent-online]\",\"errorType\":\"no-agent-online\"}");
                assertThat(http.get("/api/v1/livechat/visitor/" + encode(token)).json().at("/visitor").has("lastChat"))
                        .isFalse();
                assertThat(visitorId).isNotBlank();
            } finally {
                assertThat(http.post("/api/v1/livechat/agent.status", "{\"status\":\"available\"}", agent).status())
                        .isEqualTo(200);
            }
        }
    }

    @Nested
    class Survey {

        private String path = "/api/v1/livechat/room.survey";

        @Test
        void stores_the_valid_items_in_order_and_answers_them() {
            Story story = story();
            Response response = http.post(path, "{\"rid\":" + quote(story.closedRoom()) + ",\"token\":"
                    + quote(story.token()) + ",\"data\":[{\"name\":\"satisfaction\",\"value\":\"3\"},"
                    + "{\"name\":\"agentResposiveness\",\"value\":\"5\"},{\"name\":\"question\",\"value\":\"answer\"},"
                    + "{\"name\":\"additionalFeedback\",\"value\":\"Quick and friendly\"},"
                    + "{\"name\":\"satisfaction\",\"value\":\"4\"}]}");

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"rid\":\"" + story.closedRoom() + "\",\"data\":{\"satisfaction\":\"4\","
                    + "\"agentResposiveness\":\"5\",\"additionalFeedback\":\"Quick and friendly\"},\"success\":true}");
            JsonNode stored = http.get(historyPath(story.openRoom(), story.visitorId()), agent).json().at("/history/1");
            assertThat(stored.get("surveyFeedback").toString()).isEqualTo(
                    "{\"satisfaction\":\"4\",\"agentResposiveness\":\"5\",\"additionalFeedback\":\"Quick and friendly\"}");
        }

        @Test
        void validates_the_body_ajv_style() {
            assertError(http.post(path, "{}"), 400, invalidParams("must have required property 'token'"));
            assertError(http.post(path, "{\"token\":\"t\"}"), 400, invalidParams("must have required property 'rid'"));
            assertError(http.post(path, "{\"token\":\"t\",\"rid\":\"r\"}"), 400,
                    invalidParams("must have required property 'data'"));
            assertError(http.post(path, "{\"token\":\"t\",\"rid\":\"r\",\"data\":[],\"x\":1}"), 400,
                    invalidParams("must NOT have additional properties"));
            assertError(http.post(path, "{\"token\":{\"$regex\":\"^a\"},\"rid\":\"r\",\"data\":[]}"), 400,
                    invalidParams("must be string"));
            assertError(http.post(path, "{\"token\":\"t\",\"rid\":\"r\",\"data\":\"[]\"}"), 400,
                    invalidParams("must be array"));
            assertError(http.post(path, "{\"token\":\"t\",\"rid\":\"r\",\"data\":[]}"), 400,
                    invalidParams("must NOT have fewer than 1 items"));
            assertError(http.post(path, "{\"token\":\"t\",\"rid\":\"r\",\"data\":["
                    + "{\"name\":\"a\",\"value\":\"1\"},".repeat(20) + "{\"name\":\"a\",\"value\":\"1\"}]}"), 400,
                    invalidParams("must NOT have more than 20 items"));
            assertError(http.post(path, "{\"token\":\"t\",\"rid\":\"r\",\"data\":[{\"name\":\"a\",\"value\":\""
                    + "v".repeat(5001) + "\"}]}"), 400, invalidParams("must NOT have more than 5000 characters"));
            assertError(http.post(path, "{\"token\":\"t\",\"rid\":\"r\",\"data\":[{\"name\":\"" + "n".repeat(65)
                    + "\",\"value\":\"1\"}]}"), 400, invalidParams("must NOT have more than 64 characters"));
            assertError(http.post(path, "{\"token\":\"t\",\"rid\":\"r\",\"data\":[{\"name\":\"a\",\"value\":\"1\","
                    + "\"extra\":1}]}"), 400, invalidParams("must NOT have additional properties"));
            assertError(http.post(path, "{\"token\":\"t\",\"rid\":\"r\",\"data\":[{\"name\":\"a\",\"value\":5}]}"), 400,
                    invalidParams("must be string"));
        }

        @Test
        void refuses_unknown_tokens_foreign_rooms_and_empty_surveys() {
            Story story = story();
            Story other = story();
            String data = ",\"data\":[{\"name\":\"satisfaction\",\"value\":\"5\"}]}";
            assertError(http.post(path, "{\"token\":\"nobody-" + UUID.randomUUID() + "\",\"rid\":"
                    + quote(story.closedRoom()) + data), 400, plain("invalid-token"));
            assertError(http.post(path, "{\"token\":" + quote(story.token()) + ",\"rid\":" + quote(other.closedRoom())
                    + data), 400, plain("invalid-room"));
            assertError(http.post(path, "{\"token\":" + quote(story.token()) + ",\"rid\":\"NoSuchRoom12345\"" + data),
                    400, plain("invalid-room"));
            assertError(http.post(path, "{\"token\":" + quote(story.token()) + ",\"rid\":" + quote(story.closedRoom())
                    + ",\"data\":[{\"name\":\"satisfaction\",\"value\":\"6\"}]}"), 400, plain("invalid-data"));
        }
    }

    @Nested
    class ChangeRoomVisitor {

        private String path = "/api/v1/livechat/room.visitor";

        @Test
        void moves_a_room_to_another_visitor_in_the_seed_form() {
            Story story = story();
            String newToken = "tok-" + UUID.randomUUID();
            String newVisitor = http.registerVisitor(newToken, "Mary");

            Response response = http.put(path, "{\"rid\":" + quote(story.closedRoom()) + ",\"visitorId\":"
                    + quote(newVisitor) + "}", agent);

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(LivechatHttp.fieldNames(response.json())).containsExactly("rid", "room", "success");
            JsonNode room = response.json().get("room");
            assertThat(room.at("/v/_id").asText()).isEqualTo(newVisitor);
            assertThat(room.get("fname").asText()).isEqualTo("Maria");
            assertThat(LivechatHttp.fieldNames(room)).contains("_id", "fname", "t", "v", "msgs", "ts", "_updatedAt",
                    "lm", "usersCount", "cl", "lastMessage", "metrics", "servedBy");
            assertThat(response.body()).doesNotContain(newToken).doesNotContain(story.token());
            // the survey follows the room: the old token no longer reaches it, the new one does
            String data = ",\"data\":[{\"name\":\"satisfaction\",\"value\":\"5\"}]}";
            assertError(http.post("/api/v1/livechat/room.survey", "{\"token\":" + quote(story.token()) + ",\"rid\":"
                    + quote(story.closedRoom()) + data), 400, plain("invalid-room"));
            assertThat(http.post("/api/v1/livechat/room.survey", "{\"token\":" + quote(newToken) + ",\"rid\":"
                    + quote(story.closedRoom()) + data).status()).isEqualTo(200);
        }

        @Test
        void is_a_compare_and_set_in_the_code_form() {
            Story story = story();
            String newVisitor = http.registerVisitor("tok-" + UUID.randomUUID(), "Mary");
            assertError(http.put(path, "{\"rid\":" + quote(story.closedRoom()) + ",\"oldVisitorId\":" + quote(newVisitor)
                    + ",\"newVisitorId\":" + quote(newVisitor) + "}", agent), 400, plain("invalid-room-visitor"));
            Response moved = http.put(path, "{\"rid\":" + quote(story.closedRoom()) + ",\"oldVisitorId\":"
                    + quote(story.visitorId()) + ",\"newVisitorId\":" + quote(newVisitor) + "}", agent);
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        }

        @Test
        void validates_both_forms() {
            assertError(http.put(path, "{}", agent), 400, invalidParams("must have required property 'rid'"));
            assertError(http.put(path, "{\"rid\":\"x\"}", agent), 400,
                    invalidParams("must have required property 'oldVisitorId'"));
            assertError(http.put(path, "{\"rid\":\"x\",\"oldVisitorId\":\"y\"}", agent), 400,
                    invalidParams("must have required property 'newVisitorId'"));
            assertError(http.put(path, "{\"rid\":\"x\",\"visitorId\":\"y\",\"oldVisitorId\":\"z\"}", agent), 400,
                    invalidParams("must NOT have additional properties"));
            assertError(http.put(path, "{\"rid\":\"x\",\"visitorId\":5}", agent), 400, invalidParams("must be string"));
            assertError(http.put(path, "{\"rid\":\"x\",\"visitorId\":\"y\",}", agent), 400,
                    invalidParams("Invalid JSON body"));
            assertError(http.put(path, "{\"rid\":\"x\",\"visitorId\":\"y\"}", null), 401, UNAUTHENTICATED);
            assertError(http.put(path, "{\"rid\":\"x\",\"visitorId\":\"y\"}", plainUser), 403, FORBIDDEN);
        }

        @Test
        void refuses_unknown_visitors_rooms_inaccessible_rooms_and_a_second_open_room() {
            Story story = story();
            Story other = story();
            assertError(http.put(path, "{\"rid\":" + quote(story.openRoom()) + ",\"visitorId\":\"NoSuchVisitor123\"}",
                    agent), 400, plain("visitor-not-found"));
            assertError(http.put(path, "{\"rid\":\"NoSuchRoom12345\",\"visitorId\":" + quote(other.visitorId()) + "}",
                    agent), 400, plain("invalid-room"));
            assertError(http.put(path, "{\"rid\":" + quote(story.openRoom()) + ",\"visitorId\":"
                    + quote(other.visitorId()) + "}", otherAgent), 400, plain("error-not-allowed"));
            assertError(http.put(path, "{\"rid\":" + quote(story.openRoom()) + ",\"visitorId\":"
                    + quote(other.visitorId()) + "}", agent), 400, plain("visitor-already-has-open-room"));
        }
    }
}
