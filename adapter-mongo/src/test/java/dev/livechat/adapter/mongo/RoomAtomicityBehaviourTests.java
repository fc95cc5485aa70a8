package dev.livechat.adapter.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.livechat.application.port.out.ConcurrentUpdateException;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.domain.room.ClosedBy;
import dev.livechat.domain.room.Closer;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.livechat.adapter.mongo.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Compare-and-set updates and the store-enforced open room per visitor token, with real threads. */
abstract class RoomAtomicityBehaviourTests {

    abstract MongoFixture mongo();

    @Test
    void update_advances_the_version_and_refuses_a_stale_one() {
        RoomRepository rooms = mongo().newStore().ports().rooms();
        Room room = Samples.openRoom("r1", "v1", "tok-1", T0);
        rooms.insert(room.snapshot());

        Room loaded = rooms.findById(new RoomId("r1")).orElseThrow();
        assertThat(loaded.snapshot().version()).isZero();
        loaded.record(Samples.visitorText(loaded, "hi", T0.plusSeconds(1)));
        rooms.update(loaded.snapshot());

        assertThat(rooms.findById(new RoomId("r1")).orElseThrow().snapshot().version()).isEqualTo(1);
        assertThatThrownBy(() -> rooms.update(loaded.snapshot())).isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> rooms.update(room.snapshot())).isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void update_of_a_missing_room_is_a_concurrent_update() {
        RoomRepository rooms = mongo().newStore().ports().rooms();
        assertThatThrownBy(() -> rooms.update(Samples.openRoom("nope", "v1", "tok", T0).snapshot()))
                .isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void concurrent_updates_from_one_version_let_exactly_one_win() throws Exception {
        RoomRepository rooms = mongo().newStore().ports().rooms();
        rooms.insert(Samples.openRoom("r1", "v1", "tok-1", T0).snapshot());
        RoomSnapshot read = rooms.findById(new RoomId("r1")).orElseThrow().snapshot();

        AtomicInteger n = new AtomicInteger();
        var outcomes = ConcurrentRuns.run(16, () -> {
            Room mine = Room.restore(read);
            mine.record(Samples.visitorText(mine, "message " + n.incrementAndGet(), T0.plusSeconds(1)));
            rooms.update(mine.snapshot());
            return true;
        });

        assertThat(outcomes.stream().filter(ConcurrentRuns.Outcome::ok)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.ok()))
                .allSatisfy(o -> assertThat(o.error()).isInstanceOf(ConcurrentUpdateException.class));
        assertThat(rooms.findById(new RoomId("r1")).orElseThrow().snapshot().msgs()).isEqualTo(2);
    }

    @Test
    void a_room_written_by_rocket_chat_without_a_version_updates_as_version_0() {
        MongoStore store = mongo().newStore();
        store.ports().rooms().insert(Samples.openRoom("r1", "v1", "tok-1", T0).snapshot());
        mongo().database().getCollection("rocketchat_room").updateOne(Filters.eq("_id", "r1"),
                Updates.unset(RoomMapper.VERSION));

        Room room = store.ports().rooms().findById(new RoomId("r1")).orElseThrow();
        assertThat(room.snapshot().version()).isZero();
        room.record(Samples.visitorText(room, "hi", T0.plusSeconds(1)));
        store.ports().rooms().update(room.snapshot());

        Document stored = mongo().database().getCollection("rocketchat_room").find(Filters.eq("_id", "r1")).first();
        assertThat(stored.get(RoomMapper.VERSION, Number.class).longValue()).isEqualTo(1L);
    }

    @Test
    void a_second_open_room_for_a_token_is_refused_and_a_closed_one_releases_the_token() {
        RoomRepository rooms = mongo().newStore().ports().rooms();
        rooms.insert(Samples.openRoom("r1", "v1", "tok-1", T0).snapshot());

        assertThatThrownBy(() -> rooms.insert(Samples.openRoom("r2", "v1", "tok-1", T0).snapshot()))
                .isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.OPEN_ROOM_PER_VISITOR));
        rooms.insert(Samples.openRoom("other", "v2", "tok-2", T0).snapshot());

        Room first = rooms.findById(new RoomId("r1")).orElseThrow();
        first.close(Closer.VISITOR, new ClosedBy("v1", "guest-v1"), List.of(), T0.plusSeconds(5));
        rooms.update(first.snapshot());
        assertThat(mongo().database().getCollection("rocketchat_room").find(Filters.eq("_id", "r1")).first())
                .doesNotContainKeys("open", RoomMapper.OPEN_TOKEN);

        rooms.insert(Samples.openRoom("r3", "v1", "tok-1", T0.plusSeconds(6)).snapshot());
        assertThat(rooms.findOpenByVisitorToken(new VisitorToken("tok-1")).orElseThrow().id().value()).isEqualTo("r3");
        assertThat(rooms.findOpenByVisitorId(new VisitorId("v1"))).extracting(r -> r.id().value()).containsExactly("r3");
    }

    @Test
    void giving_an_open_room_to_a_visitor_who_has_one_is_refused_and_changes_nothing() {
        RoomRepository rooms = mongo().newStore().ports().rooms();
        rooms.insert(Samples.openRoom("r1", "v1", "tok-1", T0).snapshot());
        rooms.insert(Samples.openRoom("r2", "v2", "tok-2", T0).snapshot());

        Room r1 = rooms.findById(new RoomId("r1")).orElseThrow();
        r1.changeVisitor(new VisitorId("v2"), "guest-v2", new VisitorToken("tok-2"), T0.plusSeconds(1));
        assertThatThrownBy(() -> rooms.update(r1.snapshot()))
                .isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.OPEN_ROOM_PER_VISITOR));
        assertThat(rooms.findById(new RoomId("r1")).orElseThrow().snapshot().version()).isZero();

        Room again = rooms.findById(new RoomId("r1")).orElseThrow();
        again.changeVisitor(new VisitorId("v3"), "guest-v3", new VisitorToken("tok-3"), T0.plusSeconds(2));
        rooms.update(again.snapshot());
        assertThat(rooms.findOpenByVisitorToken(new VisitorToken("tok-3"))).isPresent();
        assertThat(rooms.findOpenByVisitorToken(new VisitorToken("tok-1"))).isEmpty();
        rooms.insert(Samples.openRoom("r4", "v1", "tok-1", T0).snapshot());
    }

    @Test
    void concurrent_openings_for_one_token_create_exactly_one_room_even_across_two_store_instances() throws Exception {
        MongoStore first = mongo().newStore();
        MongoStore second = mongo().sameDatabaseStore();
        AtomicInteger n = new AtomicInteger();
        var outcomes = ConcurrentRuns.run(24, () -> {
            int i = n.incrementAndGet();
            MongoStore store = i % 2 == 0 ? first : second;
            store.ports().rooms().insert(Samples.openRoom("room" + i, "v1", "the-token", T0).snapshot());
            return i;
        });

        assertThat(outcomes.stream().filter(ConcurrentRuns.Outcome::ok)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.ok())).allSatisfy(o -> assertThat(o.error())
                .isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.OPEN_ROOM_PER_VISITOR)));
        assertThat(mongo().database().getCollection("rocketchat_room").countDocuments()).isEqualTo(1);
    }
}
