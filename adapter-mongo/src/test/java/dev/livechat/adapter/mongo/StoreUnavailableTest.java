package dev.livechat.adapter.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.livechat.domain.error.StoreUnavailableException;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Connectivity failures reach callers as {@link StoreUnavailableException}, never as a driver exception or a secret. */
class StoreUnavailableTest {

    /**
     * Short enough that the calls after the shutdown fail quickly, long enough that opening on a live in-process
     * server succeeds on a loaded two-core machine (300 ms did not).
     */
    private static final String FAST_FAIL = "?serverSelectionTimeoutMS=1500&connectTimeoutMS=1500&socketTimeoutMS=1500";

    @Test
    void opening_a_store_on_an_unreachable_server_is_store_unavailable_without_the_password() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThatThrownBy(() -> MongoStore.open("mongodb://livechat:s3cr3t-pw@127.0.0.1:" + port + "/db" + FAST_FAIL,
                Clock.systemUTC()))
                .isInstanceOf(StoreUnavailableException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-pw"));
    }

    @Test
    void a_malformed_connection_string_is_refused_without_echoing_it() {
        assertThatThrownBy(() -> MongoStore.open("mongodb://user:s3cr3t-pw@/db?nonsense==", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-pw"));
    }

    @Test
    void every_port_answers_store_unavailable_once_the_server_is_gone() {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        MongoStore store = MongoStore.open("mongodb://" + address.getHostString() + ":" + address.getPort()
                + "/gone" + FAST_FAIL, Clock.systemUTC());
        try {
            store.ports().rooms().insert(Samples.openRoom("r1", "v1", "tok-1", Samples.T0).snapshot());
            server.shutdownNow();

            List<Runnable> calls = List.of(
                    () -> store.ports().rooms().findById(new RoomId("r1")),
                    () -> store.ports().rooms().findOpenByVisitorToken(new VisitorToken("tok-1")),
                    () -> store.ports().rooms().update(Samples.openRoom("r1", "v1", "tok-1", Samples.T0).snapshot()),
                    () -> store.ports().visitors().nextGuestNumber(),
                    () -> store.ports().users().findByUsername("someone"),
                    () -> store.ports().chatSearch().chatHistory(new VisitorId("v1"), List.of(), 0, 10),
                    () -> store.ports().transactions().inTransaction(() -> {
                        store.ports().routing().lockRouting();
                        return null;
                    }));
            for (Runnable call : calls) {
                assertThatThrownBy(call::run).isInstanceOf(StoreUnavailableException.class)
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("tok-1"));
            }
        } finally {
            store.close();
            server.shutdownNow();
        }
    }
}
