package dev.livechat.application.service;

import dev.livechat.application.port.in.ChangeRoomVisitorCommand;
import dev.livechat.application.port.in.CloseRoomByVisitorCommand;
import dev.livechat.application.port.in.GetRoomCommand;
import dev.livechat.application.port.in.SendVisitorMessageCommand;
import dev.livechat.application.port.out.ConcurrentUpdateException;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.testing.Concurrently;
import dev.livechat.application.testing.Concurrently.Outcome;
import dev.livechat.application.testing.InMemoryLivechat;
import dev.livechat.application.testing.InMemoryLivechat.Session;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.room.RoomVisitor;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.visitor.Visitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code PUT livechat/room.visitor}: a compare-and-set on the room's visitor (contract 3.5). */
class ChangeRoomVisitorServiceTest {

    private final InMemoryLivechat app = new InMemoryLivechat();
    private Session faria;
    private Visitor oldVisitor;
    private Visitor newVisitor;
    private RoomSnapshot room;

    @BeforeEach
    void roomWithAMessage() {
        faria = app.createAgent("faria");
        oldVisitor = app.registerVisitor("old-token", "Maria", null);
        newVisitor = app.registerVisitor("new-token", "Maria M.", null);
        room = app.openRoom("old-token");
        app.clock().advanceMillis(7_000);
        app.sendVisitorMessage().sendVisitorMessage(new SendVisitorMessageCommand("old-token", room.id().value(),
                "hello?", null));
        room = stored();
        app.clock().advanceMillis(300_000);
    }

    private RoomSnapshot stored() {
        return app.stores().rooms().findById(room.id()).orElseThrow().snapshot();
    }

    private RoomSnapshot seedForm(Session caller, String rid, String visitorId) {
        return app.changeRoomVisitor().changeRoomVisitor(new ChangeRoomVisitorCommand(caller.caller(), rid, null,
                visitorId));
    }

    private RoomSnapshot codeForm(Session caller, String rid, String oldVisitorId, String newVisitorId) {
        return app.changeRoomVisitor().changeRoomVisitor(new ChangeRoomVisitorCommand(caller.caller(), rid,
                oldVisitorId, newVisitorId));
    }

    @Test
    void theSeedFormGivesTheRoomToTheNewVisitorAndNothingElseChanges() {
        List<Message> messagesBefore = app.stores().messages().findByRoom(room.id());
        Inquiry inquiryBefore = app.stores().inquiries().findByRoomId(room.id()).orElseThrow();

        RoomSnapshot changed = seedForm(faria, room.id().value(), newVisitor.id().value());

        assertThat(changed).isEqualTo(stored());
        assertThat(changed.version()).isEqualTo(room.version() + 1);
        assertThat(changed.visitor()).isEqualTo(new RoomVisitor(newVisitor.id(), newVisitor.username(),
                newVisitor.token(), room.visitor().status(), room.visitor().lastMessageTs()));
        assertThat(changed.fname()).isEqualTo("Maria");
        assertThat(changed.updatedAt()).isEqualTo(app.clock().instant());
        assertThat(changed.toBuilder().visitor(room.visitor()).updatedAt(room.updatedAt()).version(room.version())
                .build()).isEqualTo(room);
        assertThat(app.stores().messages().findByRoom(room.id())).isEqualTo(messagesBefore);
        assertThat(app.stores().inquiries().findByRoomId(room.id())).contains(inquiryBefore);

        Expect.plain(() -> app.getOrOpenRoom().getOrOpenRoom(new GetRoomCommand("old-token", room.id().value(), null,
                RoomSource.API)), "invalid-room");
        assertThat(app.getOrOpenRoom().getOrOpenRoom(new GetRoomCommand("new-token", room.id().value(), null,
                RoomSource.API)).room().id()).isEqualTo(room.id());
        assertThat(app.openRoom("old-token").id()).as("the old visitor may open a new room").isNotEqualTo(room.id());
    }

    @Test
    void theCodeFormChangesOnlyFromTheNamedVisitor() {
        Expect.plain(() -> codeForm(faria, room.id().value(), newVisitor.id().value(), newVisitor.id().value()),
                "invalid-room-visitor");
        Expect.plain(() -> codeForm(faria, room.id().value(), "bad id!", newVisitor.id().value()),
                "invalid-room-visitor");
        assertThat(stored()).isEqualTo(room);

        RoomSnapshot changed = codeForm(faria, room.id().value(), oldVisitor.id().value(), newVisitor.id().value());

        assertThat(changed.visitor().id()).isEqualTo(newVisitor.id());
    }

    @Test
    void errorsComeInTheContractsOrderWithAccessBeforeTheVisitorComparison() {
        Session plain = app.createUser("plain", Role.USER);
        Session omar = app.createAgent("omar");

        Expect.routePermission(() -> seedForm(plain, "unknownRoom", "unknownVisitor"));
        Expect.plain(() -> seedForm(faria, "unknownRoom", "unknownVisitor"), "visitor-not-found");
        Expect.plain(() -> seedForm(faria, "unknownRoom", "bad id!"), "visitor-not-found");
        Expect.plain(() -> seedForm(faria, "unknownRoom", newVisitor.id().value()), "invalid-room");
        Expect.plain(() -> codeForm(omar, room.id().value(), "someoneElse", newVisitor.id().value()),
                "error-not-allowed");
        Expect.plain(() -> codeForm(faria, room.id().value(), "someoneElse", newVisitor.id().value()),
                "invalid-room-visitor");
        assertThat(stored()).isEqualTo(room);
    }

    @Test
    void anOpenRoomIsNotGivenToAVisitorWhoHasAnotherOpenRoom() {
        RoomSnapshot othersRoom = app.openRoom("new-token");

        Expect.plain(() -> seedForm(faria, room.id().value(), newVisitor.id().value()),
                "visitor-already-has-open-room");
        assertThat(stored()).isEqualTo(room);

        app.closeRoomByVisitor().closeRoomByVisitor(new CloseRoomByVisitorCommand("old-token", room.id().value()));
        RoomSnapshot closed = seedForm(faria, room.id().value(), newVisitor.id().value());
        assertThat(closed.visitor().id()).as("a closed room may move").isEqualTo(newVisitor.id());
        assertThat(app.stores().rooms().findOpenByVisitorToken(newVisitor.token()).orElseThrow().id())
                .isEqualTo(othersRoom.id());
    }

    @Test
    void aClosedRoomOfAnotherAgentNeedsAManager() {
        Session manager = app.createManager("manager");
        Session omar = app.createAgent("omar");
        app.closeRoomByVisitor().closeRoomByVisitor(new CloseRoomByVisitorCommand("old-token", room.id().value()));

        Expect.plain(() -> seedForm(omar, room.id().value(), newVisitor.id().value()), "error-not-allowed");
        assertThat(seedForm(faria, room.id().value(), newVisitor.id().value()).visitor().id())
                .as("its former serving agent still may").isEqualTo(newVisitor.id());
        assertThat(seedForm(manager, room.id().value(), oldVisitor.id().value()).visitor().id())
                .isEqualTo(oldVisitor.id());
    }

    @Test
    void ofConcurrentChangesFromTheSameVisitorExactlyOneWins() {
        int threads = 16;
        List<Visitor> targets = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            targets.add(app.registerVisitor("target-" + i));
        }

        List<Outcome<RoomSnapshot>> outcomes = Concurrently.run(threads, i -> codeForm(faria, room.id().value(),
                oldVisitor.id().value(), targets.get(i).id().value()));

        List<Outcome<RoomSnapshot>> winners = outcomes.stream().filter(Outcome::succeeded).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded())
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid-room-visitor")));
        assertThat(stored().visitor().id()).isEqualTo(targets.get(winners.get(0).thread()).id());
        assertThat(stored().version()).isEqualTo(room.version() + 1);
    }

    @Test
    void theSeedFormLosesToAVisitorChangeMadeAfterTheRequestWasRead() {
        Visitor third = app.registerVisitor("third-token");
        ChangeRoomVisitorService concurrent = new ChangeRoomVisitorService(app.stores().visitors(),
                app.stores().rooms(), app.stores().departments(), app.stores().transactions(), app.clock());
        AtomicInteger interventions = new AtomicInteger(1);
        RoomRepository racing = new InterleavedRooms(app.stores().rooms(), () -> {
            if (interventions.getAndDecrement() > 0) {
                concurrent.changeRoomVisitor(new ChangeRoomVisitorCommand(faria.caller(), room.id().value(), null,
                        third.id().value()));
            }
        }, new AtomicInteger());
        ChangeRoomVisitorService service = new ChangeRoomVisitorService(app.stores().visitors(), racing,
                app.stores().departments(), app.stores().transactions(), app.clock());

        Expect.plain(() -> service.changeRoomVisitor(new ChangeRoomVisitorCommand(faria.caller(), room.id().value(),
                null, newVisitor.id().value())), "invalid-room-visitor");

        assertThat(stored().visitor().id()).isEqualTo(third.id());
    }

    @Test
    void otherConcurrentChangesOfTheRoomAreRetried() {
        AtomicInteger lostUpdates = new AtomicInteger(2);
        RoomRepository racing = new InterleavedRooms(app.stores().rooms(), () -> { }, lostUpdates);
        ChangeRoomVisitorService service = new ChangeRoomVisitorService(app.stores().visitors(), racing,
                app.stores().departments(), app.stores().transactions(), app.clock());

        RoomSnapshot changed = service.changeRoomVisitor(new ChangeRoomVisitorCommand(faria.caller(),
                room.id().value(), null, newVisitor.id().value()));

        assertThat(lostUpdates).hasValue(0);
        assertThat(changed.visitor().id()).isEqualTo(newVisitor.id());
        assertThat(stored()).isEqualTo(changed);
    }

    /**
     * Rooms where something else happens right after the request was first read ({@code afterFirstRead}), and where
     * the first {@code lostUpdates} compare-and-sets lose to a concurrent change that is not a visitor change.
     */
    private record InterleavedRooms(RoomRepository delegate, Runnable afterFirstRead, AtomicInteger lostUpdates)
            implements RoomRepository {
        @Override
        public void insert(RoomSnapshot room) {
            delegate.insert(room);
        }

        @Override
        public Optional<Room> findById(RoomId id) {
            Optional<Room> found = delegate.findById(id);
            afterFirstRead.run();
            return found;
        }

        @Override
        public Optional<Room> findOpenByVisitorToken(VisitorToken token) {
            return delegate.findOpenByVisitorToken(token);
        }

        @Override
        public List<Room> findOpenByVisitorId(VisitorId visitorId) {
            return delegate.findOpenByVisitorId(visitorId);
        }

        @Override
        public void update(RoomSnapshot room) {
            if (lostUpdates.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ConcurrentUpdateException("room " + room.id());
            }
            delegate.update(room);
        }

        @Override
        public List<RoomId> findIdsByVisitorId(VisitorId visitorId) {
            return delegate.findIdsByVisitorId(visitorId);
        }

        @Override
        public void delete(RoomId id) {
            delegate.delete(id);
        }
    }
}
