package dev.livechat.adapter.mongo;

import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.application.port.out.VisitorChatSearch.ChatSearchFilter;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.room.ClosedBy;
import dev.livechat.domain.room.Closer;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSortField;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.room.ServedBy;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.user.User;
import dev.livechat.domain.user.UserSortField;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.livechat.adapter.mongo.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Case-insensitive lookups without collation, and literal text search that never treats input as a pattern. */
abstract class LookupAndSearchBehaviourTests {

    abstract MongoFixture mongo();

    @Test
    void usernames_and_emails_are_unique_and_found_ignoring_case_but_literally() {
        MongoStore store = mongo().newStore();
        store.ports().users().insert(Samples.agent("u1", "Faria.Masood", "Faria@Example.com"));

        assertThat(store.ports().users().findByUsername("faria.MASOOD")).map(User::id).contains(new UserId("u1"));
        assertThat(store.ports().users().findByUsername("faria_masood")).isEmpty();
        assertThat(store.ports().users().findByUsername("faria.masoo")).isEmpty();
        assertThat(store.ports().users().findByUsername("fariaXmasood")).isEmpty();
        assertThat(store.ports().users().findByUsername(".*")).isEmpty();
        assertThat(store.ports().users().findByEmail("FARIA@example.COM")).map(User::id).contains(new UserId("u1"));
        assertThat(store.ports().users().findByEmail("faria@exampleXcom")).isEmpty();

        assertThatThrownBy(() -> store.ports().users().insert(Samples.agent("u2", "FARIA.masood", "other@example.com")))
                .isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.USERNAME));
        assertThatThrownBy(() -> store.ports().users().insert(Samples.agent("u3", "someone", "faria@EXAMPLE.com")))
                .isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.USER_EMAIL));
    }

    @Test
    void users_written_by_rocket_chat_without_the_lower_cased_keys_are_found_by_an_anchored_literal_regex() {
        MongoStore store = mongo().newStore();
        mongo().database().getCollection("users").insertOne(new org.bson.Document("_id", "rc1")
                .append("username", "a.b+c").append("emails", List.of(new org.bson.Document("address", "A.B+C@Example.com")
                        .append("verified", true)))
                .append("roles", List.of("user", "livechat-agent")).append("active", true).append("type", "user"));

        assertThat(store.ports().users().findByUsername("A.B+C")).map(User::id).contains(new UserId("rc1"));
        assertThat(store.ports().users().findByUsername("aXb+c")).isEmpty();
        assertThat(store.ports().users().findByUsername("a.b+")).isEmpty();
        assertThat(store.ports().users().findByUsername("a.b+c\n")).isEmpty();
        assertThat(store.ports().users().findByEmail("a.b+c@example.COM")).map(User::id).contains(new UserId("rc1"));
        assertThat(store.ports().users().findByEmail("a.b+c@exampleXcom")).isEmpty();
        assertThat(store.ports().users().findById(new UserId("rc1")).orElseThrow().statusLivechat())
                .isPresent(); // an agent without statusLivechat reads as not available
    }

    @Test
    void find_by_role_filters_literally_sorts_and_pages() {
        MongoStore store = mongo().newStore();
        store.ports().users().insert(Samples.agent("u1", "anna", null));
        store.ports().users().insert(Samples.agent("u2", "a.na", null));
        store.ports().users().insert(Samples.agent("u3", "ZOE", null));
        store.ports().users().insert(User.create(new UserId("u4"), "boss", "Anna Boss", null, "h", true,
                List.of(Role.LIVECHAT_MANAGER), T0));

        Page<User> agents = store.ports().users().findByRole(Role.LIVECHAT_AGENT, null,
                List.of(new SortKey<>(UserSortField.USERNAME, false)), 0, 2);
        assertThat(agents.total()).isEqualTo(3);
        assertThat(agents.items()).extracting(User::username).containsExactly("anna", "a.na");
        assertThat(store.ports().users().findByRole(Role.LIVECHAT_AGENT, "A.N", List.of(), 0, 10).items())
                .extracting(User::username).containsExactly("a.na");
        assertThat(store.ports().users().findByRole(Role.LIVECHAT_AGENT, "zo", List.of(), 0, 10).items())
                .extracting(User::username).containsExactly("ZOE");
        assertThat(store.ports().users().findByRole(Role.LIVECHAT_AGENT, "of anna", List.of(), 0, 10).items())
                .extracting(User::username).containsExactly("anna");
        assertThat(store.ports().users().existsWithRole(Role.LIVECHAT_MANAGER)).isTrue();
        assertThat(store.ports().users().existsWithRole(Role.ADMIN)).isFalse();
    }

    @Test
    void search_text_is_literal_case_insensitive_over_searchable_messages_only_and_each_room_once() {
        MongoStore store = mongo().newStore();
        Room a = room(store, "ra", T0, "I have a question about my INVOICE", "a.* pattern 100% \\d");
        Room b = room(store, "rb", T0.plusSeconds(100), "invoice? invoice! Invoice.", null);
        Room c = room(store, "rc", T0.plusSeconds(200), "nothing here", null);
        store.ports().messages().insert(Message.system(MessageType.COMMAND, new MessageId("cmd"), c.id(), "invoice",
                T0.plusSeconds(201), Samples.agentAuthor()));
        Room d = room(store, "rd", T0.plusSeconds(300), "ÉCOLE Straße", null);
        closeWithComment(store, d, "Closing: İnvoice sent");

        // "İnvoice" in rd's closing comment folds per character (SearchText.fold) to "invoice"
        assertThat(ids(search(store, "invoice"))).containsExactly("rd", "rb", "ra");
        assertThat(search(store, "invoice").total()).isEqualTo(3);
        assertThat(ids(search(store, "a.*"))).containsExactly("ra");
        assertThat(ids(search(store, ".*"))).containsExactly("ra");
        assertThat(ids(search(store, "100%"))).containsExactly("ra");
        assertThat(ids(search(store, "\\d"))).containsExactly("ra");
        assertThat(ids(search(store, "%"))).containsExactly("ra");
        assertThat(ids(search(store, "["))).isEmpty();
        assertThat(ids(search(store, "école straSSe"))).isEmpty();
        assertThat(ids(search(store, "école STRAßE"))).containsExactly("rd");
        assertThat(ids(search(store, "closing: i\u0307nvoice"))).isEmpty(); // never the two-character full folding
        assertThat(ids(search(store, "CLOSING: INVOICE"))).containsExactly("rd");
        assertThat(ids(search(store, "Issue solved"))).isEmpty();
        assertThat(ids(search(store, "nothing"))).containsExactly("rc");
    }

    @Test
    void search_flags_and_source_filter_and_paging() {
        MongoStore store = mongo().newStore();
        room(store, "open-unserved", T0, "hello", null, false);
        Room served = room(store, "closed-served", T0.plusSeconds(10), "hello", null);
        closeWithComment(store, served, "bye");
        Room widget = Room.open(new RoomId("widget"), new VisitorId("v1"), "guest-1", new VisitorToken("tok-w"),
                null, null, new RoomSource("widget", "Landing Page"), T0.plusSeconds(20));
        store.ports().rooms().insert(widget.snapshot());

        assertThat(ids(store.ports().chatSearch().searchChats(new VisitorId("v1"),
                new ChatSearchFilter(null, true, false, null), List.of(), 0, 10))).containsExactly("closed-served");
        assertThat(ids(store.ports().chatSearch().searchChats(new VisitorId("v1"),
                new ChatSearchFilter(null, false, true, null), List.of(), 0, 10))).containsExactly("closed-served");
        assertThat(ids(store.ports().chatSearch().searchChats(new VisitorId("v1"),
                new ChatSearchFilter(null, false, false, "WIDG"), List.of(), 0, 10))).containsExactly("widget");
        assertThat(ids(store.ports().chatSearch().searchChats(new VisitorId("v1"),
                new ChatSearchFilter(null, false, false, "landing"), List.of(), 0, 10))).containsExactly("widget");
        assertThat(ids(store.ports().chatSearch().searchChats(new VisitorId("v1"),
                new ChatSearchFilter(null, false, false, "a.i"), List.of(), 0, 10))).isEmpty();
        Page<Room> page = store.ports().chatSearch().searchChats(new VisitorId("v1"),
                new ChatSearchFilter("", false, false, ""), List.of(new SortKey<>(RoomSortField.TS, true)), 1, 1);
        assertThat(page.total()).isEqualTo(3);
        assertThat(ids(page)).containsExactly("closed-served");
        Page<Room> closedFirst = store.ports().chatSearch().chatHistory(new VisitorId("v1"),
                List.of(new SortKey<>(RoomSortField.CLOSED_AT, false)), 0, 10);
        assertThat(ids(closedFirst)).containsExactly("closed-served", "open-unserved", "widget");
        assertThat(store.ports().chatSearch().chatHistory(new VisitorId("v1"), List.of(), 0, 0).items()).isEmpty();
        assertThat(store.ports().chatSearch().chatHistory(new VisitorId("v1"), List.of(), 0, 0).total()).isEqualTo(3);
        assertThat(store.ports().chatSearch().chatHistory(new VisitorId("nobody"), List.of(), 0, 10).total()).isZero();
    }

    private static Room room(MongoStore store, String id, Instant ts, String visitorText, String agentText) {
        return room(store, id, ts, visitorText, agentText, true);
    }

    private static Room room(MongoStore store, String id, Instant ts, String visitorText, String agentText,
                             boolean served) {
        Room room = Samples.openRoom(id, "v1", "tok-" + id, ts);
        if (served) {
            room.assign(new ServedBy(new UserId("agent1"), "faria.masood", ts));
        }
        store.ports().rooms().insert(room.snapshot());
        Message v = Samples.visitorText(room, visitorText, ts.plusSeconds(1));
        store.ports().messages().insert(v);
        room.record(v);
        if (agentText != null) {
            Message a = Samples.agentText(room, agentText, ts.plusSeconds(2));
            store.ports().messages().insert(a);
            room.record(a);
        }
        Room stored = store.ports().rooms().findById(room.id()).orElseThrow();
        store.ports().rooms().update(room.snapshot().toBuilder().version(stored.snapshot().version()).build());
        return store.ports().rooms().findById(room.id()).orElseThrow();
    }

    private static void closeWithComment(MongoStore store, Room room, String comment) {
        Instant at = room.snapshot().lm().plusSeconds(5);
        room.close(Closer.USER, new ClosedBy("agent1", "faria.masood"), List.of(), at);
        Message close = Message.close(new MessageId(Samples.id("close")), room.id(), comment, at,
                Samples.agentAuthor(), null);
        room.record(close);
        store.ports().messages().insert(close);
        store.ports().rooms().update(room.snapshot());
    }

    private static Page<Room> search(MongoStore store, String text) {
        return store.ports().chatSearch().searchChats(new VisitorId("v1"), new ChatSearchFilter(text, false, false, null),
                List.of(new SortKey<>(RoomSortField.TS, false)), 0, 10);
    }

    private static List<String> ids(Page<Room> page) {
        return page.items().stream().map(r -> r.id().value()).toList();
    }

}
