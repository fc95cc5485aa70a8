package dev.livechat.bootstrap;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract 1.16 on the launcher as a child process: the whole README walkthrough (and its usual mistakes) runs against
 * a fresh server, then everything it wrote to standard output and standard error is searched for every secret of the
 * run — the admin's and the agent's passwords, both login tokens and their stored hashes, both visitor tokens, the
 * password hashes read from the database afterwards. Only the generated admin password appears, once, on standard
 * output.
 */
class LogSecretsProcessTest {

    private static final Pattern USER_ID = Pattern.compile("\"userId\":\"([^\"]+)\"");
    private static final Pattern AUTH_TOKEN = Pattern.compile("\"authToken\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"_id\":\"([^\"]+)\"");

    private ChildServer server;
    private final List<String> secrets = new ArrayList<>();

    private HttpResponse<String> call(String method, String path, String json, String userId, String authToken)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.base() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (userId != null) {
            builder.header("X-User-Id", userId).header("X-Auth-Token", authToken);
        }
        HttpResponse<String> response = server.client().send(builder.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s", method, path).isNotEqualTo(500);
        return response;
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }

    private static String hash(String loginToken) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(loginToken.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(digest);
    }

    @Test
    void a_full_walkthrough_writes_no_token_password_or_hash_to_any_log() throws Exception {
        Path directory = Files.createTempDirectory("livechat-secrets");
        String url = "jdbc:h2:file:" + directory.resolve("db").toAbsolutePath();
        String stdout;
        String stderr;
        try (ChildServer started = ChildServer.start(directory, Map.of("LIVECHAT_DB_URL", url), List.of())) {
            server = started;
            String adminPassword = started.stdout().trim().replaceAll(".*: ", "");
            assertThat(adminPassword).hasSize(24);
            secrets.add(adminPassword);

            // 1. the admin logs in (after a wrong password) and creates an agent
            call("POST", "/api/v1/login", "{\"user\":\"admin\",\"password\":\"wrong-password-" + adminPassword + "\"}",
                    null, null);
            String admin = call("POST", "/api/v1/login", "{\"user\":\"admin\",\"password\":\"" + adminPassword + "\"}",
                    null, null).body();
            String adminId = first(USER_ID, admin);
            String adminToken = first(AUTH_TOKEN, admin);
            secrets.add(adminToken);
            secrets.add(hash(adminToken));
            String agentPassword = "agent-pass-Zq81";
            secrets.add(agentPassword);
            call("POST", "/api/v1/users.create", "{\"email\":\"faria@example.com\",\"name\":\"Faria Masood\",\"password\":\""
                    + agentPassword + "\",\"username\":\"faria.masood\",\"roles\":[\"user\",\"livechat-agent\"]}",
                    adminId, adminToken);
            String agent = call("POST", "/api/v1/login", "{\"user\":\"faria.masood\",\"password\":\"" + agentPassword
                    + "\"}", null, null).body();
            String agentId = first(USER_ID, agent);
            String agentToken = first(AUTH_TOKEN, agent);
            secrets.add(agentToken);
            secrets.add(hash(agentToken));
            call("GET", "/api/v1/me", null, agentId, agentToken + "x"); // a wrong token: 401

            // 2. a visitor registers and opens a room; they talk; the visitor closes and rates
            String visitorToken = "maria-visitor-token-9f3Kq";
            secrets.add(visitorToken);
            call("POST", "/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"" + visitorToken + "\",\"name\":\"Maria\","
                    + "\"email\":\"maria@example.com\"}}", null, null);
            String room = call("GET", "/api/v1/livechat/room?token=" + visitorToken, null, agentId, agentToken).body();
            String rid = first(ID, room);
            String visitorId = first(Pattern.compile("\"v\":\\{\"_id\":\"([^\"]+)\""), room);
            call("POST", "/api/v1/livechat/message", "{\"token\":\"" + visitorToken + "\",\"rid\":\"" + rid
                    + "\",\"msg\":\"I have a question about my invoice\"}", null, null);
            call("POST", "/api/v1/livechat/message", "{\"token\":\"" + visitorToken + "\",\"rid\":\"" + rid
                    + "\",\"msg\":\"broken json\",}", null, null);
            call("POST", "/api/v1/chat.sendMessage", "{\"message\":{\"rid\":\"" + rid + "\",\"msg\":\"Hello Maria\"}}",
                    agentId, agentToken);
            call("GET", "/api/v1/livechat/messages.history/" + rid + "?token=" + visitorToken + "&limit=5", null, null, null);
            call("GET", "/api/v1/livechat/visitor/" + visitorToken, null, null, null);
            call("GET", "/api/v1/livechat/visitor/" + URLEncoder.encode(visitorToken + "/x", StandardCharsets.UTF_8),
                    null, null, null);
            call("POST", "/api/v1/livechat/room.close", "{\"token\":\"" + visitorToken + "\",\"rid\":\"" + rid + "\"}",
                    null, null);
            call("POST", "/api/v1/livechat/room.survey", "{\"token\":\"" + visitorToken + "\",\"rid\":\"" + rid
                    + "\",\"data\":[{\"name\":\"satisfaction\",\"value\":\"5\"}]}", null, null);

            // 3. the agent reads the history, searches, and moves the room to the visitor's second token
            call("GET", "/api/v1/livechat/visitors.chatHistory/room/" + rid + "/visitor/" + visitorId, null, agentId,
                    agentToken);
            call("GET", "/api/v1/livechat/visitors.searchChats/room/" + rid + "/visitor/" + visitorId
                    + "?searchText=INVOICE&closedChatsOnly=true&token=" + visitorToken, null, agentId, agentToken);
            String secondToken = "maria-second-token-7Hw2x";
            secrets.add(secondToken);
            String other = call("POST", "/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"" + secondToken
                    + "\",\"name\":\"Maria\"}}", null, null).body();
            call("PUT", "/api/v1/livechat/room.visitor", "{\"rid\":\"" + rid + "\",\"visitorId\":\"" + first(ID, other)
                    + "\"}", agentId, agentToken);
            call("GET", "/api/v1/livechat/room?token=" + secondToken + "&Token=" + secondToken + "&password="
                    + agentPassword, null, null, null);
            call("POST", "/api/v1/logout", null, agentId, agentToken);
            call("POST", "/api/v1/logout", null, adminId, adminToken);

            assertThat(started.stop()).isTrue();
            stdout = started.stdout();
            stderr = started.stderr();
        }
        // the stored password hashes, read once the server has let go of the database
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT password_hash FROM users")) {
            while (rs.next()) {
                secrets.add(rs.getString(1));
            }
        }
        assertThat(secrets).hasSize(10);
        assertThat(stderr).contains("POST /api/v1/login 200", "GET /api/v1/livechat/room?token=[redacted] 200",
                "GET /api/v1/livechat/visitor/[redacted] 200", "POST /api/v1/logout 200", "Livechat stopped");
        for (String secret : secrets.subList(1, secrets.size())) {
            assertThat(stdout + stderr).as("logs").doesNotContain(secret);
        }
        // the one exception: the generated admin password, printed once on standard output, never in the log
        assertThat(stdout.lines().toList()).hasSize(1).allMatch(line -> line.endsWith(secrets.get(0)));
        assertThat(stderr).doesNotContain(secrets.get(0));
    }
}
