package dev.livechat.benchmarks.jmh;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livechat.adapter.http.json.Json;
import dev.livechat.adapter.http.mapping.TokenVisibility;
import dev.livechat.adapter.http.mapping.WireJson;
import dev.livechat.domain.room.RoomSnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * One full room document (contract 2.2) as the HTTP adapter writes it: {@link WireJson#room} builds the tree, then
 * {@link Json#toBytes} writes it. A closed room with metrics, tags, survey and a closing message is the largest
 * common shape.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoomJsonBenchmark {

    private RoomSnapshot room;
    private TokenVisibility agentView;
    private ObjectNode tree;

    @Setup
    public void setUp() {
        room = Fixtures.closedRoom(1, 537);
        agentView = TokenVisibility.agent(false);
        tree = WireJson.room(room, agentView);
    }

    /** Mapping and writing together: what one room costs a response. */
    @Benchmark
    public byte[] roomToBytes() {
        return Json.toBytes(WireJson.room(room, agentView));
    }

    /** The mapping alone (domain snapshot to Jackson tree). */
    @Benchmark
    public ObjectNode roomTree() {
        return WireJson.room(room, agentView);
    }

    /** The writing alone (Jackson tree to UTF-8 bytes). */
    @Benchmark
    public byte[] treeToBytes() {
        return Json.toBytes(tree);
    }
}
