package dev.livechat.application.service;

import dev.livechat.application.port.in.CloseRoomByUserCommand;
import dev.livechat.application.port.in.SendAgentMessageCommand;
import dev.livechat.application.port.in.SendVisitorMessageCommand;
import dev.livechat.application.port.in.VisitorMessagesQuery;
import dev.livechat.application.testing.Concurrently;
import dev.livechat.application.testing.Concurrently.Outcome;
import dev.livechat.application.testing.InMemoryLivechat;
import dev.livechat.application.testing.InMemoryLivechat.Session;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageAuthor;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.room.ResponseBy;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.visitor.Visitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Visitor and agent messages (contract 4.10, 4.12, 5.1–5.5) and the visitor's message history (contract 4.11). */
class MessageServicesTest {

    private final InMemoryLivechat app = new InMemoryLivechat();
    private Session faria;
    private Visitor maria;
    private RoomSnapshot room;

    @BeforeEach
    void servedRoom() {
        faria = app.createAgent("faria");
        maria = app.registerVisitor("maria-token", "Maria", null);
        room = app.openRoom("maria-token");
        app.clock().advanceMillis(10_000);
    }

    private Message visitorSays(String text) {
        return visitorSays(text, null);
    }

    private Message visitorSays(String text, String id) {
        return app.sendVisitorMessage().sendVisitorMessage(new SendVisitorMessageCommand("maria-token",
                room.id().value(), text, id));
    }

    private Message agentSays(Session agent, String text, String id) {
        return app.sendAgentMessage().sendAgentMessage(new SendAgentMessageCommand(agent.caller(), room.id().value(),
                text, id));
    }

    private RoomSnapshot stored() {
        return app.stores().rooms().findById(room.id()).orElseThrow().snapshot();
    }

    @Test
    void aVisitorMessageIsStoredAndItsInstantDrivesEveryRoomChange() {
        Instant now = app.clock().instant();

        Message message = visitorSays("hi\nI need help");

        assertThat(message.rid()).isEqualTo(room.id());
        assertThat(message.msg()).isEqualTo("hi\nI need help");
        assertThat(message.type()).isEqualTo(MessageType.TEXT);
        assertThat(message.ts()).isEqualTo(now);
        assertThat(message.visitorToken()).isEqualTo(maria.token());
        assertThat(message.alias()).isEqualTo("Maria");
        assertThat(message.author()).isEqualTo(new MessageAuthor(maria.id().value(), maria.username(), "Maria"));
        assertThat(app.stores().messages().findById(message.id())).contains(message);
        RoomSnapshot after = stored();
        assertThat(after.msgs()).isEqualTo(room.msgs() + 1);
        assertThat(after.lm()).isEqualTo(now);
        assertThat(after.updatedAt()).isEqualTo(now);
        assertThat(after.lastMessage()).isEqualTo(message);
        assertThat(after.metrics().visitorLastQuery()).isEqualTo(now);
        assertThat(after.visitor().lastMessageTs()).isEqualTo(now);
        assertThat(after.waitingResponse()).isTrue();
    }

    @Test
    void clockReadsAreTruncatedToWholeMilliseconds() {
        app.clock().set(Instant.parse("2024-05-01T10:00:10.123456789Z"));

        Message message = visitorSays("hi");

        assertThat(message.ts()).isEqualTo(Instant.parse("2024-05-01T10:00:10.123Z"));
        assertThat(stored().lm()).isEqualTo(Instant.parse("2024-05-01T10:00:10.123Z"));
    }

    @Test
    void visitorMessageErrorsComeInTheContractsOrder() {
        app.registerVisitor("other-token");
        RoomSnapshot othersRoom = app.openRoom("other-token");
        String tooLong = "x".repeat(Message.MAX_TEXT_LENGTH + 1);

        Expect.plain(() -> app.sendVisitorMessage().sendVisitorMessage(new SendVisitorMessageCommand("unknown",
                "unknownRoom", tooLong, null)), "invalid-token");
        Expect.plain(() -> app.sendVisitorMessage().sendVisitorMessage(new SendVisitorMessageCommand("maria-token",
                othersRoom.id().value(), "hi", null)), "invalid-room");
        Expect.plain(() -> app.sendVisitorMessage().sendVisitorMessage(new SendVisitorMessageCommand("maria-token",
                "bad id!", "hi", null)), "invalid-room");
        Expect.plain(() -> visitorSays(tooLong), "message-length-exceeds-character-limit");
        assertThat(visitorSays("x".repeat(Message.MAX_TEXT_LENGTH)).msg()).hasSize(Message.MAX_TEXT_LENGTH);

        app.closeRoomByUser().closeRoomByUser(new CloseRoomByUserCommand(faria.caller(), room.id().value(), null,
                List.of()));
        Expect.plain(() -> visitorSays(tooLong), "room-closed");
    }

    @Test
    void aRepeatedMessageIdFromTheSameVisitorAndRoomIsASafeReplay() {
        Message first = visitorSays("hello", "client-id-1");
        RoomSnapshot afterFirst = stored();
        app.clock().advanceMillis(5_000);

        Message replay = visitorSays("hello again", "client-id-1");

        assertThat(replay).isEqualTo(first);
        assertThat(stored()).isEqualTo(afterFirst);
        assertThat(app.stores().messages().findByRoom(room.id())).filteredOn(m -> m.id().equals(first.id()))
                .hasSize(1);
    }

    @Test
    void aMessageIdUsedByAnotherSenderOrRoomIsInUse() {
        agentSays(faria, "agent text", "agent-message");
        Expect.plain(() -> visitorSays("hi", "agent-message"), "error-message-id-in-use");
        Message visitorMessage = visitorSays("hi", "visitor-message");
        Expect.plain(() -> agentSays(faria, "hi", "visitor-message"), "error-message-id-in-use");

        app.registerVisitor("other-token");
        RoomSnapshot othersRoom = app.openRoom("other-token");
        Expect.plain(() -> app.sendVisitorMessage().sendVisitorMessage(new SendVisitorMessageCommand("other-token",
                othersRoom.id().value(), "hi", "visitor-message")), "error-message-id-in-use");
        Expect.plain(() -> visitorSays("system id", room.lastMessage().id().value()), "error-message-id-in-use");
        assertThat(app.stores().messages().findById(visitorMessage.id())).contains(visitorMessage);
    }

    @Test
    void concurrentVisitorMessagesLoseNoCount() {
        int threads = 24;

        List<Outcome<Message>> outcomes = Concurrently.run(threads, i -> visitorSays("message " + i));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(stored().msgs()).isEqualTo(room.msgs() + threads);
        assertThat(app.stores().messages().findByRoom(room.id())).hasSize(room.msgs() + threads);
    }

    @Test
    void concurrentRetriesOfOneMessageIdStoreItOnce() {
        List<Outcome<Message>> outcomes = Concurrently.run(16, i -> visitorSays("retried", "retried-id"));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(outcomes).extracting(Outcome::value).containsOnly(outcomes.get(0).value());
        assertThat(stored().msgs()).isEqualTo(room.msgs() + 1);
    }

    @Test
    void anAgentMessageEndsTheWaitAndRecordsTheResponse() {
        Message question = visitorSays("hi");
        app.clock().advanceMillis(2_500);
        Instant now = app.clock().instant();

        Message reply = agentSays(faria, "hello", null);

        assertThat(reply.visitorToken()).isNull();
        assertThat(reply.alias()).isNull();
        assertThat(reply.author()).isEqualTo(new MessageAuthor(faria.userId().value(), "faria", "Faria"));
        assertThat(reply.ts()).isEqualTo(now);
        RoomSnapshot after = stored();
        assertThat(after.waitingResponse()).isFalse();
        assertThat(after.responseBy()).isEqualTo(new ResponseBy(faria.userId(), "faria", now, now));
        assertThat(after.metrics().responseFirstTimeMs()).isEqualTo(2_500L);
        assertThat(after.metrics().agentLastReply()).isEqualTo(now);
        assertThat(after.lastMessage()).isEqualTo(reply);
        assertThat(after.msgs()).isEqualTo(room.msgs() + 2);
        assertThat(question.ts()).isBefore(now);
    }

    @Test
    void agentMessageErrorsComeInTheContractsOrder() {
        Session omar = app.createAgent("omar");
        Session manager = app.createManager("manager");
        String tooLong = "x".repeat(Message.MAX_TEXT_LENGTH + 1);

        Expect.meteor(() -> app.sendAgentMessage().sendAgentMessage(new SendAgentMessageCommand(omar.caller(),
                        "unknownRoom", tooLong, null)), "error-message-size-exceeded",
                "Message size exceeds Message_MaxAllowedSize", java.util.Map.of("method", "sendMessage"));
        Expect.plain(() -> app.sendAgentMessage().sendAgentMessage(new SendAgentMessageCommand(faria.caller(),
                "unknownRoom", "hi", null)), "error-invalid-room");
        Expect.plain(() -> app.sendAgentMessage().sendAgentMessage(new SendAgentMessageCommand(faria.caller(),
                "bad id!", "hi", null)), "error-invalid-room");
        Expect.plain(() -> agentSays(omar, "hi", null), "error-not-allowed");
        Expect.plain(() -> agentSays(manager, "hi", null), "error-not-allowed");

        app.closeRoomByUser().closeRoomByUser(new CloseRoomByUserCommand(faria.caller(), room.id().value(), null,
                List.of()));
        Expect.plain(() -> agentSays(omar, "hi", null), "error-not-allowed");
        Expect.plain(() -> agentSays(faria, "hi", null), "room-closed");
    }

    @Test
    void anAgentsRepeatedMessageIdIsAReplayOnlyForThatAgent() {
        Message first = agentSays(faria, "hello", "agent-id");
        RoomSnapshot afterFirst = stored();

        assertThat(agentSays(faria, "changed", "agent-id")).isEqualTo(first);
        assertThat(stored()).isEqualTo(afterFirst);
    }

    @Test
    void theVisitorReadsTheRoomNewestFirstWithoutMembershipMessages() {
        Message hi = visitorSays("hi");
        app.clock().advanceMillis(1_000);
        Message hello = agentSays(faria, "hello", null);
        app.clock().advanceMillis(1_000);
        Message again = visitorSays("again");

        List<Message> all = app.readVisitorMessages().readVisitorMessages(
                new VisitorMessagesQuery("maria-token", room.id().value(), null, 0, 20));
        assertThat(all).extracting(Message::id)
                .containsExactly(again.id(), hello.id(), hi.id(), room.lastMessage().id());
        assertThat(all).extracting(Message::type).doesNotContain(MessageType.COMMAND, MessageType.USER_JOINED);

        assertThat(app.readVisitorMessages().readVisitorMessages(new VisitorMessagesQuery("maria-token",
                room.id().value(), hello.ts(), 0, 20))).extracting(Message::id)
                .containsExactly(hi.id(), room.lastMessage().id());
        assertThat(app.readVisitorMessages().readVisitorMessages(new VisitorMessagesQuery("maria-token",
                room.id().value(), hello.ts().plusNanos(1), 0, 20))).extracting(Message::id)
                .as("end is exclusive at any precision").containsExactly(hello.id(), hi.id(), room.lastMessage().id());
        assertThat(app.readVisitorMessages().readVisitorMessages(new VisitorMessagesQuery("maria-token",
                room.id().value(), null, 1, 2))).extracting(Message::id).containsExactly(hello.id(), hi.id());
    }

    @Test
    void theVisitorReadsOnlyTheirOwnRoomsOpenOrClosed() {
        app.registerVisitor("other-token");
        RoomSnapshot othersRoom = app.openRoom("other-token");
        app.closeRoomByUser().closeRoomByUser(new CloseRoomByUserCommand(faria.caller(), room.id().value(), "bye",
                List.of()));

        assertThat(app.readVisitorMessages().readVisitorMessages(new VisitorMessagesQuery("maria-token",
                room.id().value(), null, 0, 20)).get(0).type()).isEqualTo(MessageType.LIVECHAT_CLOSE);
        Expect.plain(() -> app.readVisitorMessages().readVisitorMessages(new VisitorMessagesQuery("unknown",
                room.id().value(), null, 0, 20)), "invalid-token");
        Expect.plain(() -> app.readVisitorMessages().readVisitorMessages(new VisitorMessagesQuery("maria-token",
                othersRoom.id().value(), null, 0, 20)), "invalid-room");
        Expect.plain(() -> app.readVisitorMessages().readVisitorMessages(new VisitorMessagesQuery("maria-token",
                "unknownRoom", null, 0, 20)), "invalid-room");
    }

    @Test
    void generatedMessageIdsAreValidServerIds() {
        Message message = visitorSays("hi");

        assertThat(message.id().value()).hasSize(17).matches("[23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz]+");
        assertThat(new MessageId(message.id().value())).isEqualTo(message.id());
        assertThat(room.id()).isEqualTo(new RoomId(room.id().value()));
    }
}
