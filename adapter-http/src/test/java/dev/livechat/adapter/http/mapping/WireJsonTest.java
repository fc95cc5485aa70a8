package dev.livechat.adapter.http.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageAuthor;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.room.ClosedBy;
import dev.livechat.domain.room.Closer;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.room.ServedBy;
import dev.livechat.domain.room.SurveyAnswer;
import dev.livechat.domain.room.SurveyFeedback;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's worked example (5.7) through the domain, rendered and compared with the contract's documents (2.2). */
class WireJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RoomId ROOM = new RoomId("hhMKhHnnbY79mGs9K");
    private static final VisitorToken TOKEN = new VisitorToken("8s7e9ony6ctl27e1qf8kue");
    private static final MessageAuthor MARIA = new MessageAuthor("QyBAKC5Wc8tcv6cco", "guest-537", "Maria");
    private static final MessageAuthor FARIA = new MessageAuthor("XycfA5CetCPuEjqxw", "faria.masood", "Faria Masood");

    private static Instant at(String time) {
        return Instant.parse("2024-05-01T" + time + "Z");
    }

    private int ids;

    private MessageId nextId() {
        return new MessageId("msg" + (++ids));
    }

    private Room roomAfterFirstReply() {
        Room room = Room.open(ROOM, new VisitorId("QyBAKC5Wc8tcv6cco"), "guest-537", TOKEN, "Maria",
                new DepartmentId("CAJioQNAvLnYWTy8i"), RoomSource.API, at("10:00:00.000"));
        room.record(Message.system(MessageType.LIVECHAT_STARTED, nextId(), ROOM, "", at("10:00:00.000"), MARIA));
        room.assign(new ServedBy(new UserId("XycfA5CetCPuEjqxw"), "faria.masood", at("10:00:00.010")));
        room.record(Message.system(MessageType.COMMAND, nextId(), ROOM, "connected", at("10:00:00.010"), FARIA));
        room.record(Message.system(MessageType.USER_JOINED, nextId(), ROOM, "", at("10:00:00.010"), FARIA));
        room.record(Message.visitorText(nextId(), ROOM, "hi", at("10:00:10.000"), MARIA, TOKEN));
        room.record(Message.visitorText(nextId(), ROOM, "anyone?", at("10:00:20.000"), MARIA, TOKEN));
        room.record(Message.agentText(new MessageId("Zq3bXvN4wYk8PcE2m"), ROOM, "Hello Maria, how can I help?",
                at("10:00:30.500"), FARIA));
        return room;
    }

    @Test
    void open_served_room_matches_the_contract_example() throws Exception {
        JsonNode actual = WireJson.room(roomAfterFirstReply().snapshot(), TokenVisibility.agent(false));

        // Contract 2.2, with _updatedAt equal to the message instant (contract 5.1: one instant per event).
        JsonNode expected = JSON.readTree("""
                {
                  "_id": "hhMKhHnnbY79mGs9K", "msgs": 6, "usersCount": 2, "lm": "2024-05-01T10:00:30.500Z",
                  "fname": "Maria", "t": "l", "ts": "2024-05-01T10:00:00.000Z", "departmentId": "CAJioQNAvLnYWTy8i",
                  "v": { "_id": "QyBAKC5Wc8tcv6cco", "username": "guest-537", "status": "online",
                         "lastMessageTs": "2024-05-01T10:00:20.000Z" },
                  "cl": false, "open": true, "_updatedAt": "2024-05-01T10:00:30.500Z",
                  "lastMessage": {
                    "_id": "Zq3bXvN4wYk8PcE2m", "rid": "hhMKhHnnbY79mGs9K", "msg": "Hello Maria, how can I help?",
                    "ts": "2024-05-01T10:00:30.500Z",
                    "u": { "_id": "XycfA5CetCPuEjqxw", "username": "faria.masood", "name": "Faria Masood" },
                    "_updatedAt": "2024-05-01T10:00:30.500Z", "urls": [], "mentions": [], "channels": [],
                    "md": [ { "type": "PARAGRAPH", "value": [ { "type": "PLAIN_TEXT", "value": "Hello Maria, how can I help?" } ] } ]
                  },
                  "metrics": {
                    "v": { "lq": "2024-05-01T10:00:10.000Z" },
                    "response": { "avg": 20.5, "total": 1, "tt": 20.5, "fd": "2024-05-01T10:00:30.500Z", "ft": 20.5 },
                    "reaction": { "tt": 30.49, "fd": "2024-05-01T10:00:30.500Z", "ft": 30.49 },
                    "servedBy": { "lr": "2024-05-01T10:00:30.500Z" }
                  },
                  "servedBy": { "_id": "XycfA5CetCPuEjqxw", "username": "faria.masood", "ts": "2024-05-01T10:00:00.010Z" },
                  "responseBy": { "_id": "XycfA5CetCPuEjqxw", "username": "faria.masood",
                                  "firstResponseTs": "2024-05-01T10:00:30.500Z", "lastMessageTs": "2024-05-01T10:00:30.500Z" },
                  "source": { "type": "api" }
                }""");
        assertThat(JSON.readTree(actual.toString())).isEqualTo(expected);
    }

    @Test
    void closed_room_matches_the_contract_fragment_and_renders_seconds_without_noise() throws Exception {
        Room room = roomAfterFirstReply();
        room.record(Message.agentText(nextId(), ROOM, "Let me check", at("10:00:40.000"), FARIA));
        room.record(Message.visitorText(nextId(), ROOM, "One more thing", at("10:01:00.000"), MARIA, TOKEN));
        room.record(Message.agentText(nextId(), ROOM, "Sure", at("10:01:04.250"), FARIA));
        room.close(Closer.VISITOR, new ClosedBy("QyBAKC5Wc8tcv6cco", "guest-537"), List.of(), at("10:02:00.000"));
        room.record(Message.close(new MessageId("m7Lk2Jq9PzXcW4bNw"), ROOM, "Closed by visitor", at("10:02:00.000"),
                MARIA, TOKEN));
        room.recordSurvey(SurveyFeedback.fromAnswers(List.of(new SurveyAnswer("satisfaction", "5"),
                new SurveyAnswer("additionalFeedback", "Quick and friendly"))), at("10:03:00.000"));

        String text = WireJson.room(room.snapshot(), TokenVisibility.agent(false)).toString();
        JsonNode actual = JSON.readTree(text);

        assertThat(actual.get("msgs").asInt()).isEqualTo(10);
        assertThat(actual.has("open")).isFalse();
        assertThat(actual.get("v")).isEqualTo(JSON.readTree("""
                { "_id": "QyBAKC5Wc8tcv6cco", "username": "guest-537", "status": "offline", "lastMessageTs": "2024-05-01T10:01:00.000Z" }"""));
        assertThat(actual.get("closedAt").asText()).isEqualTo("2024-05-01T10:02:00.000Z");
        assertThat(actual.get("closer").asText()).isEqualTo("visitor");
        assertThat(actual.get("closedBy")).isEqualTo(JSON.readTree("""
                { "_id": "QyBAKC5Wc8tcv6cco", "username": "guest-537" }"""));
        assertThat(actual.get("metrics")).isEqualTo(JSON.readTree("""
                { "v": { "lq": "2024-05-01T10:01:00.000Z" },
                  "response": { "avg": 12.375, "total": 2, "tt": 24.75, "fd": "2024-05-01T10:00:30.500Z", "ft": 20.5 },
                  "reaction": { "tt": 34.74, "fd": "2024-05-01T10:00:30.500Z", "ft": 30.49 },
                  "servedBy": { "lr": "2024-05-01T10:01:04.250Z" },
                  "chatDuration": 120, "serviceTimeDuration": 119.99 }"""));
        assertThat(actual.get("lastMessage")).isEqualTo(JSON.readTree("""
                { "_id": "m7Lk2Jq9PzXcW4bNw", "rid": "hhMKhHnnbY79mGs9K", "msg": "Closed by visitor", "t": "livechat-close",
                  "groupable": false, "transcriptRequested": false, "ts": "2024-05-01T10:02:00.000Z",
                  "u": { "_id": "QyBAKC5Wc8tcv6cco", "username": "guest-537", "name": "Maria" },
                  "_updatedAt": "2024-05-01T10:02:00.000Z" }"""));
        assertThat(actual.get("surveyFeedback")).isEqualTo(JSON.readTree("""
                { "satisfaction": "5", "additionalFeedback": "Quick and friendly" }"""));
        assertThat(text).contains("\"chatDuration\":120,").contains("\"tt\":34.74,").doesNotContain("E+");
    }

    @Test
    void visitor_facing_responses_show_only_the_callers_own_token() {
        Room room = roomAfterFirstReply();
        room.record(Message.visitorText(nextId(), ROOM, "again", at("10:00:50.000"), MARIA, TOKEN));

        JsonNode own = WireJson.room(room.snapshot(), TokenVisibility.visitor(TOKEN));
        JsonNode other = WireJson.room(room.snapshot(), TokenVisibility.visitor(new VisitorToken("someone-else")));
        JsonNode agentHidden = WireJson.room(room.snapshot(), TokenVisibility.agent(false));
        JsonNode agentExposed = WireJson.room(room.snapshot(), TokenVisibility.agent(true));

        assertThat(own.at("/v/token").asText()).isEqualTo("8s7e9ony6ctl27e1qf8kue");
        assertThat(own.at("/lastMessage/token").asText()).isEqualTo("8s7e9ony6ctl27e1qf8kue");
        assertThat(other.at("/v").has("token")).isFalse();
        assertThat(other.at("/lastMessage").has("token")).isFalse();
        assertThat(agentHidden.toString()).doesNotContain("8s7e9ony6ctl27e1qf8kue");
        assertThat(agentExposed.at("/v/token").asText()).isEqualTo("8s7e9ony6ctl27e1qf8kue");
    }

    @Test
    void markdown_splits_lines_drops_carriage_returns_and_keeps_empty_paragraphs() throws Exception {
        Message message = Message.visitorText(nextId(), ROOM, "hi\r\n\nI need help", at("10:00:10.000"), MARIA, TOKEN);

        JsonNode md = WireJson.message(message, TokenVisibility.visitor(TOKEN)).get("md");

        assertThat(md).isEqualTo(JSON.readTree("""
                [ { "type": "PARAGRAPH", "value": [ { "type": "PLAIN_TEXT", "value": "hi" } ] },
                  { "type": "PARAGRAPH", "value": [] },
                  { "type": "PARAGRAPH", "value": [ { "type": "PLAIN_TEXT", "value": "I need help" } ] } ]"""));
    }
}
