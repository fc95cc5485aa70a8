package dev.livechat.application.service;

import dev.livechat.application.port.in.ClosedRoom;
import dev.livechat.application.port.in.CloseRoomByUserCommand;
import dev.livechat.application.port.in.CloseRoomByVisitorCommand;
import dev.livechat.application.port.in.SubmitSurveyCommand;
import dev.livechat.application.port.in.SurveyResult;
import dev.livechat.application.testing.Concurrently;
import dev.livechat.application.testing.Concurrently.Outcome;
import dev.livechat.application.testing.InMemoryLivechat;
import dev.livechat.application.testing.InMemoryLivechat.Session;
import dev.livechat.application.testing.MutableClock;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageAuthor;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.room.ClosedBy;
import dev.livechat.domain.room.Closer;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.SurveyAnswer;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.visitor.Visitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Closing a room by the visitor or a user (contract 4.15, 4.16, 5.6) and the survey (contract 3.4). */
class CloseAndSurveyServicesTest {

    private final List<UserId> candidates = new ArrayList<>();
    private final InMemoryLivechat app = new InMemoryLivechat(LivechatSettings.defaults("test"),
            new MutableClock(InMemoryLivechat.DEFAULT_START), candidates::add);
    private Session faria;
    private Visitor maria;
    private RoomSnapshot room;

    @BeforeEach
    void servedRoom() {
        faria = app.createAgent("faria");
        maria = app.registerVisitor("maria-token", "Maria", null);
        room = app.openRoom("maria-token");
        app.clock().advanceMillis(120_000);
        candidates.clear();
    }

    private ClosedRoom visitorCloses() {
        return app.closeRoomByVisitor().closeRoomByVisitor(new CloseRoomByVisitorCommand("maria-token",
                room.id().value()));
    }

    private void userCloses(Session user, String comment, List<String> tags) {
        app.closeRoomByUser().closeRoomByUser(new CloseRoomByUserCommand(user.caller(), room.id().value(), comment,
                tags));
    }

    private RoomSnapshot stored() {
        return app.stores().rooms().findById(room.id()).orElseThrow().snapshot();
    }

    private SurveyResult survey(String token, String rid, SurveyAnswer... answers) {
        return app.submitSurvey().submitSurvey(new SubmitSurveyCommand(token, rid, List.of(answers)));
    }

    @Test
    void theVisitorClosesTheirRoom() {
        Instant now = app.clock().instant();

        ClosedRoom answer = visitorCloses();

        assertThat(answer).isEqualTo(new ClosedRoom(room.id().value(), "Closed by visitor"));
        RoomSnapshot closed = stored();
        assertThat(closed.open()).isFalse();
        assertThat(closed.closedAt()).isEqualTo(now);
        assertThat(closed.closer()).isEqualTo(Closer.VISITOR);
        assertThat(closed.closedBy()).isEqualTo(new ClosedBy(maria.id().value(), maria.username()));
        assertThat(closed.visitor().status()).isEqualTo("offline");
        assertThat(closed.metrics().chatDurationMs()).isEqualTo(120_000L);
        assertThat(closed.metrics().serviceTimeDurationMs()).isEqualTo(120_000L);
        assertThat(closed.msgs()).isEqualTo(room.msgs() + 1);
        assertThat(closed.tags()).isEmpty();
        Message closing = closed.lastMessage();
        assertThat(closing.type()).isEqualTo(MessageType.LIVECHAT_CLOSE);
        assertThat(closing.msg()).isEqualTo("Closed by visitor");
        assertThat(closing.visitorToken()).isEqualTo(maria.token());
        assertThat(closing.author()).isEqualTo(new MessageAuthor(maria.id().value(), maria.username(), "Maria"));
        assertThat(closing.ts()).isEqualTo(now);
        assertThat(app.stores().messages().findById(closing.id())).contains(closing);
        assertThat(app.stores().inquiries().findByRoomId(room.id())).isEmpty();
        assertThat(candidates).containsExactly(faria.userId());
        assertThat(app.openRoom("maria-token").id()).as("the next request opens a new room").isNotEqualTo(room.id());
    }

    @Test
    void visitorCloseErrorsComeInTheContractsOrder() {
        app.registerVisitor("other-token");
        RoomSnapshot othersRoom = app.openRoom("other-token");

        Expect.plain(() -> app.closeRoomByVisitor().closeRoomByVisitor(new CloseRoomByVisitorCommand("unknown",
                "unknownRoom")), "invalid-token");
        Expect.plain(() -> app.closeRoomByVisitor().closeRoomByVisitor(new CloseRoomByVisitorCommand("maria-token",
                othersRoom.id().value())), "invalid-room");
        visitorCloses();
        Expect.plain(this::visitorCloses, "room-closed");
    }

    @Test
    void theServingAgentClosesWithCommentAndTags() {
        Instant now = app.clock().instant();

        userCloses(faria, "Issue solved", List.of("billing", "vip", "billing"));

        RoomSnapshot closed = stored();
        assertThat(closed.closer()).isEqualTo(Closer.USER);
        assertThat(closed.closedBy()).isEqualTo(new ClosedBy(faria.userId().value(), "faria"));
        assertThat(closed.tags()).containsExactly("billing", "vip");
        assertThat(closed.closedAt()).isEqualTo(now);
        Message closing = closed.lastMessage();
        assertThat(closing.msg()).isEqualTo("Issue solved");
        assertThat(closing.visitorToken()).isNull();
        assertThat(closing.author()).isEqualTo(new MessageAuthor(faria.userId().value(), "faria", "Faria"));
        assertThat(app.stores().inquiries().findByRoomId(room.id())).isEmpty();
        assertThat(candidates).containsExactly(faria.userId());
    }

    @Test
    void aManagerClosesAnotherAgentsRoomWithAnEmptyComment() {
        Session manager = app.createManager("manager");

        userCloses(manager, null, List.of());

        assertThat(stored().lastMessage().msg()).isEmpty();
        assertThat(stored().closedBy()).isEqualTo(new ClosedBy(manager.userId().value(), "manager"));
    }

    @Test
    void userCloseErrorsComeInTheContractsOrder() {
        Session omar = app.createAgent("omar");
        Session plain = app.createUser("plain", Role.USER);

        Expect.routePermission(() -> app.closeRoomByUser().closeRoomByUser(new CloseRoomByUserCommand(plain.caller(),
                "unknownRoom", null, List.of())));
        Expect.plain(() -> app.closeRoomByUser().closeRoomByUser(new CloseRoomByUserCommand(omar.caller(),
                "unknownRoom", null, List.of())), "error-invalid-room");
        Expect.plain(() -> userCloses(omar, null, List.of()), "error-not-authorized");
        userCloses(faria, null, List.of());
        Expect.plain(() -> userCloses(omar, null, List.of()), "error-room-already-closed");
        Expect.plain(() -> userCloses(faria, null, List.of()), "error-room-already-closed");
    }

    @Test
    void ofConcurrentClosesExactlyOneWins() {
        Session manager = app.createManager("manager");

        List<Outcome<Void>> outcomes = Concurrently.runAll(24, i -> {
            switch (i % 3) {
                case 0 -> visitorCloses();
                case 1 -> userCloses(faria, "by agent " + i, List.of());
                default -> userCloses(manager, "by manager " + i, List.of());
            }
        });

        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded())
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.code()).isIn("room-closed", "error-room-already-closed")));
        assertThat(app.stores().messages().findByRoom(room.id()))
                .filteredOn(m -> m.type() == MessageType.LIVECHAT_CLOSE).hasSize(1);
        assertThat(stored().msgs()).isEqualTo(room.msgs() + 1);
        assertThat(app.stores().inquiries().findByRoomId(room.id())).isEmpty();
    }

    @Test
    void theSurveyKeepsValidItemsInFirstPositionOrderAndReplacesThePrevious() {
        SurveyResult first = survey("maria-token", room.id().value(),
                new SurveyAnswer("satisfaction", "3"), new SurveyAnswer("agentResposiveness", "5"),
                new SurveyAnswer("question", "answer"), new SurveyAnswer("additionalFeedback", "Quick and friendly"),
                new SurveyAnswer("agentKnowledge", "6"), new SurveyAnswer("agentFriendliness", " 5"),
                new SurveyAnswer("__proto__", "1"), new SurveyAnswer("satisfaction", "4"));

        assertThat(first.rid()).isEqualTo(room.id().value());
        assertThat(first.data().answers()).containsExactly(
                java.util.Map.entry("satisfaction", "4"), java.util.Map.entry("agentResposiveness", "5"),
                java.util.Map.entry("additionalFeedback", "Quick and friendly"));
        assertThat(stored().surveyFeedback()).isEqualTo(first.data());
        assertThat(stored().updatedAt()).isEqualTo(app.clock().instant());

        visitorCloses();
        app.clock().advanceMillis(1_000);
        SurveyResult second = survey("maria-token", room.id().value(), new SurveyAnswer("agentKnowledge", "1"));
        assertThat(stored().surveyFeedback().answers()).containsExactly(java.util.Map.entry("agentKnowledge", "1"));
        assertThat(second.data()).isEqualTo(stored().surveyFeedback());
    }

    @Test
    void surveyErrorsComeInTheContractsOrder() {
        app.registerVisitor("other-token");
        RoomSnapshot othersRoom = app.openRoom("other-token");
        SurveyAnswer invalid = new SurveyAnswer("satisfaction", "5.0");

        Expect.plain(() -> survey("unknown", "unknownRoom", invalid), "invalid-token");
        Expect.plain(() -> survey("maria-token", othersRoom.id().value(), invalid), "invalid-room");
        Expect.plain(() -> survey("maria-token", "bad id!", invalid), "invalid-room");
        Expect.plain(() -> survey("maria-token", room.id().value(), invalid), "invalid-data");
        assertThat(stored().surveyFeedback()).isNull();
    }
}
