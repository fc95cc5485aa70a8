package dev.livechat.bootstrap;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durability of the default store (embedded H2 in {@code ./data/}): the server is killed with SIGKILL while writers
 * register visitors, open rooms and send messages; after a restart on the same files every request that had been
 * answered 200 is there, and the database opens without complaint. Two kill cycles, so that a database that was
 * itself recovered from a kill is killed again.
 */
class KillDurabilityProcessTest {

    private static final int WRITERS = 4;
    private static final Pattern ROOM_ID = Pattern.compile("^\\{\"room\":\\{\"_id\":\"([^\"]+)\"");

    /** What the server acknowledged with 200 so far: a visitor's token, its room (or null), its messages' ids. */
    private static final class Acknowledged {
        final String token;
        volatile String roomId;
        final List<String> messageIds = new java.util.concurrent.CopyOnWriteArrayList<>();

        Acknowledged(String token) {
            this.token = token;
        }
    }

    @Test
    void every_acknowledged_write_survives_sigkill_and_the_database_reopens_cleanly() throws Exception {
        Path workingDirectory = Files.createTempDirectory("livechat-durability");
        // The default LIVECHAT_DB_URL (jdbc:h2:file:./data/livechat), resolved in the child's working directory.
        Map<String, String> environment = Map.of("LIVECHAT_ADMIN_PASSWORD", "admin-secret-1",
                "LIVECHAT_RATE_LIMIT", "off", "LIVECHAT_ACCEPT_CHATS_WITH_NO_AGENTS", "true");
        List<Acknowledged> acknowledged = new ArrayList<>();
        for (int cycle = 1; cycle <= 2; cycle++) {
            try (ChildServer server = ChildServer.start(workingDirectory, environment, List.of())) {
                assertEverythingIsThere(server, acknowledged);
                acknowledged.addAll(writeUntilKilled(server, "c" + cycle));
                assertThat(server.process().isAlive()).isFalse();
            }
        }
        try (ChildServer server = ChildServer.start(workingDirectory, environment, List.of())) {
            assertEverythingIsThere(server, acknowledged);
            assertThat(server.stop()).isTrue();
            assertThat(server.stderr()).doesNotContain("ERROR").doesNotContain("WARN");
        }
    }

    /** Runs the writers for a second, kills the server under them, and returns what was acknowledged before. */
    private static List<Acknowledged> writeUntilKilled(ChildServer server, String prefix) throws Exception {
        ConcurrentLinkedQueue<Acknowledged> done = new ConcurrentLinkedQueue<>();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<java.util.concurrent.Future<Object>> running = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String writer = prefix + "w" + w;
            running.add(writers.submit(() -> {
                for (int i = 0; !killed.get(); i++) {
                    try {
                        conversation(server, writer + "n" + i, done);
                    } catch (IOException | IllegalStateException interruptedByTheKill) {
                        // the request in flight when the server died was never acknowledged
                    }
                }
                return null;
            }));
        }
        // Kill in the middle of the writing, once a fair number of conversations went through.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (done.size() < 40 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        server.kill();
        killed.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        for (java.util.concurrent.Future<Object> writer : running) {
            writer.get(); // an assertion that failed in a writer (a 500) fails the test
        }
        assertThat(done).as("conversations acknowledged before the kill").hasSizeGreaterThan(10);
        return List.copyOf(done);
    }

    /**
     * Registers a visitor, opens its room and sends three messages, recording each acknowledgement as it arrives; stops
     * at the first answer that is not 200 or at the first failed connection.
     */
    private static void conversation(ChildServer server, String name, ConcurrentLinkedQueue<Acknowledged> done)
            throws IOException, InterruptedException {
        String token = "token-" + name;
        require(post(server, "/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"" + token + "\",\"name\":\"" + name + "\"}}"));
        Acknowledged ack = new Acknowledged(token);
        done.add(ack);
        HttpResponse<String> room = send(server, HttpRequest.newBuilder(URI.create(server.base()
                + "/api/v1/livechat/room?token=" + token)).GET());
        require(room);
        Matcher id = ROOM_ID.matcher(room.body());
        assertThat(id.find()).as(room.body()).isTrue();
        ack.roomId = id.group(1);
        for (int m = 0; m < 3; m++) {
            String messageId = ("m" + name + "x" + m).replace('-', '_');
            require(post(server, "/api/v1/livechat/message", "{\"token\":\"" + token + "\",\"rid\":\""
                    + ack.roomId + "\",\"msg\":\"message " + m + "\",\"_id\":\"" + messageId + "\"}"));
            ack.messageIds.add(messageId);
        }
    }

    private static void assertEverythingIsThere(ChildServer server, List<Acknowledged> acknowledged) throws Exception {
        for (Acknowledged a : acknowledged) {
            HttpResponse<String> visitor = send(server, HttpRequest.newBuilder(URI.create(server.base()
                    + "/api/v1/livechat/visitor/" + a.token)).GET());
            assertThat(visitor.statusCode()).as("visitor %s: %s", a.token, visitor.body()).isEqualTo(200);
            if (a.roomId == null) {
                continue;
            }
            HttpResponse<String> room = send(server, HttpRequest.newBuilder(URI.create(server.base()
                    + "/api/v1/livechat/room?token=" + a.token + "&rid=" + a.roomId)).GET());
            assertThat(room.statusCode()).as("room of %s: %s", a.token, room.body()).isEqualTo(200);
            HttpResponse<String> history = send(server, HttpRequest.newBuilder(URI.create(server.base()
                    + "/api/v1/livechat/messages.history/" + a.roomId + "?token=" + a.token + "&limit=100")).GET());
            assertThat(history.statusCode()).isEqualTo(200);
            for (String messageId : a.messageIds) {
                assertThat(history.body()).as("message %s of %s", messageId, a.token)
                        .contains("\"_id\":\"" + messageId + "\"");
            }
        }
    }

    private static void require(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isNotEqualTo(500);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    private static HttpResponse<String> post(ChildServer server, String path, String json)
            throws IOException, InterruptedException {
        return send(server, HttpRequest.newBuilder(URI.create(server.base() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> send(ChildServer server, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return server.client().send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
