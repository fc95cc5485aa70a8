package dev.livechat.domain.room;

import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageAuthor;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.message.TransferData;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The metrics, response-tracking and close rules of contract 5.2–5.6 beyond the worked example. */
class RoomRulesTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final RoomId RID = new RoomId("room1");
    private static final VisitorToken TOKEN = new VisitorToken("token");
    private static final MessageAuthor VISITOR = new MessageAuthor("visitor1", "guest-1", null);
    private static final UserId AGENT_ID = new UserId("agent1");
    private static final MessageAuthor AGENT = new MessageAuthor(AGENT_ID.value(), "agent", "Agent");

    private Room room;
    private int ids;

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    @BeforeEach
    void openServedRoom() {
        room = Room.open(RID, new VisitorId("visitor1"), "guest-1", TOKEN, null, null, RoomSource.API, T0);
        room.record(system(MessageType.LIVECHAT_STARTED, "", 0, VISITOR));
        room.assign(new ServedBy(AGENT_ID, "agent", at(10)));
    }

    private Message system(MessageType type, String text, long millis, MessageAuthor author) {
        return Message.system(type, new MessageId("m" + ++ids), RID, text, at(millis), author);
    }

    private Message visitorSays(long millis) {
        return Message.visitorText(new MessageId("m" + ++ids), RID, "visitor text", at(millis), VISITOR, TOKEN);
    }

    private Message agentSays(long millis) {
        return Message.agentText(new MessageId("m" + ++ids), RID, "agent text", at(millis), AGENT);
    }

    @Test
    void anAgentGreetingBeforeAnyVisitorMessageIsNoResponseButEndsTheWait() {
        room.record(agentSays(5_000));

        RoomSnapshot s = room.snapshot();
        assertThat(s.metrics().isEmpty()).as("fix 2: nothing pending, no response").isTrue();
        assertThat(s.waitingResponse()).as("5.5 still applies").isFalse();
        assertThat(s.responseBy()).isEqualTo(new ResponseBy(AGENT_ID, "agent", at(5_000), at(5_000)));

        room.record(visitorSays(8_000));
        room.record(agentSays(9_000));
        s = room.snapshot();
        assertThat(s.metrics().responseFirstTimeMs()).as("measured from the visitor's message").isEqualTo(1_000L);
        assertThat(s.metrics().reactionFirstTimeMs()).as("measured from the assignment").isEqualTo(8_990L);
        assertThat(s.metrics().responseCount()).isEqualTo(1);
        assertThat(s.waitingResponse()).isFalse();
        assertThat(s.responseBy().firstResponseTs()).isEqualTo(at(9_000));
    }

    @Test
    void systemMessagesNeverFeedMetricsOrResponseTracking() {
        room.record(visitorSays(1_000));
        RoomSnapshot before = room.snapshot();

        room.record(system(MessageType.COMMAND, "connected", 2_000, AGENT));
        room.record(system(MessageType.USER_JOINED, "", 2_000, AGENT));
        room.record(system(MessageType.USER_LEFT, "agent", 2_000, AGENT));
        room.record(Message.transferHistory(new MessageId("transfer"), RID, at(3_000), AGENT,
                new TransferData(new TransferData.Party(AGENT_ID.value(), "agent", null, "agent"), at(3_000), "agent",
                        null, null, null, null)));

        RoomSnapshot after = room.snapshot();
        assertThat(after.metrics()).isEqualTo(before.metrics());
        assertThat(after.waitingResponse()).isTrue();
        assertThat(after.responseBy()).isNull();
        assertThat(after.msgs()).isEqualTo(before.msgs() + 4);
        assertThat(after.lastMessage().type()).as("room events move lastMessage").isEqualTo(MessageType.TRANSFER_HISTORY);
        assertThat(after.lm()).isEqualTo(at(3_000));
    }

    @Test
    void membershipMessagesCountButLeaveLastMessageAndLm() {
        RoomSnapshot before = room.snapshot();
        room.record(system(MessageType.COMMAND, "connected", 7_000, AGENT));

        assertThat(room.snapshot().msgs()).isEqualTo(before.msgs() + 1);
        assertThat(room.snapshot().lastMessage()).isEqualTo(before.lastMessage());
        assertThat(room.snapshot().lm()).isEqualTo(before.lm());
        assertThat(room.snapshot().updatedAt()).isEqualTo(at(7_000));
    }

    @Test
    void averagesAreTotalMillisecondsOverCount() {
        room.record(visitorSays(0));
        room.record(agentSays(1));
        room.record(visitorSays(2));
        room.record(agentSays(2));
        room.record(visitorSays(3));
        room.record(agentSays(3));

        assertThat(room.snapshot().metrics().responseTotalTimeMs()).isEqualTo(1L);
        assertThat(room.snapshot().metrics().responseAverageSeconds()).isEqualTo(1 / 3.0 / 1000);
    }

    @Test
    void closingAnUnservedRoomHasNoServiceTime() {
        Room unserved = Room.open(new RoomId("room2"), new VisitorId("visitor1"), "guest-1", TOKEN, null, null,
                RoomSource.WIDGET, T0);
        unserved.close(Closer.USER, new ClosedBy("manager", "manager"), List.of("b", "a", "b"), at(600_000));

        RoomMetrics metrics = unserved.snapshot().metrics();
        assertThat(metrics.chatDurationMs()).isEqualTo(600_000L);
        assertThat(metrics.serviceTimeDurationMs()).isNull();
        assertThat(unserved.snapshot().tags()).containsExactly("b", "a");
    }

    @Test
    void aClosedRoomTakesNoTextMessagesAndCannotCloseAgain() {
        room.close(Closer.VISITOR, new ClosedBy("visitor1", "guest-1"), List.of(), at(1_000));

        assertThatThrownBy(() -> room.record(visitorSays(2_000))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> room.record(agentSays(2_000))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> room.close(Closer.USER, new ClosedBy("agent1", "agent"), List.of(), at(3_000)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aForwardMovesTheJoinTimeButResetsNoMetric() {
        room.record(visitorSays(1_000));
        room.record(agentSays(2_000));
        room.assign(new ServedBy(new UserId("agent2"), "other", at(3_000)));
        room.record(visitorSays(4_000));
        room.record(Message.agentText(new MessageId("late"), RID, "hi", at(6_000),
                new MessageAuthor("agent2", "other", null)));

        RoomMetrics metrics = room.snapshot().metrics();
        assertThat(metrics.responseCount()).isEqualTo(2);
        assertThat(metrics.responseFirstTimeMs()).isEqualTo(1_000L);
        assertThat(metrics.reactionFirstTimeMs()).isEqualTo(1_990L);
        assertThat(metrics.reactionTotalTimeMs()).isEqualTo(1_990L + 2_000L);
        assertThat(room.snapshot().usersCount()).isEqualTo(3);
    }
}
