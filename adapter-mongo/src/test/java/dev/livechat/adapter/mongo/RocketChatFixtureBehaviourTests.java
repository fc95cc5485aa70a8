package dev.livechat.adapter.mongo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.port.out.VisitorChatSearch.ChatSearchFilter;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.room.Closer;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.RoomSortField;
import dev.livechat.domain.routing.AgentCandidate;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.user.AgentStatus;
import dev.livechat.domain.user.Role;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Documents exactly as Rocket.Chat stores them, none of this adapter's keys: the rooms and the last message of the
 * seed pages ({@code visitors.chatHistory}, {@code GET livechat/room}), the closed room of the contract's chat history
 * example (3.1) with its messages, the visitor and an agent in Meteor's account shape. They are planted before the
 * store opens on the database, as on an existing Rocket.Chat installation.
 */
abstract class RocketChatFixtureBehaviourTests {

    abstract MongoFixture mongo();

    private static final VisitorId MARIA = new VisitorId("QyBAKC5Wc8tcv6cco");

    private MongoStore store;

    @BeforeEach
    void plantRocketChatDocumentsAndOpen() {
        String name = mongo().reserveDatabase();
        MongoDatabase db = mongo().database(name);
        db.getCollection("rocketchat_room").insertMany(List.of(
                Document.parse(CHAT_HISTORY_SEED_ROOM), Document.parse(ROOM_INFO_SEED_ROOM),
                Document.parse(CONTRACT_CLOSED_ROOM)));
        db.getCollection("rocketchat_message").insertMany(List.of(
                Document.parse(SEED_LAST_MESSAGE), Document.parse(QUESTION), Document.parse(NAVIGATION),
                Document.parse(CLOSING_MESSAGE)));
        db.getCollection("rocketchat_livechat_visitor").insertOne(Document.parse(VISITOR));
        db.getCollection("users").insertOne(Document.parse(AGENT));
        store = mongo().openOn(name);
    }

    @Test
    void chat_history_returns_the_visitors_rocket_chat_rooms_newest_first() {
        Page<Room> history = store.ports().chatSearch().chatHistory(MARIA,
                List.of(new SortKey<>(RoomSortField.TS, false)), 0, 50);

        assertThat(history.total()).isEqualTo(2);
        assertThat(history.items()).extracting(r -> r.id().value())
                .containsExactly("Fw8sKq2mTzR5nYb3X", "hhMKhHnnbY79mGs9K");

        RoomSnapshot seed = history.items().get(1).snapshot();
        assertThat(seed.version()).isZero();
        assertThat(seed.open()).isTrue();
        assertThat(seed.msgs()).isEqualTo(2);
        assertThat(seed.usersCount()).isEqualTo(1);
        assertThat(seed.fname()).isEqualTo("Maria");
        assertThat(seed.ts()).isEqualTo(Instant.parse("2021-07-22T17:17:04.216Z"));
        assertThat(seed.lm()).isEqualTo(Instant.parse("2021-07-22T17:17:04.937Z"));
        assertThat(seed.updatedAt()).isEqualTo(Instant.parse("2021-07-22T17:17:05.078Z"));
        assertThat(seed.departmentId().value()).isEqualTo("CAJioQNAvLnYWTy8i");
        assertThat(seed.visitor().id()).isEqualTo(MARIA);
        assertThat(seed.visitor().username()).isEqualTo("guest-537");
        assertThat(seed.visitor().token()).isEqualTo(new VisitorToken("8s7e9ony6ctl27e1qf8kue"));
        assertThat(seed.visitor().status()).isEqualTo("online");
        assertThat(seed.visitor().lastMessageTs()).isEqualTo(Instant.parse("2021-07-22T17:17:04.937Z"));
        assertThat(seed.waitingResponse()).isTrue();
        assertThat(seed.servedBy()).isNull();
        assertThat(seed.source()).isEqualTo(RoomMapper.UNKNOWN_SOURCE);
        assertThat(seed.metrics().responseFirstTimeMs()).isEqualTo(233L);
        assertThat(seed.metrics().responseTotalTimeMs()).isEqualTo(233L);
        assertThat(seed.metrics().responseCount()).isEqualTo(1);
        assertThat(seed.metrics().responseAverageSeconds()).isEqualTo(0.233);
        assertThat(seed.metrics().reactionFirstTimeMs()).isEqualTo(233L);
        assertThat(seed.metrics().responseFirstDate()).isEqualTo(Instant.parse("2021-07-22T17:17:04.449Z"));
        assertThat(seed.metrics().visitorLastQuery()).isEqualTo(Instant.parse("2021-07-22T17:17:04.937Z"));
        assertThat(seed.metrics().agentLastReply()).isNull();
        Message last = seed.lastMessage();
        assertThat(last.msg()).isEqualTo("hi");
        assertThat(last.isVisitorText()).isTrue();
        assertThat(last.alias()).isEqualTo("Maria");
        assertThat(last.author().name()).isEqualTo("Maria");
        assertThat(last.ts()).isEqualTo(Instant.parse("2021-07-22T17:17:04.937Z"));

        RoomSnapshot closed = history.items().get(0).snapshot();
        assertThat(closed.open()).isFalse();
        assertThat(closed.closedAt()).isEqualTo(Instant.parse("2024-04-20T14:10:00.000Z"));
        assertThat(closed.closer()).isEqualTo(Closer.USER);
        assertThat(closed.closedBy().username()).isEqualTo("faria.masood");
        assertThat(closed.tags()).containsExactly("billing");
        assertThat(closed.surveyFeedback().answers()).containsEntry("satisfaction", "4");
        assertThat(closed.servedBy().ts()).isEqualTo(Instant.parse("2024-04-20T14:00:00.008Z"));
        assertThat(closed.responseBy().firstResponseTs()).isEqualTo(Instant.parse("2024-04-20T14:00:12.000Z"));
        assertThat(closed.metrics().chatDurationMs()).isEqualTo(600_000L);
        assertThat(closed.metrics().serviceTimeDurationMs()).isEqualTo(599_992L);
        assertThat(closed.metrics().reactionTotalTimeMs()).isEqualTo(11_992L);
        assertThat(closed.metrics().responseAverageSeconds()).isEqualTo(7.0);
        assertThat(closed.source().type()).isEqualTo("widget");
        assertThat(history.items().get(0).closingMessage()).map(Message::msg).contains("Issue solved");

        assertThat(store.ports().chatSearch().chatHistory(new VisitorId("47Dajwh9DjpnTAugW"), List.of(), 0, 50)
                .items()).extracting(r -> r.snapshot().lastMessage().msg()).containsExactly("d");
    }

    @Test
    void search_chats_finds_the_closed_served_room_by_its_visitors_question_ignoring_case() {
        Page<Room> found = store.ports().chatSearch().searchChats(MARIA,
                new ChatSearchFilter("INVOICE", true, true, null), List.of(new SortKey<>(RoomSortField.TS, false)), 0, 50);
        assertThat(found.total()).isEqualTo(1);
        assertThat(found.items()).extracting(r -> r.id().value()).containsExactly("Fw8sKq2mTzR5nYb3X");

        assertThat(ids(store.ports().chatSearch().searchChats(MARIA, new ChatSearchFilter("HI", false, false, null),
                List.of(), 0, 50))).containsExactly("hhMKhHnnbY79mGs9K");
        assertThat(ids(store.ports().chatSearch().searchChats(MARIA, new ChatSearchFilter("issue SOLVED", false, false,
                null), List.of(), 0, 50))).containsExactly("Fw8sKq2mTzR5nYb3X");
        // Rocket.Chat's navigation history is a system message: never searched
        assertThat(ids(store.ports().chatSearch().searchChats(MARIA, new ChatSearchFilter("pricing page", false, false,
                null), List.of(), 0, 50))).isEmpty();
        assertThat(ids(store.ports().chatSearch().searchChats(MARIA, new ChatSearchFilter(null, false, false, "widget"),
                List.of(), 0, 50))).containsExactly("Fw8sKq2mTzR5nYb3X");
        assertThat(ids(store.ports().chatSearch().searchChats(MARIA, new ChatSearchFilter(null, false, true, null),
                List.of(), 0, 50))).containsExactly("Fw8sKq2mTzR5nYb3X");
    }

    @Test
    void messages_of_types_this_project_does_not_model_are_left_out() {
        assertThat(store.ports().messages().findByRoom(new RoomId("Fw8sKq2mTzR5nYb3X"))).extracting(Message::msg)
                .containsExactly("I have a question about my invoice", "Issue solved");
        assertThat(store.ports().messages().findVisitorVisible(new RoomId("Fw8sKq2mTzR5nYb3X"), null, 0, 1))
                .extracting(Message::type).containsExactly(MessageType.LIVECHAT_CLOSE);
    }

    @Test
    void the_visitor_and_the_agent_read_from_rocket_chat_documents() {
        var visitor = store.ports().visitors().findByToken(new VisitorToken("8s7e9ony6ctl27e1qf8kue")).orElseThrow();
        assertThat(visitor.id()).isEqualTo(MARIA);
        assertThat(visitor.username()).isEqualTo("guest-537");
        assertThat(visitor.email()).contains("maria@example.com");
        assertThat(visitor.phone()).contains("+5511999990000");
        assertThat(visitor.lastChat().orElseThrow().id().value()).isEqualTo("hhMKhHnnbY79mGs9K");

        var agent = store.ports().users().findByUsername("Faria.Masood").orElseThrow();
        assertThat(agent.id()).isEqualTo(new UserId("XycfA5CetCPuEjqxw"));
        assertThat(agent.roles()).containsExactly(Role.USER, Role.LIVECHAT_AGENT);
        assertThat(agent.statusLivechat()).contains(AgentStatus.AVAILABLE);
        assertThat(agent.passwordHash()).startsWith("$2b$10$");
        assertThat(store.ports().users().findByEmail("FARIA@example.com")).contains(agent);

        Instant now = Instant.parse("2024-05-01T10:00:00Z");
        assertThat(store.ports().loginTokens().isValid(agent.id(), "oqMbw6fPVfE1mrTjq+V7a2yVsjtPvW9aOY3Rrnj8b0g=", now)).isTrue();
        assertThat(store.ports().loginTokens().isValid(agent.id(), "oqMbw6fPVfE1mrTjq+V7a2yVsjtPvW9aOY3Rrnj8b0g=",
                Instant.parse("2024-07-31T08:00:00.001Z"))).isFalse(); // 90 days after `when`
        List<AgentCandidate> candidates = store.ports().routing().findCandidates(null, now);
        assertThat(candidates).extracting(AgentCandidate::username, AgentCandidate::openRooms)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("faria.masood", 1));
    }

    @Test
    void open_rooms_rocket_chat_opened_are_covered_by_the_open_room_guarantee_after_start() {
        // Both seed rooms are open for token 8s7e9ony6ctl27e1qf8kue (Rocket.Chat's check-then-insert race): the older
        // one holds the key, and no third open room can join them.
        assertThat(store.ports().rooms().findOpenByVisitorToken(new VisitorToken("8s7e9ony6ctl27e1qf8kue")).orElseThrow()
                .id().value()).isEqualTo("kCJDd5peKiZnGJLPq");
        Room extra = Samples.openRoom("third", "QyBAKC5Wc8tcv6cco", "8s7e9ony6ctl27e1qf8kue",
                Instant.parse("2024-05-01T10:00:00Z"));
        assertThatThrownBy(() -> store.ports().rooms().insert(extra.snapshot()))
                .isInstanceOf(UniqueConstraintViolation.class);
    }

    @Test
    void updating_a_rocket_chat_room_keeps_its_foreign_keys_and_reads_back() {
        Room room = store.ports().rooms().findById(new RoomId("kCJDd5peKiZnGJLPq")).orElseThrow();
        room.record(Message.agentText(new dev.livechat.domain.shared.MessageId("newAgentMsg1"), room.id(), "hello",
                Instant.parse("2021-07-09T20:22:00Z"), Samples.agentAuthor()));
        store.ports().rooms().update(room.snapshot());

        Document stored = mongo().database().getCollection("rocketchat_room")
                .find(Filters.eq("_id", "kCJDd5peKiZnGJLPq")).first();
        assertThat(stored).containsKeys("customFields", "departmentAncestors", "default", "ro", "sysMes");
        assertThat(stored).doesNotContainKey("waitingResponse");
        assertThat(store.ports().rooms().findById(room.id()).orElseThrow().snapshot())
                .isEqualTo(room.snapshot().toBuilder().version(1).build());
        // the agent answered the pending question: a third response, and response.avg re-derived from tt / total
        assertThat(room.snapshot().metrics().responseCount()).isEqualTo(3);
        assertThat(stored.get("metrics", Document.class).get("response", Document.class).getDouble("avg"))
                .isEqualTo((452_873 + 61_245) / 3.0 / 1000.0);
    }

    private static List<String> ids(Page<Room> page) {
        return page.items().stream().map(r -> r.id().value()).toList();
    }

    /** The room of the {@code visitors.chatHistory} seed page. */
    private static final String CHAT_HISTORY_SEED_ROOM = """
            {"_id": "hhMKhHnnbY79mGs9K", "msgs": 2, "usersCount": 1, "lm": {"$date": "2021-07-22T17:17:04.937Z"},
             "fname": "Maria", "t": "l", "ts": {"$date": "2021-07-22T17:17:04.216Z"},
             "departmentId": "CAJioQNAvLnYWTy8i",
             "v": {"_id": "QyBAKC5Wc8tcv6cco", "username": "guest-537", "token": "8s7e9ony6ctl27e1qf8kue",
                   "status": "online", "lastMessageTs": {"$date": "2021-07-22T17:17:04.937Z"}},
             "cl": false, "open": true, "_updatedAt": {"$date": "2021-07-22T17:17:05.078Z"},
             "departmentAncestors": ["sriw2wmP2Zz2pPrre"],
             "lastMessage": {"_id": "YfrxZ6gmaYLpPTxFP", "rid": "hhMKhHnnbY79mGs9K", "msg": "hi",
                   "token": "8s7e9ony6ctl27e1qf8kue", "alias": "Maria", "ts": {"$date": "2021-07-22T17:17:04.937Z"},
                   "u": {"_id": "QyBAKC5Wc8tcv6cco", "username": "guest-537", "name": "Maria"}, "unread": true,
                   "_updatedAt": {"$date": "2021-07-22T17:17:05.044Z"}, "urls": [], "mentions": [], "channels": [],
                   "md": [{"type": "PARAGRAPH", "value": [{"type": "PLAIN_TEXT", "value": "hi"}]}],
                   "newRoom": false, "showConnecting": true},
             "metrics": {"reaction": {"fd": {"$date": "2021-07-22T17:17:04.449Z"}, "ft": 0.233, "tt": 0.233},
                   "response": {"avg": 0.233, "fd": {"$date": "2021-07-22T17:17:04.449Z"}, "ft": 0.233, "total": 1,
                                "tt": 0.233},
                   "v": {"lq": {"$date": "2021-07-22T17:17:04.937Z"}}},
             "waitingResponse": true}
            """;

    /** The room of the {@code GET livechat/room} seed page. */
    private static final String ROOM_INFO_SEED_ROOM = """
            {"_id": "kCJDd5peKiZnGJLPq", "fname": "Mary", "t": "l",
             "v": {"_id": "47Dajwh9DjpnTAugW", "username": "guest-165", "token": "8s7e9ony6ctl27e1qf8kue",
                   "status": "offline", "lastMessageTs": {"$date": "2021-07-09T20:20:58.755Z"}},
             "departmentId": "CAJioQNAvLnYWTy8i", "default": false, "ro": false, "sysMes": true, "open": true,
             "msgs": 7, "ts": {"$date": "2021-07-09T20:12:19.795Z"}, "_updatedAt": {"$date": "2021-07-09T20:21:07.334Z"},
             "lm": {"$date": "2021-07-09T20:20:58.755Z"}, "customFields": {"salesforceCrmContactId": "0032y000009mtOIAAY"},
             "usersCount": 2, "cl": false, "departmentAncestors": ["sriw2wmP2Zz2pPrre"],
             "lastMessage": {"_id": "SgrsSm3HNGrG5xTmk", "rid": "kCJDd5peKiZnGJLPq", "msg": "d",
                   "token": "8s7e9ony6ctl27e1qf8kue", "alias": "Mary", "ts": {"$date": "2021-07-09T20:20:58.755Z"},
                   "u": {"_id": "47Dajwh9DjpnTAugW", "username": "guest-165", "name": "Mary"},
                   "_updatedAt": {"$date": "2021-07-09T20:20:58.896Z"}, "urls": [], "mentions": [], "channels": [],
                   "md": [{"type": "PARAGRAPH", "value": [{"type": "PLAIN_TEXT", "value": "d"}]}],
                   "newRoom": false, "showConnecting": true},
             "metrics": {"reaction": {"fd": {"$date": "2021-07-09T20:19:53.243Z"}, "ft": 23.821, "tt": 24.006},
                   "response": {"avg": 226.4365, "fd": {"$date": "2021-07-09T20:19:53.243Z"}, "ft": 452.688,
                                "total": 2, "tt": 452.873},
                   "v": {"lq": {"$date": "2021-07-09T20:20:58.755Z"}},
                   "servedBy": {"lr": {"$date": "2021-07-09T20:19:53.077Z"}}},
             "servedBy": {"_id": "XycfA5CetCPuEjqxw", "username": "faria.masood",
                          "ts": {"$date": "2021-07-09T20:19:29.422Z"}},
             "waitingResponse": true}
            """;

    /** The closed room of the contract's chat history example (3.1). */
    private static final String CONTRACT_CLOSED_ROOM = """
            {"_id": "Fw8sKq2mTzR5nYb3X", "msgs": 6, "usersCount": 2, "lm": {"$date": "2024-04-20T14:10:00.000Z"},
             "fname": "Maria", "t": "l", "ts": {"$date": "2024-04-20T14:00:00.000Z"},
             "departmentId": "CAJioQNAvLnYWTy8i",
             "v": {"_id": "QyBAKC5Wc8tcv6cco", "username": "guest-537", "token": "8s7e9ony6ctl27e1qf8kue",
                   "status": "offline", "lastMessageTs": {"$date": "2024-04-20T14:00:05.000Z"}},
             "cl": false, "_updatedAt": {"$date": "2024-04-20T14:12:41.220Z"},
             "lastMessage": {"_id": "Kd7pWq3ZsN9xRt2Lb", "rid": "Fw8sKq2mTzR5nYb3X", "msg": "Issue solved",
                   "t": "livechat-close", "groupable": false, "transcriptRequested": false,
                   "ts": {"$date": "2024-04-20T14:10:00.000Z"},
                   "u": {"_id": "XycfA5CetCPuEjqxw", "username": "faria.masood", "name": "Faria Masood"},
                   "_updatedAt": {"$date": "2024-04-20T14:10:00.000Z"}},
             "metrics": {"v": {"lq": {"$date": "2024-04-20T14:00:05.000Z"}},
                   "response": {"avg": 7, "total": 1, "tt": 7, "fd": {"$date": "2024-04-20T14:00:12.000Z"}, "ft": 7},
                   "reaction": {"tt": 11.992, "fd": {"$date": "2024-04-20T14:00:12.000Z"}, "ft": 11.992},
                   "servedBy": {"lr": {"$date": "2024-04-20T14:00:12.000Z"}},
                   "chatDuration": 600, "serviceTimeDuration": 599.992},
             "servedBy": {"_id": "XycfA5CetCPuEjqxw", "username": "faria.masood",
                          "ts": {"$date": "2024-04-20T14:00:00.008Z"}},
             "responseBy": {"_id": "XycfA5CetCPuEjqxw", "username": "faria.masood",
                            "firstResponseTs": {"$date": "2024-04-20T14:00:12.000Z"},
                            "lastMessageTs": {"$date": "2024-04-20T14:00:12.000Z"}},
             "source": {"type": "widget"}, "closedAt": {"$date": "2024-04-20T14:10:00.000Z"}, "closer": "user",
             "closedBy": {"_id": "XycfA5CetCPuEjqxw", "username": "faria.masood"}, "tags": ["billing"],
             "surveyFeedback": {"satisfaction": "4"}}
            """;

    private static final String SEED_LAST_MESSAGE = """
            {"_id": "YfrxZ6gmaYLpPTxFP", "rid": "hhMKhHnnbY79mGs9K", "msg": "hi", "token": "8s7e9ony6ctl27e1qf8kue",
             "alias": "Maria", "ts": {"$date": "2021-07-22T17:17:04.937Z"},
             "u": {"_id": "QyBAKC5Wc8tcv6cco", "username": "guest-537", "name": "Maria"}, "unread": true,
             "_updatedAt": {"$date": "2021-07-22T17:17:05.044Z"}, "urls": [], "mentions": [], "channels": [],
             "md": [{"type": "PARAGRAPH", "value": [{"type": "PLAIN_TEXT", "value": "hi"}]}],
             "newRoom": false, "showConnecting": true}
            """;

    private static final String QUESTION = """
            {"_id": "Qs3nVb7KxP2mTz9Wd", "rid": "Fw8sKq2mTzR5nYb3X", "msg": "I have a question about my invoice",
             "token": "8s7e9ony6ctl27e1qf8kue", "alias": "Maria", "ts": {"$date": "2024-04-20T14:00:05.000Z"},
             "u": {"_id": "QyBAKC5Wc8tcv6cco", "username": "guest-537", "name": "Maria"},
             "_updatedAt": {"$date": "2024-04-20T14:00:05.000Z"}, "urls": [], "mentions": [], "channels": [],
             "md": [{"type": "PARAGRAPH", "value": [{"type": "PLAIN_TEXT", "value": "I have a question about my invoice"}]}]}
            """;

    /** A Rocket.Chat system message type this project does not model. */
    private static final String NAVIGATION = """
            {"_id": "Nv8pQw2ZrT5yXk3Lm", "rid": "Fw8sKq2mTzR5nYb3X", "msg": "Pricing page - invoice plans",
             "t": "livechat_navigation_history", "ts": {"$date": "2024-04-20T14:00:03.000Z"},
             "u": {"_id": "QyBAKC5Wc8tcv6cco", "username": "guest-537"}, "groupable": false,
             "navigation": {"page": {"title": "Pricing page", "location": {"href": "https://example.com/pricing"}}},
             "_updatedAt": {"$date": "2024-04-20T14:00:03.000Z"}}
            """;

    private static final String CLOSING_MESSAGE = """
            {"_id": "Kd7pWq3ZsN9xRt2Lb", "rid": "Fw8sKq2mTzR5nYb3X", "msg": "Issue solved", "t": "livechat-close",
             "groupable": false, "transcriptRequested": false, "ts": {"$date": "2024-04-20T14:10:00.000Z"},
             "u": {"_id": "XycfA5CetCPuEjqxw", "username": "faria.masood", "name": "Faria Masood"},
             "_updatedAt": {"$date": "2024-04-20T14:10:00.000Z"}}
            """;

    private static final String VISITOR = """
            {"_id": "QyBAKC5Wc8tcv6cco", "username": "guest-537", "ts": {"$date": "2021-07-22T17:17:03.120Z"},
             "_updatedAt": {"$date": "2021-07-22T17:17:04.300Z"}, "token": "8s7e9ony6ctl27e1qf8kue", "status": "online",
             "name": "Maria", "visitorEmails": [{"address": "maria@example.com"}],
             "phone": [{"phoneNumber": "+5511999990000"}], "department": "CAJioQNAvLnYWTy8i",
             "lastChat": {"_id": "hhMKhHnnbY79mGs9K", "ts": {"$date": "2021-07-22T17:17:04.216Z"}},
             "livechatData": {}, "userAgent": "Mozilla/5.0", "ip": "203.0.113.7", "host": "example.com"}
            """;

    /** An agent as Meteor accounts and Rocket.Chat write it; the login token is {@code {when, hashedToken}} only. */
    private static final String AGENT = """
            {"_id": "XycfA5CetCPuEjqxw", "createdAt": {"$date": "2021-01-04T08:00:00.000Z"},
             "services": {"password": {"bcrypt": "$2b$10$Q6T7cX0YOqQyJpWw0G9pXeSx7yF1o1x6b4lC4cQbHhYl1B2bGq0aK"},
                          "email": {"verificationTokens": []},
                          "resume": {"loginTokens": [{"when": {"$date": "2024-05-01T08:00:00.000Z"},
                                                       "hashedToken": "oqMbw6fPVfE1mrTjq+V7a2yVsjtPvW9aOY3Rrnj8b0g="}]}},
             "emails": [{"address": "faria@example.com", "verified": true}], "type": "user", "status": "online",
             "active": true, "_updatedAt": {"$date": "2024-05-01T08:00:00.000Z"}, "roles": ["user", "livechat-agent"],
             "name": "Faria Masood", "username": "faria.masood", "statusLivechat": "available",
             "statusConnection": "online", "utcOffset": 0, "livechatCount": 12,
             "settings": {"preferences": {}}}
            """;
}
