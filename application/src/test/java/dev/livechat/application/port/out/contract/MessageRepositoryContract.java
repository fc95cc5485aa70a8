package dev.livechat.application.port.out.contract;

import dev.livechat.application.port.out.MessageRepository;
import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.testing.Concurrently.Outcome;
import dev.livechat.application.testing.Concurrently;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageAuthor;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.message.TransferData;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.user.User;
import dev.livechat.domain.visitor.Visitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.livechat.application.port.out.contract.ContractFixtures.at;
import static dev.livechat.application.port.out.contract.ContractFixtures.author;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link MessageRepository} guarantees: exact round trips, globally unique ids, and the two orderings. */
public abstract class MessageRepositoryContract {

    private StorePorts stores;
    private MessageRepository messages;
    private ContractFixtures f;
    private Visitor visitor;
    private User agent;
    private RoomSnapshot room;

    /** A fresh, empty store for each test. */
    protected abstract StorePorts newStores();

    @BeforeEach
    public final void freshStore() {
        stores = newStores();
        messages = stores.messages();
        f = new ContractFixtures(stores);
        visitor = f.visitor(f.newToken(), new dev.livechat.domain.visitor.VisitorProfile("Maria", null, null, null));
        agent = f.agent("faria.masood");
        room = f.servedRoom(visitor, agent, at(0));
    }

    private Message roundTrip(Message message) {
        messages.insert(message);
        return messages.findById(message.id()).orElseThrow();
    }

    @Test
    public final void aVisitorTextMessageRoundTripsWithTokenAliasAndLines() {
        Message sent = Message.visitorText(f.newMessageId(), room.id(), "hi\r\nI need help\n\n✓ ünïcödé 😀",
                at(10_001), author(visitor), visitor.token());

        Message stored = roundTrip(sent);

        assertThat(stored).isEqualTo(sent);
        assertThat(stored.visitorToken()).isEqualTo(visitor.token());
        assertThat(stored.alias()).isEqualTo("Maria");
        assertThat(stored.isVisitorText()).isTrue();
        assertThat(stored.paragraphs()).containsExactly("hi", "I need help", "", "✓ ünïcödé 😀");
    }

    @Test
    public final void anAgentTextMessageWithoutAuthorNameRoundTrips() {
        Message sent = Message.agentText(f.newMessageId(), room.id(), "Hello", at(30_500),
                new MessageAuthor(agent.id().value(), agent.username(), null));

        Message stored = roundTrip(sent);

        assertThat(stored).isEqualTo(sent);
        assertThat(stored.author().name()).isNull();
        assertThat(stored.visitorToken()).isNull();
        assertThat(stored.alias()).isNull();
        assertThat(stored.isAgentText()).isTrue();
    }

    @Test
    public final void everySystemMessageTypeRoundTripsWithAnEmptyTextKeptEmpty() {
        List<Message> sent = List.of(
                Message.system(MessageType.LIVECHAT_STARTED, f.newMessageId(), room.id(), "", at(1), author(visitor)),
                Message.system(MessageType.COMMAND, f.newMessageId(), room.id(), "connected", at(2), author(agent)),
                Message.system(MessageType.USER_JOINED, f.newMessageId(), room.id(), "", at(3), author(agent)),
                Message.system(MessageType.USER_LEFT, f.newMessageId(), room.id(), agent.username(), at(4),
                        author(agent)),
                Message.close(f.newMessageId(), room.id(), "Closed by visitor", at(5), author(visitor),
                        visitor.token()),
                Message.close(f.newMessageId(), room.id(), "", at(6), author(agent), null));

        for (Message message : sent) {
            Message stored = roundTrip(message);
            assertThat(stored).isEqualTo(message);
            assertThat(stored.msg()).isNotNull();
        }
    }

    @Test
    public final void aTransferHistoryMessageRoundTripsFullAndMinimalTransferData() {
        TransferData full = new TransferData(
                new TransferData.Party(agent.id().value(), agent.username(), "Faria Masood", "agent"), at(7_000),
                "department", "please take over", "oldDepartmentId1",
                new TransferData.NextDepartment("newDepartmentId1", "Sales"),
                new TransferData.Party("otherAgentId00001", "other.agent", "Other Agent", null));
        TransferData minimal = new TransferData(
                new TransferData.Party(agent.id().value(), agent.username(), null, "user"), at(8_000), "agent",
                null, null, null, null);
        Message withFull = Message.transferHistory(f.newMessageId(), room.id(), at(7_000), author(agent), full);
        Message withMinimal = Message.transferHistory(f.newMessageId(), room.id(), at(8_000), author(agent), minimal);

        assertThat(roundTrip(withFull)).isEqualTo(withFull);
        assertThat(roundTrip(withMinimal)).isEqualTo(withMinimal);
        assertThat(messages.findById(withMinimal.id()).orElseThrow().transferData().comment()).isNull();
    }

    @Test
    public final void findByIdOfAnUnknownMessageIsEmpty() {
        assertThat(messages.findById(new MessageId("doesNotExist"))).isEmpty();
    }

    @Test
    public final void messageIdsAreUniqueAcrossRooms() {
        RoomSnapshot otherRoom = f.openRoom(f.visitor(), at(0));
        MessageId id = new MessageId("client-chosen_id-1");
        Message first = Message.visitorText(id, room.id(), "first", at(1), author(visitor), visitor.token());
        messages.insert(first);

        Message sameRoom = Message.agentText(id, room.id(), "second", at(2), author(agent));
        Message otherRoomMessage = Message.agentText(id, otherRoom.id(), "third", at(3), author(agent));
        for (Message duplicate : List.of(sameRoom, otherRoomMessage)) {
            assertThatThrownBy(() -> messages.insert(duplicate))
                    .isInstanceOfSatisfying(UniqueConstraintViolation.class,
                            e -> assertThat(e.constraint()).isEqualTo(Constraint.MESSAGE_ID));
        }

        assertThat(messages.findById(id)).contains(first);
    }

    @Test
    public final void findByRoomListsOneRoomOldestFirstWithTiesByIdAscending() {
        RoomSnapshot otherRoom = f.openRoom(f.visitor(), at(0));
        Message late = Message.agentText(new MessageId("m3"), room.id(), "late", at(500), author(agent));
        Message tieB = Message.agentText(new MessageId("m2b"), room.id(), "tie b", at(100), author(agent));
        Message tieA = Message.agentText(new MessageId("m2a"), room.id(), "tie a", at(100), author(agent));
        Message early = Message.agentText(new MessageId("m1"), room.id(), "early", at(50), author(agent));
        Message elsewhere = Message.agentText(new MessageId("m0"), otherRoom.id(), "elsewhere", at(60),
                author(agent));
        for (Message m : List.of(late, tieB, tieA, early, elsewhere)) {
            messages.insert(m);
        }

        List<Message> listed = messages.findByRoom(room.id());

        assertThat(listed).extracting(Message::id)
                .containsExactly(room.lastMessage().id(), early.id(), tieA.id(), tieB.id(), late.id());
        assertThat(messages.findByRoom(new RoomId("noSuchRoom"))).isEmpty();
    }

    @Test
    public final void visitorVisibleMessagesHideMembershipMessagesAndComeNewestFirst() {
        RoomId rid = room.id();
        Message started = messages.findByRoom(rid).get(0);
        Message command = Message.system(MessageType.COMMAND, f.newMessageId(), rid, "connected", at(1), author(agent));
        Message joined = Message.system(MessageType.USER_JOINED, f.newMessageId(), rid, "", at(1), author(agent));
        Message hi = Message.visitorText(new MessageId("tie-a"), rid, "hi", at(10), author(visitor), visitor.token());
        Message hello = Message.agentText(new MessageId("tie-b"), rid, "hello", at(10), author(agent));
        Message left = Message.system(MessageType.USER_LEFT, f.newMessageId(), rid, agent.username(), at(20),
                author(agent));
        Message transfer = Message.transferHistory(f.newMessageId(), rid, at(20),
                author(agent), new TransferData(new TransferData.Party(agent.id().value(), agent.username(), null,
                        "agent"), at(20), "agent", null, null, null, null));
        Message close = Message.close(f.newMessageId(), rid, "bye", at(30), author(agent), null);
        for (Message m : List.of(command, joined, hi, hello, left, transfer, close)) {
            messages.insert(m);
        }

        assertThat(messages.findVisitorVisible(rid, null, 0, 100)).extracting(Message::id)
                .containsExactly(close.id(), transfer.id(), hello.id(), hi.id(), started.id());
        assertThat(messages.findVisitorVisible(rid, null, 1, 2)).extracting(Message::id)
                .containsExactly(transfer.id(), hello.id());
        assertThat(messages.findVisitorVisible(rid, at(20), 0, 100)).extracting(Message::id)
                .as("before is exclusive").containsExactly(hello.id(), hi.id(), started.id());
        assertThat(messages.findVisitorVisible(rid, at(10), 0, 100)).extracting(Message::id)
                .containsExactly(started.id());
        assertThat(messages.findVisitorVisible(rid, null, 5, 100)).isEmpty();
        assertThat(messages.findVisitorVisible(rid, null, 0, 1)).extracting(Message::id).containsExactly(close.id());
    }

    @Test
    public final void concurrentInsertsOfOneIdHaveExactlyOneWinner() {
        int threads = 16;
        MessageId id = new MessageId("raced-id");

        List<Outcome<Void>> outcomes = Concurrently.runAll(threads, i -> messages.insert(
                Message.agentText(id, room.id(), "attempt " + i, at(i), author(agent))));

        List<Outcome<Void>> winners = outcomes.stream().filter(Outcome::succeeded).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.succeeded()))
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.MESSAGE_ID)));
        assertThat(messages.findById(id).orElseThrow().msg()).isEqualTo("attempt " + winners.get(0).thread());
    }

    @Test
    public final void deleteByRoomIdRemovesOnlyThatRoomsMessages() {
        RoomSnapshot other = f.openRoom(f.visitor(), at(1));
        f.visitorSays(room.id(), visitor, "hi", at(10));
        f.agentSays(room.id(), agent, "hello", at(20));

        messages.deleteByRoomId(room.id());
        messages.deleteByRoomId(room.id());
        messages.deleteByRoomId(new dev.livechat.domain.shared.RoomId("noSuchRoom"));

        assertThat(messages.findByRoom(room.id())).isEmpty();
        assertThat(messages.findVisitorVisible(room.id(), null, 0, 100)).isEmpty();
        assertThat(messages.findByRoom(other.id())).hasSize(1);
    }
}
