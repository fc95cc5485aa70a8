package dev.livechat.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server under test in a JVM of its own, started exactly as the README runs it ({@code java -jar livechat.jar},
 * configuration in environment variables), with its log in a file. Measures the time from process start to the first
 * answered {@code GET /api/info}, and its resident memory from {@code /proc}.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile(
            "started in (\\d+) ms \\(store (\\d+) ms, admin (\\d+) ms, http (\\d+) ms\\)");

    private final Process process;
    private final int port;
    private final Path log;
    private final double startToFirstResponseMillis;

    private ServerProcess(Process process, int port, Path log, double startToFirstResponseMillis) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startToFirstResponseMillis = startToFirstResponseMillis;
    }

    /**
     * Starts {@code java [jvmArgs] -jar jar} and waits (at most 120 s) until {@code GET /api/info} answers 200.
     *
     * @param environment the server's configuration ({@code LIVECHAT_*}); the port is chosen here
     */
    static ServerProcess start(Path java, List<String> jvmArgs, Path jar, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("LIVECHAT_PORT", Integer.toString(port));
        long started = System.nanoTime();
        Process process = builder.start();
        long deadline = started + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with status " + process.exitValue() + "; see " + log);
            }
            if (infoAnswers(port)) {
                double millis = (System.nanoTime() - started) / 1e6;
                return new ServerProcess(process, port, log, millis);
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the server did not answer within 120 s; see " + log);
            }
            Thread.sleep(2);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    /** One {@code GET /api/info} on a fresh connection; false while nothing listens yet. */
    private static boolean infoAnswers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/info HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
        } catch (IOException e) {
            return false;
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    double startToFirstResponseMillis() {
        return startToFirstResponseMillis;
    }

    /** The server's own start-up line: total, store, admin and HTTP phases in ms, or null when not found. */
    long[] startupPhases() throws IOException {
        // The log file collects every start of the run: this server's line is the last one.
        Matcher m = STARTED.matcher(Files.readString(log));
        long[] phases = null;
        while (m.find()) {
            phases = new long[]{Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4))};
        }
        return phases;
    }

    /** {@code VmRSS} (current) and {@code VmHWM} (peak) of the server process in KiB, from {@code /proc/<pid>/status}. */
    long[] residentKib() throws IOException {
        long rss = -1;
        long hwm = -1;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kib(line);
            } else if (line.startsWith("VmHWM:")) {
                hwm = kib(line);
            }
        }
        return new long[]{rss, hwm};
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    /** SIGTERM, as an operator stops it; killed after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
