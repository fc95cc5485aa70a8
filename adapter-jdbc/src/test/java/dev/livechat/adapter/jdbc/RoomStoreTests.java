package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.testing.StoreFixture;
import dev.livechat.application.port.out.ConcurrentUpdateException;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageAuthor;
import dev.livechat.domain.message.TransferData;
import dev.livechat.domain.room.ClosedBy;
import dev.livechat.domain.room.Closer;
import dev.livechat.domain.room.ResponseBy;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomMetrics;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.room.RoomVisitor;
import dev.livechat.domain.room.ServedBy;
import dev.livechat.domain.room.SurveyFeedback;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.message.MessageType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.livechat.adapter.jdbc.testing.TestData.at;
import static dev.livechat.adapter.jdbc.testing.TestData.id;
import static dev.livechat.adapter.jdbc.testing.TestData.openRoom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rooms: exact round trip of every snapshot field, compare-and-set, and the one-open-room-per-token key. */
abstract class RoomStoreTests {

    abstract StoreFixture fixture();

    /** Every field set, nothing left at its default: a closed, served, surveyed room whose last message is a transfer. */
    static RoomSnapshot everyFieldSet() {
        RoomId roomId = new RoomId(id("r"));
        TransferData transfer = new TransferData(new TransferData.Party("U1", "faria", "Faria M", "agent"),
                Instant.parse("2024-03-31T02:30:00.123Z"), "department", "to billing, 100% sure_!\\",
                "D0", new TransferData.NextDepartment("D1", "Billing"), new TransferData.Party("U2", "joe", "Joe", null));
        Message last = new Message(new MessageId(id("m")), roomId, "", MessageType.TRANSFER_HISTORY,
                Instant.parse("2024-03-31T02:30:00.123Z"), new MessageAuthor("U1", "faria", "Faria M"), null, null, transfer);
        Map<String, String> survey = new LinkedHashMap<>();
        survey.put("satisfaction", "5");
        survey.put("additionalFeedback", "Quick – and friendly ✓ 😀");
        survey.put("agentKnowledge", "4");
        return RoomSnapshot.builder()
                .id(roomId)
                .version(0)
                .msgs(42)
                .usersCount(3)
                .lm(Instant.parse("2024-03-31T02:30:00.123Z"))
                .fname("Mária Ünal")
                .ts(Instant.parse("2024-03-31T01:59:59.999Z"))
                .departmentId(new DepartmentId("D1"))
                .visitor(new RoomVisitor(new VisitorId(id("v")), "guest-537", new VisitorToken("tok " + id("t") + " "),
                        RoomVisitor.OFFLINE, Instant.parse("2024-10-27T01:30:00.001Z")))
                .open(false)
                .updatedAt(Instant.parse("2024-10-27T02:30:00.999Z"))
                .lastMessage(last)
                .metrics(new RoomMetrics(at(1), at(2), at(3), 4L, 5L, 6, at(7), 8L, 9L, 10L, 11L))
                .servedBy(new ServedBy(new UserId("U1"), "faria", at(12)))
                .waitingResponse(true)
                .responseBy(new ResponseBy(new UserId("U1"), "faria", at(13), at(14)))
                .source(new RoomSource("widget", "Mein Shop"))
                .closedAt(at(15))
                .closer(Closer.USER)
                .closedBy(new ClosedBy("U1", "faria"))
                .tags(List.of("billing", "vip", "Billing"))
                .surveyFeedback(new SurveyFeedback(survey))
                .build();
    }

    @Test
    void the_default_time_zone_is_not_utc_so_timestamp_tests_mean_something() {
        assertThat(TimeZone.getDefault().getRawOffset() != 0 || TimeZone.getDefault().useDaylightTime()).isTrue();
    }

    @Test
    void a_room_with_every_field_set_reads_back_exactly() {
        JdbcStore store = fixture().newStore();
        RoomSnapshot room = everyFieldSet();

        store.ports().rooms().insert(room);

        assertThat(store.ports().rooms().findById(room.id())).get().extracting(Room::snapshot).isEqualTo(room);
    }

    @Test
    void a_minimal_open_room_reads_back_exactly_and_insert_starts_at_version_0() {
        JdbcStore store = fixture().newStore();
        RoomSnapshot room = openRoom(id("tok"), at(0)).snapshot().toBuilder().version(17).build();

        store.ports().rooms().insert(room);

        RoomSnapshot read = store.ports().rooms().findById(room.id()).orElseThrow().snapshot();
        assertThat(read).isEqualTo(room.toBuilder().version(0).build());
        assertThat(read.metrics()).isEqualTo(RoomMetrics.NONE);
        assertThat(read.surveyFeedback()).isNull();
        assertThat(read.tags()).isEmpty();
    }

    @Test
    void an_empty_survey_stays_distinct_from_no_survey() {
        JdbcStore store = fixture().newStore();
        RoomSnapshot room = openRoom(id("tok"), at(0)).snapshot().toBuilder().surveyFeedback(new SurveyFeedback(Map.of())).build();

        store.ports().rooms().insert(room);

        assertThat(store.ports().rooms().findById(room.id()).orElseThrow().snapshot().surveyFeedback())
                .isEqualTo(new SurveyFeedback(Map.of()));
    }

    @Test
    void timestamps_keep_milliseconds_even_in_daylight_saving_gaps_of_the_default_zone() {
        JdbcStore store = fixture().newStore();
        List<Instant> instants = List.of(Instant.parse("2024-03-31T02:30:00.001Z"), Instant.parse("2024-03-10T02:30:00.999Z"),
                Instant.parse("2024-10-27T02:30:00.500Z"), Instant.parse("1999-12-31T23:59:59.999Z"),
                Instant.parse("2100-01-01T00:00:00.010Z"));
        for (Instant instant : instants) {
            Room room = openRoom(id("tok"), instant);
            store.ports().rooms().insert(room.snapshot());
            RoomSnapshot read = store.ports().rooms().findById(room.id()).orElseThrow().snapshot();
            assertThat(read.ts()).isEqualTo(instant);
            assertThat(read.lastMessage().ts()).isEqualTo(instant);
        }
    }

    @Test
    void update_is_a_compare_and_set_on_the_version() {
        JdbcStore store = fixture().newStore();
        Room room = openRoom(id("tok"), at(0));
        store.ports().rooms().insert(room.snapshot());

        Room loaded = store.ports().rooms().findById(room.id()).orElseThrow();
        loaded.renameVisitor("Ana", at(10));
        store.ports().rooms().update(loaded.snapshot());

        RoomSnapshot after = store.ports().rooms().findById(room.id()).orElseThrow().snapshot();
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.fname()).isEqualTo("Ana");
        assertThat(after).isEqualTo(loaded.snapshot().toBuilder().version(1).build());

        // The same (now stale) version again loses.
        loaded.renameVisitor("Bea", at(20));
        assertThatThrownBy(() -> store.ports().rooms().update(loaded.snapshot())).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(store.ports().rooms().findById(room.id()).orElseThrow().snapshot().fname()).isEqualTo("Ana");
    }

    @Test
    void updating_a_missing_room_is_a_concurrent_update() {
        JdbcStore store = fixture().newStore();
        Room never = openRoom(id("tok"), at(0));

        assertThatThrownBy(() -> store.ports().rooms().update(never.snapshot())).isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void update_replaces_tags_and_survey() {
        JdbcStore store = fixture().newStore();
        RoomSnapshot room = everyFieldSet();
        store.ports().rooms().insert(room);

        RoomSnapshot changed = room.toBuilder().tags(List.of("other")).surveyFeedback(null).build();
        store.ports().rooms().update(changed);

        RoomSnapshot read = store.ports().rooms().findById(room.id()).orElseThrow().snapshot();
        assertThat(read.tags()).containsExactly("other");
        assertThat(read.surveyFeedback()).isNull();
        assertThat(read.version()).isEqualTo(1);
    }

    @Test
    void of_concurrent_updates_from_one_version_exactly_one_wins() throws Exception {
        JdbcStore store = fixture().newStore();
        Room room = openRoom(id("tok"), at(0));
        store.ports().rooms().insert(room.snapshot());
        RoomSnapshot base = store.ports().rooms().findById(room.id()).orElseThrow().snapshot();

        int threads = 8;
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String name = "writer-" + i;
            attempts.add(() -> {
                try {
                    store.ports().rooms().update(base.toBuilder().fname(name).build());
                    return true;
                } catch (ConcurrentUpdateException lost) {
                    return false;
                }
            });
        }
        List<Boolean> results = runTogether(attempts);

        assertThat(results).filteredOn(won -> won).hasSize(1);
        assertThat(store.ports().rooms().findById(room.id()).orElseThrow().snapshot().version()).isEqualTo(1);
    }

    @Test
    void a_token_has_at_most_one_open_room() {
        JdbcStore store = fixture().newStore();
        String token = id("tok");
        Room first = openRoom(token, at(0));
        store.ports().rooms().insert(first.snapshot());

        assertThatThrownBy(() -> store.ports().rooms().insert(openRoom(token, at(1)).snapshot()))
                .isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.OPEN_ROOM_PER_VISITOR));
        assertThat(store.ports().rooms().findOpenByVisitorToken(new VisitorToken(token))).get()
                .extracting(Room::id).isEqualTo(first.id());
    }

    @Test
    void closing_releases_the_token_and_a_new_open_room_can_follow() {
        JdbcStore store = fixture().newStore();
        String token = id("tok");
        Room first = openRoom(token, at(0));
        store.ports().rooms().insert(first.snapshot());
        first.close(Closer.VISITOR, new ClosedBy(first.visitorId().value(), "guest-1"), List.of(), at(5));
        store.ports().rooms().update(first.snapshot());

        assertThat(store.ports().rooms().findOpenByVisitorToken(new VisitorToken(token))).isEmpty();
        Room second = openRoom(first.visitorId(), token, at(10));
        store.ports().rooms().insert(second.snapshot());

        assertThat(store.ports().rooms().findOpenByVisitorToken(new VisitorToken(token))).get()
                .extracting(Room::id).isEqualTo(second.id());
        assertThat(store.ports().rooms().findOpenByVisitorId(first.visitorId())).extracting(Room::id).containsExactly(second.id());
    }

    @Test
    void giving_an_open_room_to_a_token_that_has_one_is_refused_and_changes_nothing() {
        JdbcStore store = fixture().newStore();
        Room a = openRoom(id("tokA"), at(0));
        Room b = openRoom(id("tokB"), at(1));
        store.ports().rooms().insert(a.snapshot());
        store.ports().rooms().insert(b.snapshot());

        Room loaded = store.ports().rooms().findById(b.id()).orElseThrow();
        loaded.changeVisitor(a.visitorId(), "guest-1", a.visitorToken(), at(2));

        assertThatThrownBy(() -> store.ports().rooms().update(loaded.snapshot()))
                .isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.OPEN_ROOM_PER_VISITOR));
        assertThat(store.ports().rooms().findById(b.id()).orElseThrow().snapshot()).isEqualTo(b.snapshot());
    }

    @Test
    void the_open_room_key_follows_the_token_on_update() {
        JdbcStore store = fixture().newStore();
        Room room = openRoom(id("tokA"), at(0));
        store.ports().rooms().insert(room.snapshot());
        VisitorToken newToken = new VisitorToken(id("tokB"));

        Room loaded = store.ports().rooms().findById(room.id()).orElseThrow();
        loaded.changeVisitor(new VisitorId(id("v")), "guest-2", newToken, at(1));
        store.ports().rooms().update(loaded.snapshot());

        assertThat(store.ports().rooms().findOpenByVisitorToken(room.visitorToken())).isEmpty();
        assertThat(store.ports().rooms().findOpenByVisitorToken(newToken)).get().extracting(Room::id).isEqualTo(room.id());
    }

    @Test
    void tokens_differing_only_in_case_or_trailing_spaces_are_different_tokens() {
        JdbcStore store = fixture().newStore();
        String token = id("Tok");
        for (String variant : List.of(token, token.toLowerCase(), token + " ", token + "  ")) {
            store.ports().rooms().insert(openRoom(variant, at(0)).snapshot());
        }
        for (String variant : List.of(token, token.toLowerCase(), token + " ", token + "  ")) {
            assertThat(store.ports().rooms().findOpenByVisitorToken(new VisitorToken(variant))).get()
                    .extracting(r -> r.visitorToken().value()).isEqualTo(variant);
        }
    }

    @Test
    void concurrent_openings_for_one_token_in_units_of_work_leave_exactly_one_room() throws Exception {
        JdbcStore store = fixture().newStore();
        String token = id("tok");
        int threads = 8;
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            attempts.add(() -> {
                try {
                    return store.ports().transactions().inTransaction(() -> {
                        Room room = openRoom(token, at(0));
                        store.ports().rooms().insert(room.snapshot());
                        store.ports().messages().insert(room.snapshot().lastMessage());
                        return true;
                    });
                } catch (UniqueConstraintViolation e) {
                    assertThat(e.constraint()).isEqualTo(Constraint.OPEN_ROOM_PER_VISITOR);
                    return false;
                }
            });
        }
        List<Boolean> results = runTogether(attempts);

        assertThat(results).filteredOn(created -> created).hasSize(1);
        Room winner = store.ports().rooms().findOpenByVisitorToken(new VisitorToken(token)).orElseThrow();
        // The losers left no trace: one room, one message.
        assertThat(store.ports().messages().findByRoom(winner.id())).hasSize(1);
    }

    /** Runs the tasks on threads of their own, released together, and returns their results in order. */
    static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
