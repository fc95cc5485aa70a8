package dev.livechat.domain.room;

import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageAuthor;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's worked example 5.7, every row, with the room state the row states (and 2.2's snapshots). */
class WorkedExampleTest {

    private static final RoomId RID = new RoomId("hhMKhHnnbY79mGs9K");
    private static final VisitorId VISITOR = new VisitorId("QyBAKC5Wc8tcv6cco");
    private static final VisitorToken TOKEN = new VisitorToken("8s7e9ony6ctl27e1qf8kue");
    private static final MessageAuthor MARIA = new MessageAuthor(VISITOR.value(), "guest-537", "Maria");
    private static final UserId FARIA_ID = new UserId("XycfA5CetCPuEjqxw");
    private static final MessageAuthor FARIA = new MessageAuthor(FARIA_ID.value(), "faria.masood", "Faria Masood");

    private int messageCounter;

    private static Instant at(String time) {
        return Instant.parse("2024-05-01T" + time + "Z");
    }

    private MessageId nextId() {
        return new MessageId("message" + ++messageCounter);
    }

    private Message visitor(String text, String time) {
        return Message.visitorText(nextId(), RID, text, at(time), MARIA, TOKEN);
    }

    private Message agent(String text, String time) {
        return Message.agentText(nextId(), RID, text, at(time), FARIA);
    }

    @Test
    void everyRowOfTheWorkedExample() {
        // 10:00:00.000 room opened
        Room room = Room.open(RID, VISITOR, "guest-537", TOKEN, "Maria", new DepartmentId("CAJioQNAvLnYWTy8i"),
                RoomSource.API, at("10:00:00.000"));
        Message started = Message.system(MessageType.LIVECHAT_STARTED, nextId(), RID, "", at("10:00:00.000"), MARIA);
        room.record(started);
        RoomSnapshot s = room.snapshot();
        assertThat(s.msgs()).isEqualTo(1);
        assertThat(s.usersCount()).isEqualTo(1);
        assertThat(s.lastMessage()).isEqualTo(started);
        assertThat(s.lm()).isEqualTo(at("10:00:00.000"));
        assertThat(s.ts()).isEqualTo(at("10:00:00.000"));
        assertThat(s.fname()).isEqualTo("Maria");
        assertThat(s.metrics().isEmpty()).isTrue();
        assertThat(s.waitingResponse()).isTrue();
        assertThat(s.responseBy()).isNull();
        assertThat(s.open()).isTrue();

        // 10:00:00.010 agent assigned
        room.assign(new ServedBy(FARIA_ID, "faria.masood", at("10:00:00.010")));
        room.record(Message.system(MessageType.COMMAND, nextId(), RID, "connected", at("10:00:00.010"), FARIA));
        room.record(Message.system(MessageType.USER_JOINED, nextId(), RID, "", at("10:00:00.010"), FARIA));
        s = room.snapshot();
        assertThat(s.msgs()).isEqualTo(3);
        assertThat(s.usersCount()).isEqualTo(2);
        assertThat(s.servedBy()).isEqualTo(new ServedBy(FARIA_ID, "faria.masood", at("10:00:00.010")));
        assertThat(s.lastMessage()).isEqualTo(started);
        assertThat(s.lm()).isEqualTo(at("10:00:00.000"));
        assertThat(s.metrics().isEmpty()).isTrue();
        assertThat(s.waitingResponse()).isTrue();
        assertThat(s.responseBy()).isNull();
        assertThat(s.updatedAt()).isEqualTo(at("10:00:00.010"));

        // 10:00:10.000 visitor "hi"
        Message hi = visitor("hi", "10:00:10.000");
        room.record(hi);
        s = room.snapshot();
        assertThat(s.msgs()).isEqualTo(4);
        assertThat(s.lastMessage()).isEqualTo(hi);
        assertThat(s.lm()).isEqualTo(at("10:00:10.000"));
        assertThat(s.metrics()).isEqualTo(metrics(at("10:00:10.000"), null, null, null, null, null, null, null, null));
        assertThat(s.waitingResponse()).isTrue();
        assertThat(s.responseBy()).isNull();
        assertThat(s.visitor().lastMessageTs()).isEqualTo(at("10:00:10.000"));

        // 10:00:20.000 visitor "anyone?"
        Message anyone = visitor("anyone?", "10:00:20.000");
        room.record(anyone);
        s = room.snapshot();
        assertThat(s.msgs()).isEqualTo(5);
        assertThat(s.lastMessage()).isEqualTo(anyone);
        assertThat(s.metrics()).as("unchanged").isEqualTo(metrics(at("10:00:10.000"), null, null, null, null, null,
                null, null, null));
        assertThat(s.waitingResponse()).isTrue();
        assertThat(s.responseBy()).isNull();
        assertThat(s.visitor().lastMessageTs()).isEqualTo(at("10:00:20.000"));

        // 10:00:30.500 agent "Hello Maria, ..." - the first response
        Message hello = agent("Hello Maria, how can I help?", "10:00:30.500");
        room.record(hello);
        s = room.snapshot();
        assertThat(s.msgs()).isEqualTo(6);
        assertThat(s.lastMessage()).isEqualTo(hello);
        assertThat(s.metrics()).isEqualTo(metrics(at("10:00:10.000"), at("10:00:30.500"), at("10:00:30.500"),
                20_500L, 20_500L, 1, 30_490L, 30_490L, null));
        assertThat(s.metrics().responseAverageSeconds()).isEqualTo(20.5);
        assertThat(s.metrics().reactionFirstDate()).isEqualTo(at("10:00:30.500"));
        assertThat(s.waitingResponse()).isFalse();
        assertThat(s.responseBy()).isEqualTo(new ResponseBy(FARIA_ID, "faria.masood", at("10:00:30.500"),
                at("10:00:30.500")));
        assertThat(s.visitor().lastMessageTs()).as("2.2 example").isEqualTo(at("10:00:20.000"));
        assertThat(s.usersCount()).isEqualTo(2);

        // 10:00:40.000 agent "Let me check" - nothing pending
        Message check = agent("Let me check", "10:00:40.000");
        room.record(check);
        s = room.snapshot();
        assertThat(s.msgs()).isEqualTo(7);
        assertThat(s.lastMessage()).isEqualTo(check);
        assertThat(s.metrics()).as("unchanged").isEqualTo(metrics(at("10:00:10.000"), at("10:00:30.500"),
                at("10:00:30.500"), 20_500L, 20_500L, 1, 30_490L, 30_490L, null));
        assertThat(s.waitingResponse()).isFalse();
        assertThat(s.responseBy()).isEqualTo(new ResponseBy(FARIA_ID, "faria.masood", at("10:00:30.500"),
                at("10:00:40.000")));

        // 10:01:00.000 visitor "One more thing" - a new turn
        Message oneMore = visitor("One more thing", "10:01:00.000");
        room.record(oneMore);
        s = room.snapshot();
        assertThat(s.msgs()).isEqualTo(8);
        assertThat(s.lastMessage()).isEqualTo(oneMore);
        assertThat(s.metrics()).isEqualTo(metrics(at("10:01:00.000"), at("10:00:30.500"), at("10:00:30.500"),
                20_500L, 20_500L, 1, 30_490L, 30_490L, null));
        assertThat(s.waitingResponse()).isTrue();
        assertThat(s.responseBy()).isNull();

        // 10:01:04.250 agent "Sure" - a later response
        Message sure = agent("Sure", "10:01:04.250");
        room.record(sure);
        s = room.snapshot();
        assertThat(s.msgs()).isEqualTo(9);
        assertThat(s.lastMessage()).isEqualTo(sure);
        assertThat(s.metrics()).isEqualTo(metrics(at("10:01:00.000"), at("10:01:04.250"), at("10:00:30.500"),
                20_500L, 24_750L, 2, 30_490L, 34_740L, null));
        assertThat(s.metrics().responseAverageSeconds()).isEqualTo(12.375);
        assertThat(s.waitingResponse()).isFalse();
        assertThat(s.responseBy()).isEqualTo(new ResponseBy(FARIA_ID, "faria.masood", at("10:01:04.250"),
                at("10:01:04.250")));

        // 10:02:00.000 the visitor closes
        room.close(Closer.VISITOR, new ClosedBy(VISITOR.value(), "guest-537"), List.of(), at("10:02:00.000"));
        Message close = Message.close(nextId(), RID, "Closed by visitor", at("10:02:00.000"), MARIA, TOKEN);
        room.record(close);
        s = room.snapshot();
        assertThat(s.msgs()).isEqualTo(10);
        assertThat(s.lastMessage()).isEqualTo(close);
        assertThat(s.lm()).isEqualTo(at("10:02:00.000"));
        assertThat(s.metrics().chatDurationMs()).isEqualTo(120_000L);
        assertThat(s.metrics().serviceTimeDurationMs()).isEqualTo(119_990L);
        assertThat(s.metrics().visitorLastQuery()).isEqualTo(at("10:01:00.000"));
        assertThat(s.metrics().agentLastReply()).isEqualTo(at("10:01:04.250"));
        assertThat(s.metrics().responseTotalTimeMs()).isEqualTo(24_750L);
        assertThat(s.metrics().reactionTotalTimeMs()).isEqualTo(34_740L);
        assertThat(s.waitingResponse()).as("unchanged by the close").isFalse();
        assertThat(s.responseBy()).as("unchanged by the close").isEqualTo(new ResponseBy(FARIA_ID, "faria.masood",
                at("10:01:04.250"), at("10:01:04.250")));
        assertThat(s.open()).isFalse();
        assertThat(s.closedAt()).isEqualTo(at("10:02:00.000"));
        assertThat(s.closer()).isEqualTo(Closer.VISITOR);
        assertThat(s.closedBy()).isEqualTo(new ClosedBy(VISITOR.value(), "guest-537"));
        assertThat(s.visitor().status()).isEqualTo("offline");
        assertThat(s.visitor().lastMessageTs()).isEqualTo(at("10:01:00.000"));
        assertThat(s.servedBy()).as("kept after close").isNotNull();
        assertThat(room.closingMessage()).contains(close);
    }

    private static RoomMetrics metrics(Instant lq, Instant lr, Instant firstResponse, Long responseFt, Long responseTt,
                                       Integer total, Long reactionFt, Long reactionTt, Long chatDuration) {
        return new RoomMetrics(lq, lr, firstResponse, responseFt, responseTt, total, firstResponse, reactionFt,
                reactionTt, chatDuration, null);
    }
}
