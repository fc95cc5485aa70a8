package dev.livechat.bootstrap;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar livechat.jar} as a child process: start-up output, failures, SIGTERM, secrets in logs. */
class LauncherProcessTest {

    private static Process launch(Map<String, String> environment, Path out, Path err) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LivechatServer.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("LIVECHAT_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HttpResponse<String> await(HttpClient client, HttpRequest request, Process process) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                assertThat(process.isAlive()).as("server process alive").isTrue();
                Thread.sleep(50);
            }
        }
        throw new AssertionError("server did not answer");
    }

    @Test
    void prints_the_generated_admin_password_once_serves_and_stops_cleanly_on_sigterm() throws Exception {
        Path dir = Files.createTempDirectory("livechat-launcher");
        Path out = dir.resolve("out.log");
        Path err = dir.resolve("err.log");
        int port = freePort();
        Process process = launch(Map.of("LIVECHAT_PORT", String.valueOf(port),
                "LIVECHAT_DB_URL", "jdbc:h2:mem:launcher-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"), out, err);
        try {
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> info = await(client, HttpRequest.newBuilder(URI.create(base + "/api/info")).build(), process);
            assertThat(info.statusCode()).isEqualTo(200);

            List<String> stdout = Files.readAllLines(out, StandardCharsets.UTF_8);
            assertThat(stdout).hasSize(1);
            assertThat(stdout.get(0)).matches("Generated password for admin user \"admin\": [2-9A-HJ-NP-Za-km-z]{24}");
            String password = stdout.get(0).substring(stdout.get(0).lastIndexOf(' ') + 1);

            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"admin\",\"password\":\"" + password + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            String authToken = login.body().replaceAll(".*\"authToken\":\"([^\"]+)\".*", "$1");
            client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/livechat/room?token=secret-visitor-token"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/livechat/visitor/secret-visitor-token"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).header("X-User-Id", "x")
                    .header("X-Auth-Token", authToken).build(), HttpResponse.BodyHandlers.ofString());

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String logs = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(logs).contains("GET /api/info 200").contains("Livechat stopped");
            assertThat(logs).doesNotContain(password).doesNotContain(authToken).doesNotContain("secret-visitor-token");
            assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).hasSize(1);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void an_unknown_store_scheme_stops_with_status_1_and_one_line() throws Exception {
        Path dir = Files.createTempDirectory("livechat-launcher");
        Path out = dir.resolve("out.log");
        Path err = dir.resolve("err.log");
        Process process = launch(Map.of("LIVECHAT_DB_URL", "jdbc:sqlite:livechat.db"), out, err);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(Files.readAllLines(err, StandardCharsets.UTF_8)).containsExactly(
                "livechat: LIVECHAT_DB_URL: unsupported store URL; expected a URL starting with jdbc:h2:, "
                        + "jdbc:postgresql://, jdbc:mariadb://, mongodb:// or mongodb+srv://");
        assertThat(Files.readString(out)).isEmpty();
    }

    @Test
    void an_unreachable_store_stops_with_status_1_without_the_password() throws Exception {
        Path dir = Files.createTempDirectory("livechat-launcher");
        Path out = dir.resolve("out.log");
        Path err = dir.resolve("err.log");
        Process process = launch(Map.of("LIVECHAT_DB_URL", "jdbc:postgresql://127.0.0.1:1/none",
                "LIVECHAT_DB_PASSWORD", "db-secret-value"), out, err);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(Files.readAllLines(err, StandardCharsets.UTF_8))
                .containsExactly("livechat: LIVECHAT_DB_URL: the store is unreachable");
    }
}
