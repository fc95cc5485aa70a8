package dev.livechat.bootstrap;

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
import java.util.concurrent.TimeUnit;

/**
 * The launcher ({@link LivechatServer#main}) as a child process on 127.0.0.1, with its standard output and error
 * captured in files: for tests that kill the server, tune JVM-wide settings, or read everything it logged.
 */
final class ChildServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path out;
    private final Path err;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ChildServer(Process process, int port, Path out, Path err) {
        this.process = process;
        this.port = port;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts the launcher in {@code workingDirectory} with only the given {@code LIVECHAT_*} variables (plus the port)
     * and JVM options, and waits until it answers {@code GET /api/info}.
     */
    static ChildServer start(Path workingDirectory, Map<String, String> environment, List<String> jvmOptions)
            throws IOException, InterruptedException {
        int port = freePort();
        Files.createDirectories(workingDirectory);
        Path out = Files.createTempFile(workingDirectory, "stdout-", ".log");
        Path err = Files.createTempFile(workingDirectory, "stderr-", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LivechatServer.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("LIVECHAT_"));
        builder.environment().putAll(environment);
        builder.environment().put("LIVECHAT_PORT", String.valueOf(port));
        ChildServer server = new ChildServer(builder.start(), port, out, err);
        server.awaitReady();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady() throws InterruptedException {
        HttpRequest info = HttpRequest.newBuilder(URI.create(base() + "/api/info")).timeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 1200; i++) {
            try {
                if (client.send(info, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server exited with " + process.exitValue() + ": " + stderr());
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the server did not answer within 60 s: " + stderr());
    }

    int port() {
        return port;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    HttpClient client() {
        return client;
    }

    Process process() {
        return process;
    }

    /** Everything written to standard output so far. */
    String stdout() {
        return read(out);
    }

    /** Everything written to standard error (the log) so far. */
    String stderr() {
        return read(err);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server survived SIGKILL");
        }
    }

    /** SIGTERM, then waits for the shutdown hook to finish. */
    boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
