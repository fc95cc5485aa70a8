package dev.livechat.application.port.out.contract;

import dev.livechat.application.port.out.ConcurrentUpdateException;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.testing.Concurrently.Outcome;
import dev.livechat.application.testing.Concurrently;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.message.Message;
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
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.user.User;
import dev.livechat.domain.visitor.Visitor;
import dev.livechat.domain.visitor.VisitorProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.livechat.application.port.out.contract.ContractFixtures.T0;
import static dev.livechat.application.port.out.contract.ContractFixtures.at;
import static dev.livechat.application.port.out.contract.ContractFixtures.author;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link RoomRepository} guarantees: exact round trips, version compare-and-set, and at most one open room
 * per visitor token (also under real concurrency).
 */
public abstract class RoomRepositoryContract {

    private StorePorts stores;
    private RoomRepository rooms;
    private ContractFixtures f;

    /** A fresh, empty store for each test. */
    protected abstract StorePorts newStores();

    @BeforeEach
    public final void freshStore() {
        stores = newStores();
        rooms = stores.rooms();
        f = new ContractFixtures(stores);
    }

    @Test
    public final void anOpenRoomRoundTripsEveryField() {
        Visitor maria = f.visitor(new VisitorToken("8s7e9ony6ctl27e1qf8kue"), new VisitorProfile("Maria", null, null, null));
        User agent = f.agent("faria.masood");
        Department sales = f.department("Sales", true);
        RoomId rid = f.newRoomId();
        Message last = Message.visitorText(f.newMessageId(), rid, "One more thing\nÄ ✓", at(60_001), author(maria),
                maria.token());
        Map<String, String> survey = new LinkedHashMap<>();
        survey.put("agentResposiveness", "5");
        survey.put("satisfaction", "3");
        survey.put("additionalFeedback", "Quick\nand friendly");
        RoomSnapshot full = RoomSnapshot.builder()
                .id(rid).version(0).msgs(8).usersCount(2).lm(at(60_001)).fname("Maria").ts(at(1))
                .departmentId(sales.id())
                .visitor(new RoomVisitor(maria.id(), maria.username(), maria.token(), "online", at(60_001)))
                .open(true).updatedAt(at(60_007)).lastMessage(last)
                .metrics(new RoomMetrics(at(60_001), at(30_500), at(30_500), 20_499L, 20_499L, 1, at(30_500), 30_489L,
                        30_489L, null, null))
                .servedBy(new ServedBy(agent.id(), agent.username(), at(11)))
                .waitingResponse(true)
                .responseBy(new ResponseBy(agent.id(), agent.username(), at(30_500), at(40_999)))
                .source(new RoomSource("widget", "Site-Alias"))
                .surveyFeedback(new SurveyFeedback(survey))
                .build();

        rooms.insert(full);
        stores.messages().insert(last);

        RoomSnapshot stored = rooms.findById(rid).orElseThrow().snapshot();
        assertThat(stored).isEqualTo(full);
        assertThat(stored.surveyFeedback().answers().keySet())
                .containsExactly("agentResposiveness", "satisfaction", "additionalFeedback");
    }

    @Test
    public final void aClosedRoomRoundTripsEveryField() {
        Visitor visitor = f.visitor();
        User agent = f.agent("agent.one");
        RoomId rid = f.newRoomId();
        Message close = Message.close(f.newMessageId(), rid, "Closed by visitor", at(120_000), author(visitor),
                visitor.token());
        RoomSnapshot closed = RoomSnapshot.builder()
                .id(rid).version(0).msgs(10).usersCount(3).lm(at(120_000)).fname(visitor.username()).ts(T0)
                .visitor(new RoomVisitor(visitor.id(), visitor.username(), visitor.token(), "offline", at(60_000)))
                .open(false).updatedAt(at(120_000)).lastMessage(close)
                .metrics(new RoomMetrics(at(60_000), at(64_250), at(30_500), 20_500L, 24_750L, 2, at(30_500), 30_490L,
                        34_740L, 120_000L, 119_990L))
                .servedBy(new ServedBy(agent.id(), agent.username(), at(10)))
                .waitingResponse(false)
                .source(RoomSource.API)
                .closedAt(at(120_000)).closer(Closer.VISITOR)
                .closedBy(new ClosedBy(visitor.id().value(), visitor.username()))
                .tags(List.of("vip", "billing", "a b"))
                .build();

        rooms.insert(closed);
        stores.messages().insert(close);

        RoomSnapshot stored = rooms.findById(rid).orElseThrow().snapshot();
        assertThat(stored).isEqualTo(closed);
        assertThat(stored.tags()).containsExactly("vip", "billing", "a b");
        assertThat(stored.metrics().responseAverageSeconds()).isEqualTo(12.375);
    }

    @Test
    public final void absentOptionalsStayAbsent() {
        Visitor visitor = f.visitor();
        RoomId rid = f.newRoomId();
        RoomSnapshot bare = RoomSnapshot.builder()
                .id(rid).version(0).msgs(0).usersCount(1).lm(at(5)).fname("").ts(at(5))
                .visitor(new RoomVisitor(visitor.id(), visitor.username(), visitor.token(), "online", null))
                .open(true).updatedAt(at(5)).metrics(RoomMetrics.NONE).waitingResponse(false)
                .source(new RoomSource("api", null)).tags(List.of())
                .build();

        rooms.insert(bare);

        RoomSnapshot stored = rooms.findById(rid).orElseThrow().snapshot();
        assertThat(stored).isEqualTo(bare);
        assertThat(stored.fname()).isEmpty();
        assertThat(stored.departmentId()).isNull();
        assertThat(stored.lastMessage()).isNull();
        assertThat(stored.servedBy()).isNull();
        assertThat(stored.responseBy()).isNull();
        assertThat(stored.surveyFeedback()).isNull();
        assertThat(stored.metrics().isEmpty()).isTrue();
        assertThat(stored.source().alias()).isNull();
        assertThat(stored.visitor().lastMessageTs()).isNull();
        assertThat(stored.tags()).isEmpty();
    }

    @Test
    public final void partialMetricsRoundTripWithoutInventingValues() {
        Visitor visitor = f.visitor();
        Room room = f.newOpenRoom(visitor, at(0));
        room.record(Message.visitorText(f.newMessageId(), room.id(), "hi", at(10_000), author(visitor),
                visitor.token()));
        rooms.insert(room.snapshot());

        RoomMetrics metrics = f.reload(room.id()).metrics();
        assertThat(metrics).isEqualTo(new RoomMetrics(at(10_000), null, null, null, null, null, null, null, null, null,
                null));
        assertThat(metrics.responseAverageSeconds()).isNull();
    }

    @Test
    public final void insertStoresVersionZeroAndEachUpdateAdvancesItByOne() {
        RoomSnapshot room = f.openRoom(f.visitor(), at(0));
        assertThat(room.version()).isZero();

        rooms.update(room.toBuilder().msgs(2).updatedAt(at(1)).build());
        RoomSnapshot once = f.reload(room.id());
        assertThat(once.version()).isEqualTo(1);
        assertThat(once.msgs()).isEqualTo(2);
        assertThat(once.updatedAt()).isEqualTo(at(1));

        rooms.update(once.toBuilder().msgs(3).build());
        assertThat(f.reload(room.id()).version()).isEqualTo(2);
        assertThat(f.reload(room.id()).msgs()).isEqualTo(3);
    }

    @Test
    public final void anUpdateFromAStaleVersionIsRefusedAndChangesNothing() {
        RoomSnapshot room = f.openRoom(f.visitor(), at(0));
        rooms.update(room.toBuilder().fname("first").build());

        assertThatThrownBy(() -> rooms.update(room.toBuilder().fname("second").build()))
                .isInstanceOf(ConcurrentUpdateException.class);

        RoomSnapshot stored = f.reload(room.id());
        assertThat(stored.fname()).isEqualTo("first");
        assertThat(stored.version()).isEqualTo(1);
    }

    @Test
    public final void anUpdateOfAnUnknownRoomIsAConcurrentUpdate() {
        RoomSnapshot notStored = f.newOpenRoom(f.visitor(), at(0)).snapshot();

        assertThatThrownBy(() -> rooms.update(notStored)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(rooms.findById(notStored.id())).isEmpty();
    }

    @Test
    public final void findByIdOfAnUnknownRoomIsEmpty() {
        assertThat(rooms.findById(new RoomId("doesNotExist"))).isEmpty();
    }

    @Test
    public final void aSecondOpenRoomForTheSameTokenIsRefused() {
        Visitor visitor = f.visitor();
        RoomSnapshot first = f.openRoom(visitor, at(0));
        RoomSnapshot second = f.newOpenRoom(visitor, at(5)).snapshot();

        assertThatThrownBy(() -> rooms.insert(second))
                .isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.OPEN_ROOM_PER_VISITOR));

        assertThat(rooms.findById(second.id())).isEmpty();
        assertThat(rooms.findOpenByVisitorToken(visitor.token()).orElseThrow().id()).isEqualTo(first.id());
    }

    @Test
    public final void closingARoomReleasesTheTokenForANewOpenRoom() {
        Visitor visitor = f.visitor();
        User agent = f.agent("agent.one");
        RoomSnapshot first = f.openRoom(visitor, at(0));
        f.closeByUser(first.id(), agent, "done", List.of(), at(1_000));
        RoomSnapshot second = f.openRoom(visitor, at(2_000));
        f.closeByUser(second.id(), agent, "", List.of(), at(3_000));

        RoomSnapshot third = f.openRoom(visitor, at(4_000));

        assertThat(rooms.findOpenByVisitorToken(visitor.token()).orElseThrow().id()).isEqualTo(third.id());
        assertThat(f.reload(first.id()).open()).isFalse();
        assertThat(f.reload(second.id()).open()).isFalse();
    }

    @Test
    public final void tokensAreComparedExactly() {
        Visitor lower = f.visitor(new VisitorToken("abc"), VisitorProfile.EMPTY);
        Visitor upper = f.visitor(new VisitorToken("ABC"), VisitorProfile.EMPTY);
        RoomSnapshot lowerRoom = f.openRoom(lower, at(0));
        RoomSnapshot upperRoom = f.openRoom(upper, at(0));

        assertThat(rooms.findOpenByVisitorToken(new VisitorToken("abc")).orElseThrow().id()).isEqualTo(lowerRoom.id());
        assertThat(rooms.findOpenByVisitorToken(new VisitorToken("ABC")).orElseThrow().id()).isEqualTo(upperRoom.id());
        assertThat(rooms.findOpenByVisitorToken(new VisitorToken("Abc"))).isEmpty();
    }

    @Test
    public final void findOpenByVisitorTokenIgnoresClosedRoomsAndUnknownTokens() {
        Visitor visitor = f.visitor();
        RoomSnapshot room = f.openRoom(visitor, at(0));
        f.closeByUser(room.id(), f.agent("agent.one"), "", List.of(), at(1));

        assertThat(rooms.findOpenByVisitorToken(visitor.token())).isEmpty();
        assertThat(rooms.findOpenByVisitorToken(new VisitorToken("never-registered"))).isEmpty();
    }

    @Test
    public final void findOpenByVisitorIdListsOnlyThatVisitorsOpenRooms() {
        Visitor visitor = f.visitor();
        Visitor other = f.visitor();
        RoomSnapshot closed = f.openRoom(visitor, at(0));
        f.closeByUser(closed.id(), f.agent("agent.one"), "", List.of(), at(1));
        RoomSnapshot open = f.openRoom(visitor, at(2));
        f.openRoom(other, at(3));

        assertThat(rooms.findOpenByVisitorId(visitor.id())).extracting(Room::id).containsExactly(open.id());
        assertThat(rooms.findOpenByVisitorId(new VisitorId("nobody"))).isEmpty();
    }

    @Test
    public final void changingTheVisitorMovesTheOpenRoomKeyToTheNewToken() {
        Visitor oldVisitor = f.visitor();
        Visitor newVisitor = f.visitor();
        Room room = Room.restore(f.openRoom(oldVisitor, at(0)));
        room.changeVisitor(newVisitor.id(), newVisitor.username(), newVisitor.token(), at(1));

        rooms.update(room.snapshot());

        assertThat(rooms.findOpenByVisitorToken(oldVisitor.token())).isEmpty();
        assertThat(rooms.findOpenByVisitorToken(newVisitor.token()).orElseThrow().id()).isEqualTo(room.id());
        assertThat(rooms.findOpenByVisitorId(newVisitor.id())).extracting(Room::id).containsExactly(room.id());
        f.openRoom(oldVisitor, at(2));
    }

    @Test
    public final void anUpdateGivingAnOpenRoomToATokenThatHasAnotherOpenRoomIsRefused() {
        Visitor a = f.visitor();
        Visitor b = f.visitor();
        RoomSnapshot roomOfA = f.openRoom(a, at(0));
        RoomSnapshot roomOfB = f.openRoom(b, at(1));
        Room moved = Room.restore(roomOfA);
        moved.changeVisitor(b.id(), b.username(), b.token(), at(2));

        assertThatThrownBy(() -> rooms.update(moved.snapshot()))
                .isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.OPEN_ROOM_PER_VISITOR));

        assertThat(f.reload(roomOfA.id())).isEqualTo(roomOfA);
        assertThat(rooms.findOpenByVisitorToken(b.token()).orElseThrow().id()).isEqualTo(roomOfB.id());
    }

    @Test
    public final void aClosedRoomMayBeGivenToATokenThatHasAnOpenRoom() {
        Visitor a = f.visitor();
        Visitor b = f.visitor();
        RoomSnapshot closed = f.closeByUser(f.openRoom(a, at(0)).id(), f.agent("agent.one"), "", List.of(), at(1));
        RoomSnapshot openOfB = f.openRoom(b, at(2));
        Room moved = Room.restore(closed);
        moved.changeVisitor(b.id(), b.username(), b.token(), at(3));

        rooms.update(moved.snapshot());

        assertThat(f.reload(closed.id()).visitor().token()).isEqualTo(b.token());
        assertThat(rooms.findOpenByVisitorToken(b.token()).orElseThrow().id()).isEqualTo(openOfB.id());
    }

    @Test
    public final void concurrentOpeningsForOneTokenLeaveExactlyOneOpenRoom() {
        Visitor visitor = f.visitor();
        int threads = 24;
        List<RoomSnapshot> candidates = new java.util.ArrayList<>();
        for (int i = 0; i < threads; i++) {
            candidates.add(f.newOpenRoom(visitor, at(i)).snapshot());
        }

        List<Outcome<Void>> outcomes = Concurrently.runAll(threads, i -> rooms.insert(candidates.get(i)));

        List<Outcome<Void>> winners = outcomes.stream().filter(Outcome::succeeded).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.succeeded()))
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.OPEN_ROOM_PER_VISITOR)));
        RoomId winner = candidates.get(winners.get(0).thread()).id();
        assertThat(rooms.findOpenByVisitorToken(visitor.token()).orElseThrow().id()).isEqualTo(winner);
        assertThat(rooms.findOpenByVisitorId(visitor.id())).hasSize(1);
    }

    @Test
    public final void concurrentUpdatesFromOneVersionHaveExactlyOneWinner() {
        RoomSnapshot room = f.openRoom(f.visitor(), at(0));
        int threads = 16;

        List<Outcome<Void>> outcomes = Concurrently.runAll(threads,
                i -> rooms.update(room.toBuilder().fname("writer-" + i).build()));

        List<Outcome<Void>> winners = outcomes.stream().filter(Outcome::succeeded).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.succeeded()))
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOf(ConcurrentUpdateException.class));
        RoomSnapshot stored = f.reload(room.id());
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.fname()).isEqualTo("writer-" + winners.get(0).thread());
    }

    @Test
    public final void retriedCompareAndSetIncrementsLoseNoUpdate() {
        RoomSnapshot room = f.openRoom(f.visitor(), at(0));
        int threads = 16;
        int incrementsPerThread = 5;

        List<Outcome<Void>> outcomes = Concurrently.runAll(threads, i -> {
            for (int n = 0; n < incrementsPerThread; n++) {
                while (true) {
                    RoomSnapshot current = rooms.findById(room.id()).orElseThrow().snapshot();
                    try {
                        rooms.update(current.toBuilder().msgs(current.msgs() + 1).build());
                        break;
                    } catch (ConcurrentUpdateException lost) {
                        // another thread won this round: read again and retry
                    }
                }
            }
        });

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        RoomSnapshot stored = f.reload(room.id());
        assertThat(stored.msgs()).isEqualTo(room.msgs() + threads * incrementsPerThread);
        assertThat(stored.version()).isEqualTo(threads * incrementsPerThread);
    }

    @Test
    public final void findIdsByVisitorIdListsEveryRoomOfTheVisitorOnly() {
        Visitor maria = f.visitor();
        Visitor other = f.visitor();
        User agent = f.agent("faria");
        RoomSnapshot closed = f.servedRoom(maria, agent, at(1));
        f.closeByUser(closed.id(), agent, "", List.of(), at(2));
        RoomSnapshot open = f.openRoom(maria, at(3));
        f.openRoom(other, at(4));

        assertThat(rooms.findIdsByVisitorId(maria.id())).containsExactlyInAnyOrder(closed.id(), open.id());
        assertThat(rooms.findIdsByVisitorId(new VisitorId("unknownVisitor"))).isEmpty();
    }

    @Test
    public final void deleteRemovesTheRoomWithItsTagsAndSurveyAndReleasesTheOpenRoomKey() {
        Visitor maria = f.visitor();
        User agent = f.agent("faria");
        RoomSnapshot tagged = f.servedRoom(maria, agent, at(1));
        f.closeByUser(tagged.id(), agent, "done", List.of("billing", "vip"), at(2));
        Room surveyed = rooms.findById(tagged.id()).orElseThrow();
        surveyed.recordSurvey(new SurveyFeedback(Map.of("satisfaction", "5")), at(3));
        rooms.update(surveyed.snapshot());
        RoomSnapshot open = f.openRoom(maria, at(4));
        RoomSnapshot kept = f.openRoom(f.visitor(), at(5));

        rooms.delete(tagged.id());
        rooms.delete(open.id());
        rooms.delete(open.id());
        rooms.delete(new RoomId("noSuchRoom"));

        assertThat(rooms.findById(tagged.id())).isEmpty();
        assertThat(rooms.findById(open.id())).isEmpty();
        assertThat(rooms.findOpenByVisitorToken(maria.token())).isEmpty();
        assertThat(rooms.findIdsByVisitorId(maria.id())).isEmpty();
        assertThat(rooms.findById(kept.id()).orElseThrow().snapshot()).isEqualTo(kept);
        RoomSnapshot again = f.openRoom(maria, at(6));
        assertThat(rooms.findOpenByVisitorToken(maria.token()).orElseThrow().id()).isEqualTo(again.id());
    }
}
