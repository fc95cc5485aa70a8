package dev.livechat.adapter.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.livechat.adapter.jdbc.testing.StoreFixture;
import dev.livechat.adapter.jdbc.testing.TestData;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.application.port.out.VisitorChatSearch.ChatSearchFilter;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.error.StoreUnavailableException;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.room.ClosedBy;
import dev.livechat.domain.room.Closer;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSortField;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.InquiryId;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.user.User;
import dev.livechat.domain.user.UserEmail;
import dev.livechat.domain.visitor.Visitor;
import dev.livechat.domain.visitor.VisitorProfile;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.livechat.adapter.jdbc.RoomStoreTests.runTogether;
import static dev.livechat.adapter.jdbc.testing.TestData.at;
import static dev.livechat.adapter.jdbc.testing.TestData.id;
import static dev.livechat.adapter.jdbc.testing.TestData.openRoom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adapter's own guarantees beyond the port contracts: how failures are translated, the isolation level of units,
 * sort order of text, literal search, and the limits of what the schema stores.
 */
abstract class StoreBehaviourTests {

    abstract StoreFixture fixture();

    private static Constraint violated(Runnable write) {
        try {
            write.run();
        } catch (UniqueConstraintViolation e) {
            assertThat(e.getMessage()).doesNotContain("secret");
            return e.constraint();
        }
        throw new AssertionError("no unique violation");
    }

    @Test
    void updates_that_collide_name_the_guarantee_they_break() {
        JdbcStore store = fixture().newStore();
        User one = TestData.user("one", "one@example.com", List.of(Role.USER), at(0));
        User two = TestData.user("two", "two@example.com", List.of(Role.USER), at(0));
        store.ports().users().insert(one);
        store.ports().users().insert(two);
        Visitor a = TestData.visitor("secret-a", 1, at(0));
        Visitor b = TestData.visitor("secret-b", 2, at(0));
        store.ports().visitors().insert(a);
        store.ports().visitors().insert(b);
        Room roomA = openRoom("secret-ra", at(0));
        Room roomB = openRoom("secret-rb", at(0));
        store.ports().rooms().insert(roomA.snapshot());
        store.ports().rooms().insert(roomB.snapshot());
        Inquiry inquiryA = TestData.inquiry(roomA, at(0));
        Inquiry inquiryB = TestData.inquiry(roomB, at(0));
        store.ports().inquiries().insert(inquiryA);
        store.ports().inquiries().insert(inquiryB);

        User renamed = User.restore(two.id(), "ONE", null, two.email().orElseThrow(), two.passwordHash(), true,
                two.roles(), null, two.createdAt(), at(1));
        User reEmailed = User.restore(two.id(), "two", null, new UserEmail("One@Example.com", true), two.passwordHash(),
                true, two.roles(), null, two.createdAt(), at(1));
        Visitor sameToken = Visitor.restore(b.id(), b.username(), b.ts(), at(1), a.token(), "online", null, null, null,
                null, null);
        Inquiry sameRoom = new Inquiry(inquiryB.id(), roomA.id(), "x", at(0), inquiryB.status(), inquiryB.visitor(),
                null, inquiryB.queuedAt(), null, RoomSource.API, at(1));

        assertThat(violated(() -> store.ports().users().update(renamed))).isEqualTo(Constraint.USERNAME);
        assertThat(violated(() -> store.ports().users().update(reEmailed))).isEqualTo(Constraint.USER_EMAIL);
        assertThat(violated(() -> store.ports().visitors().update(sameToken))).isEqualTo(Constraint.VISITOR_TOKEN);
        assertThat(violated(() -> store.ports().inquiries().update(sameRoom))).isEqualTo(Constraint.INQUIRY_PER_ROOM);
        assertThat(store.ports().users().findById(two.id())).contains(two);
        assertThat(store.ports().visitors().findById(b.id())).contains(b);
        assertThat(store.ports().inquiries().findById(inquiryB.id())).contains(inquiryB);
    }

    @Test
    void a_value_that_looks_like_an_index_name_does_not_mislead_the_translation() {
        JdbcStore store = fixture().newStore();
        // MariaDB quotes the duplicated value before the index name; it must not be mistaken for the index.
        String token = "for key 'ux_users_username_lower' ux_departments_name pk_messages";
        store.ports().visitors().insert(TestData.visitor(token, 1, at(0)));
        store.ports().rooms().insert(openRoom(token, at(0)).snapshot());

        assertThat(violated(() -> store.ports().visitors().insert(TestData.visitor(token, 2, at(0)))))
                .isEqualTo(Constraint.VISITOR_TOKEN);
        assertThat(violated(() -> store.ports().rooms().insert(openRoom(token, at(1)).snapshot())))
                .isEqualTo(Constraint.OPEN_ROOM_PER_VISITOR);
    }

    @Test
    void a_duplicate_id_that_no_guarantee_names_is_an_unexpected_failure_without_the_value() {
        JdbcStore store = fixture().newStore();
        Room room = openRoom("secret-token", at(0));
        store.ports().rooms().insert(room.snapshot());
        Room sameId = Room.restore(openRoom("secret-other", at(0)).snapshot().toBuilder().id(room.id()).build());

        assertThatThrownBy(() -> store.ports().rooms().insert(sameId.snapshot()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("duplicate key")
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }

    @Test
    void migration_3_counts_the_open_rooms_each_agent_already_serves() throws Exception {
        HikariDataSource dataSource = fixture().newDataSource(4, 5_000);
        JdbcStore store = JdbcStore.open(dataSource);
        User agent = TestData.agent("counted", at(0));
        User idle = TestData.agent("idle", at(0));
        store.ports().users().insert(agent);
        store.ports().users().insert(idle);
        for (int i = 0; i < 3; i++) {
            Room served = openRoom(id("migrated-served"), at(i));
            served.assign(TestData.servedBy(agent, at(i)));
            store.ports().rooms().insert(served.snapshot());
        }
        Room closed = openRoom(id("migrated-closed"), at(5));
        closed.assign(TestData.servedBy(agent, at(5)));
        closed.close(Closer.USER, new ClosedBy(agent.id().value(), agent.username()), List.of(), at(6));
        store.ports().rooms().insert(closed.snapshot());
        store.ports().rooms().insert(openRoom(id("migrated-queued"), at(7)).snapshot());

        backTo(dataSource, 2); // rooms kept; opening the store migrates again
        JdbcStore migrated = JdbcStore.open(dataSource);

        try (Connection connection = dataSource.getConnection();
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("SELECT username, open_rooms FROM users ORDER BY username")) {
            List<String> counts = new ArrayList<>();
            while (rows.next()) {
                counts.add(rows.getString(1) + "=" + rows.getInt(2));
            }
            assertThat(counts).containsExactly("counted=3", "idle=0");
        }
        assertThat(migrated.ports().rooms().findById(closed.id())).isPresent();
    }

    @Test
    void migration_4_counts_the_tags_of_existing_rooms() throws Exception {
        HikariDataSource dataSource = fixture().newDataSource(4, 5_000);
        JdbcStore store = JdbcStore.open(dataSource);
        User agent = TestData.agent("tagger", at(0));
        store.ports().users().insert(agent);
        Room tagged = openRoom(id("migrated-tagged"), at(0));
        tagged.close(Closer.USER, new ClosedBy(agent.id().value(), agent.username()), List.of("a", "b"), at(1));
        store.ports().rooms().insert(tagged.snapshot());
        Room plain = openRoom(id("migrated-plain"), at(2));
        store.ports().rooms().insert(plain.snapshot());

        backTo(dataSource, 3);
        JdbcStore migrated = JdbcStore.open(dataSource);

        try (Connection connection = dataSource.getConnection();
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("SELECT id, tag_count FROM rooms ORDER BY ts")) {
            List<String> counts = new ArrayList<>();
            while (rows.next()) {
                counts.add(rows.getString(1) + "=" + rows.getInt(2));
            }
            assertThat(counts).containsExactly(tagged.id().value() + "=2", plain.id().value() + "=0");
        }
        assertThat(migrated.ports().rooms().findById(tagged.id()).orElseThrow().snapshot().tags())
                .containsExactly("a", "b");
        assertThat(migrated.ports().rooms().findById(plain.id()).orElseThrow().snapshot().tags()).isEmpty();
    }

    /** Undoes the migrations after {@code version} (their columns and history rows), keeping every row. */
    private static void backTo(HikariDataSource dataSource, int version) throws Exception {
        List<String> undo = List.of("", "", "", "ALTER TABLE users DROP COLUMN open_rooms",
                "ALTER TABLE rooms DROP COLUMN tag_count");
        try (Connection connection = dataSource.getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            String q = connection.getMetaData().getIdentifierQuoteString(); // Flyway's names are lower case
            for (int v = undo.size() - 1; v > version; v--) {
                statement.execute(undo.get(v));
                statement.execute("DELETE FROM " + q + "flyway_schema_history" + q + " WHERE " + q + "version" + q
                        + " = '" + v + "'");
            }
        }
        assertThat(JdbcStore.SCRIPT_VERSIONS).hasSize(undo.size() - 1); // a new script needs its undo here
    }

    @Test
    void flyway_is_skipped_only_when_every_script_applied_successfully() throws Exception {
        HikariDataSource dataSource = fixture().newDataSource(4, 5_000);
        assertThat(JdbcStore.schemaIsCurrent(dataSource)).isFalse(); // a new database: Flyway creates the schema
        JdbcStore.open(dataSource);
        assertThat(JdbcStore.schemaIsCurrent(dataSource)).isTrue(); // every script applied: Flyway is not loaded
        JdbcStore.open(dataSource);
        try (Connection connection = dataSource.getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            String q = connection.getMetaData().getIdentifierQuoteString();
            statement.execute("UPDATE " + q + "flyway_schema_history" + q + " SET " + q + "success" + q + " = "
                    + "FALSE WHERE " + q + "version" + q + " = '3'");
        }

        assertThat(JdbcStore.schemaIsCurrent(dataSource)).isFalse();
        assertThatThrownBy(() -> JdbcStore.open(dataSource)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void an_exhausted_pool_makes_the_store_unavailable() throws Exception {
        // Flyway needs two connections at once, so the smallest pool JdbcStore.open accepts has two.
        HikariDataSource dataSource = fixture().newDataSource(2, 250);
        JdbcStore store = JdbcStore.open(dataSource);
        try (Connection one = dataSource.getConnection(); Connection two = dataSource.getConnection()) {
            assertThatThrownBy(() -> store.ports().visitors().findByToken(new VisitorToken("secret-token")))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasCauseInstanceOf(SQLTransientConnectionException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret").doesNotContain("SELECT"));
            assertThatThrownBy(() -> store.ports().transactions().inTransaction(() -> "never"))
                    .isInstanceOf(StoreUnavailableException.class);
        }
        assertThat(store.ports().visitors().findByToken(new VisitorToken("secret-token"))).isEmpty();
    }

    @Test
    void a_closed_pool_makes_the_store_unavailable() {
        HikariDataSource dataSource = fixture().newDataSource(2, 1_000);
        JdbcStore store = JdbcStore.open(dataSource);
        dataSource.close();

        assertThatThrownBy(() -> store.ports().rooms().findById(new RoomId("any"))).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> store.ports().transactions().inTransaction(() -> "never"))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> store.ports().visitors().nextGuestNumber()).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void opening_a_second_store_on_a_migrated_schema_keeps_its_data() {
        HikariDataSource dataSource = fixture().newDataSource(2, 5_000);
        JdbcStore first = JdbcStore.open(dataSource);
        Room room = openRoom(id("tok"), at(0));
        first.ports().rooms().insert(room.snapshot());
        assertThat(first.ports().visitors().nextGuestNumber()).isEqualTo(1);

        JdbcStore second = JdbcStore.open(dataSource);

        assertThat(second.ports().rooms().findById(room.id())).isPresent();
        assertThat(second.ports().visitors().nextGuestNumber()).isEqualTo(2);
    }

    @Test
    void units_run_read_committed_even_when_the_pool_defaults_to_another_level() throws Exception {
        JdbcStore store = JdbcStore.open(fixture().newDataSource(4, 5_000, false));
        Room room = openRoom(id("tok"), at(0));
        store.ports().rooms().insert(room.snapshot());
        CountDownLatch firstRead = new CountDownLatch(1);
        CountDownLatch otherCommitted = new CountDownLatch(1);

        List<Callable<Long>> work = List.of(
                () -> store.ports().transactions().inTransaction(() -> {
                    store.ports().rooms().findById(room.id()).orElseThrow();
                    firstRead.countDown();
                    await(otherCommitted);
                    // READ COMMITTED: the second read sees the update committed in between (not so under REPEATABLE READ).
                    return store.ports().rooms().findById(room.id()).orElseThrow().snapshot().version();
                }),
                () -> {
                    await(firstRead);
                    store.ports().rooms().update(store.ports().rooms().findById(room.id()).orElseThrow().snapshot());
                    otherCommitted.countDown();
                    return -1L;
                });

        assertThat(runTogether(work).get(0)).isEqualTo(1L);
    }

    @Test
    void uncommitted_writes_of_a_unit_are_invisible_to_other_threads() throws Exception {
        JdbcStore store = fixture().newStore();
        Visitor visitor = TestData.visitor(id("tok"), 1, at(0));
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch looked = new CountDownLatch(1);

        List<Callable<Boolean>> work = List.of(
                () -> store.ports().transactions().inTransaction(() -> {
                    store.ports().visitors().insert(visitor);
                    written.countDown();
                    await(looked);
                    return true;
                }),
                () -> {
                    await(written);
                    boolean seen = store.ports().visitors().findById(visitor.id()).isPresent();
                    looked.countDown();
                    return seen;
                });

        assertThat(runTogether(work)).containsExactly(true, false);
        assertThat(store.ports().visitors().findById(visitor.id())).isPresent();
    }

    @Test
    void the_routing_lock_needs_a_unit_of_work() {
        JdbcStore store = fixture().newStore();

        assertThatThrownBy(() -> store.ports().routing().lockRouting()).isInstanceOf(IllegalStateException.class);
        store.ports().transactions().inTransaction(() -> {
            store.ports().routing().lockRouting();
            store.ports().routing().lockRouting();
            return null;
        });
    }

    @Test
    void guest_numbers_drawn_in_units_are_distinct_and_keep_counting() throws Exception {
        JdbcStore store = fixture().newStore();
        List<Callable<List<Long>>> work = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            work.add(() -> store.ports().transactions().inTransaction(() -> List.of(
                    store.ports().visitors().nextGuestNumber(), store.ports().visitors().nextGuestNumber())));
        }

        List<Long> numbers = runTogether(work).stream().flatMap(List::stream).sorted().toList();

        assertThat(numbers).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(store.ports().visitors().nextGuestNumber()).isEqualTo(13);
    }

    @Test
    void text_sorts_by_code_point_whatever_the_database_collation() {
        JdbcStore store = fixture().newStore();
        VisitorId visitor = new VisitorId(id("v"));
        List<String> names = List.of("zeta", "Émile", "alpha", "Alpha", "beta", "Zed");
        for (int i = 0; i < names.size(); i++) {
            Room room = Room.open(new RoomId(id("r")), visitor, "guest-1", new VisitorToken(id("tok")), names.get(i),
                    null, RoomSource.API, at(i));
            if (i > 0) {
                room.close(dev.livechat.domain.room.Closer.VISITOR,
                        new dev.livechat.domain.room.ClosedBy(visitor.value(), "guest-1"), List.of(), at(i));
            }
            store.ports().rooms().insert(room.snapshot());
        }

        List<String> sorted = store.ports().chatSearch()
                .chatHistory(visitor, List.of(new SortKey<>(RoomSortField.FNAME, true)), 0, 50)
                .items().stream().map(r -> r.snapshot().fname()).toList();

        assertThat(sorted).containsExactly("Alpha", "Zed", "alpha", "beta", "zeta", "Émile");
    }

    @Test
    void search_matches_the_escape_character_and_long_texts_literally() {
        JdbcStore store = fixture().newStore();
        Room room = openRoom(id("tok"), at(0));
        store.ports().rooms().insert(room.snapshot());
        String longText = "x".repeat(19_990) + "Wow!!% 😀";
        Message message = TestData.visitorText(room, longText, at(1));
        room.record(message);
        store.ports().rooms().update(room.snapshot().toBuilder().version(0).build());
        store.ports().messages().insert(message);

        assertThat(store.ports().messages().findById(message.id()).orElseThrow().msg()).isEqualTo(longText);
        for (String hit : List.of("!", "!!", "w!!%", "WOW!!% 😀", "x".repeat(300))) {
            assertThat(search(store, room.visitorId(), hit)).as(hit).containsExactly(room.id());
        }
        for (String miss : List.of("!!!", "w!%", "!_", "w_w")) {
            assertThat(search(store, room.visitorId(), miss)).as(miss).isEmpty();
        }
    }

    private static List<RoomId> search(JdbcStore store, VisitorId visitor, String text) {
        return store.ports().chatSearch().searchChats(visitor, new ChatSearchFilter(text, false, false, null),
                List.of(), 0, 50).items().stream().map(Room::id).toList();
    }

    @Test
    void department_names_differing_in_case_or_trailing_spaces_are_different_names() {
        JdbcStore store = fixture().newStore();
        for (String name : List.of("Sales", "sales", "Sales ", "Sales  ")) {
            store.ports().departments().insert(TestData.department(name, true, at(0)));
        }
        for (String name : List.of("Sales", "sales", "Sales ", "Sales  ")) {
            assertThat(store.ports().departments().findByName(name)).get().extracting(Department::name).isEqualTo(name);
        }
        assertThat(violated(() -> store.ports().departments().insert(TestData.department("Sales ", false, at(1)))))
                .isEqualTo(Constraint.DEPARTMENT_NAME);
    }

    @Test
    void adding_an_agent_twice_keeps_the_first_link_and_updating_a_user_keeps_its_last_assignment() {
        JdbcStore store = fixture().newStore();
        User agent = TestData.agent("agent", at(0));
        store.ports().users().insert(agent);
        store.ports().loginTokens().insert(agent.id(), "hash", at(0), at(3_600_000));
        Department sales = TestData.department("Sales", true, at(0));
        store.ports().departments().insert(sales);
        store.ports().departments().addAgent(sales.id(), agent.id(), agent.username(), 1, 2);
        store.ports().departments().addAgent(sales.id(), agent.id(), agent.username(), 7, 8);
        store.ports().routing().recordAssignment(agent.id(), at(500));

        store.ports().users().update(agent.withLivechatStatus(dev.livechat.domain.user.AgentStatus.AVAILABLE, at(600)));

        assertThat(store.ports().departments().isAgentOf(agent.id(), sales.id())).isTrue();
        assertThat(store.ports().routing().findCandidates(sales.id(), at(700)))
                .singleElement().satisfies(c -> assertThat(c.lastAssignedAt()).isEqualTo(at(500)));
        assertThat(store.ports().routing().findCandidates(new DepartmentId("other"), at(700))).isEmpty();
    }

    @Test
    void an_inquiry_round_trips_with_the_visitors_last_message_time() {
        JdbcStore store = fixture().newStore();
        Room room = openRoom(id("tok"), at(0));
        room.record(TestData.visitorText(room, "hi", at(5)));
        Inquiry inquiry = Inquiry.queue(new InquiryId(id("i")), room.snapshot(), at(6)).take(at(7));

        store.ports().inquiries().insert(inquiry);

        assertThat(store.ports().inquiries().findByRoomId(room.id())).contains(inquiry);
        assertThat(store.ports().inquiries().findById(inquiry.id()).map(Inquiry::visitor).map(v -> v.lastMessageTs()))
                .isEqualTo(Optional.of(at(5)));
    }

    @Test
    void a_message_id_is_unique_across_rooms() {
        JdbcStore store = fixture().newStore();
        Room a = openRoom(id("tok"), at(0));
        Room b = openRoom(id("tok"), at(0));
        MessageId shared = new MessageId(id("m"));
        store.ports().messages().insert(Message.agentText(shared, a.id(), "one", at(1), TestData.visitorAuthor(a.visitorId())));

        assertThat(violated(() -> store.ports().messages().insert(
                Message.agentText(shared, b.id(), "two", at(1), TestData.visitorAuthor(b.visitorId())))))
                .isEqualTo(Constraint.MESSAGE_ID);
    }

    @Test
    void a_visitor_with_every_profile_field_round_trips() {
        JdbcStore store = fixture().newStore();
        Visitor visitor = Visitor.register(new VisitorId(id("v")), 7, new VisitorToken("  spaced token  "),
                new VisitorProfile("Ünal", "u@example.com", "+49 30 1234", new DepartmentId("D1")), at(0))
                .withLastChat(new dev.livechat.domain.visitor.LastChat(new RoomId("R1"), at(1)), at(2));

        store.ports().visitors().insert(visitor);

        assertThat(store.ports().visitors().findByToken(new VisitorToken("  spaced token  "))).contains(visitor);
        assertThat(store.ports().visitors().findByToken(new VisitorToken("  spaced token"))).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("the other thread never arrived");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
