package dev.livechat.benchmarks.jmh;

import dev.livechat.domain.message.Message;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The metrics update per message ({@link Room#record}): what every {@code livechat/message} and {@code chat.sendMessage}
 * pays in the domain before the store is touched. Each operation restores the room from a fixed snapshot (a field
 * read, as the adapters do) and records one message into it, so every invocation sees the same state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoomRecordBenchmark {

    private RoomSnapshot awaitingVisitor;
    private RoomSnapshot awaitingAgent;
    private Message visitorText;
    private Message agentText;

    @Setup
    public void setUp() {
        Room room = Fixtures.openServedRoom(1, 537, Fixtures.T0);
        List<Message> turns = Fixtures.conversation(room, 537, 3, Fixtures.T0);
        // Two full turns first, so that both messages update every metric (response, reaction, responseBy).
        for (int i = 0; i < 4; i++) {
            room.record(turns.get(i));
        }
        awaitingVisitor = room.snapshot();
        visitorText = turns.get(4);
        room.record(visitorText);
        awaitingAgent = room.snapshot();
        agentText = turns.get(5);
    }

    /** A visitor text message: {@code v.lq}, {@code v.lastMessageTs}, {@code waitingResponse}. */
    @Benchmark
    public RoomSnapshot visitorMessage() {
        Room room = Room.restore(awaitingVisitor);
        room.record(visitorText);
        return room.snapshot();
    }

    /** An agent text message answering it: response and reaction times, {@code responseBy}. */
    @Benchmark
    public RoomSnapshot agentMessage() {
        Room room = Room.restore(awaitingAgent);
        room.record(agentText);
        return room.snapshot();
    }
}
