package dev.livechat.benchmarks.load;

import dev.livechat.benchmarks.Options;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The load run of one store: seed, start the server as the README does, measure every seed endpoint and the ceiling
 * {@code GET /api/info} at a fixed number of connections, then grow the store and measure the history endpoints again
 * at each scale point. Produces Markdown sections for {@code docs/benchmarks.md}.
 */
public final class LoadHarness {

    /** One measured endpoint. */
    record Measured(String name, LoadClient.Result result, String target, Boolean met) {
    }

    /** One scale point. */
    record ScalePoint(long rooms, double startMillis, long[] phases, double chatHistoryP50, double searchP50,
                      double searchTextP50, double searchTextAloneP50, String load) {
    }

    /** How long the server idles after the load run before its resident memory is read a second time. */
    private static final Duration IDLE_BEFORE_RSS = Duration.ofSeconds(15);

    private final Options options;
    private final String store;
    private final String jdbcUrl;
    private final List<Long> scale;
    private final Path work;
    private final List<String> markdown = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();

    private LoadHarness(Options options, String store, String jdbcUrl, List<Long> scale, Path work) {
        this.options = options;
        this.store = store;
        this.jdbcUrl = jdbcUrl;
        this.scale = scale;
        this.work = work;
    }

    /** The H2 run: a fresh file database under {@code work}. */
    public static LoadHarness h2(Options options, Path work) throws IOException {
        Path dir = work.resolve("h2");
        deleteRecursively(dir);
        Files.createDirectories(dir);
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("livechat") + options.text("h2-options");
        return new LoadHarness(options, "H2 (embedded file)", url, options.longs("scale"), work);
    }

    /**
     * The PostgreSQL run in a schema of its own, {@code livechat_bench}, dropped and recreated first: nothing else in
     * that database is touched.
     */
    public static LoadHarness postgres(Options options, Path work, String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS livechat_bench CASCADE");
            s.execute("CREATE SCHEMA livechat_bench");
        }
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=livechat_bench";
        return new LoadHarness(options, "PostgreSQL", schemaUrl, options.longs("pg-scale"), work);
    }

    /** Markdown of this run. */
    public List<String> markdown() {
        return markdown;
    }

    /** One line per target: met or not, with the numbers. */
    public List<String> findings() {
        return findings;
    }

    public void run() throws Exception {
        int connections = options.integer("connections");
        Duration warmup = Duration.ofSeconds(options.integer("warmup"));
        Duration measure = Duration.ofSeconds(options.integer("measure"));
        Path log = work.resolve("server-" + (store.startsWith("H2") ? "h2" : "pg") + ".log");
        Files.deleteIfExists(log);

        progress("seeding " + store + " through the use cases");
        long seedStart = System.nanoTime();
        Seeder.Seeded seeded;
        long firstFill;
        try (Seeder seeder = new Seeder(jdbcUrl)) {
            seeded = seeder.seedMeasuredData(options.integer("heavy-rooms"), options.integer("heavy-messages"),
                    options.integer("hot-visitors"), options.integer("survey-rooms"), options.integer("new-visitors"));
            progress("bulk filler up to " + scale.get(0) + " rooms");
            firstFill = seeder.fillTo(scale.get(0), options.integer("filler-rooms-per-visitor"),
                    options.integer("filler-messages"), seeded.heavyRoomId());
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        List<ScalePoint> points = new ArrayList<>();
        List<Measured> measured = new ArrayList<>();
        String mainLoad;
        long[] resident;
        long roomsAtMain;
        String heapNote;
        try (Seeder counter = new Seeder(jdbcUrl)) {
            roomsAtMain = counter.roomCount();
        }
        String loadBefore = waitForCalm();
        try (ServerProcess server = startServer(log)) {
            LoadClient client = new LoadClient("127.0.0.1", server.port());
            Requests requests = new Requests(seeded);
            requireOk(client, requests.chatHistory(0), "chatHistory with the seeded agent's token");
            measured.add(measure(client, "GET /api/info (ceiling)", requests::info, connections, warmup, measure,
                    null, null));
            double ceiling = measured.get(0).result().throughput();
            measured.add(measure(client, "GET livechat/room (existing open room)", requests::existingRoom, connections,
                    warmup, measure, "≥ 40 % of ceiling, p99 < 10 ms", r -> r.throughput() >= 0.4 * ceiling
                            && r.latency().percentileMillis(0.99) < 10));
            measured.add(measure(client, "visitors.chatHistory (page of 50)", requests::chatHistory, connections,
                    warmup, measure, "≥ 40 % of ceiling, p99 < 10 ms", r -> r.throughput() >= 0.4 * ceiling
                            && r.latency().percentileMillis(0.99) < 10));
            measured.add(measure(client, "visitors.searchChats (no searchText, page of 50)", requests::searchChats,
                    connections, warmup, measure, null, null));
            measured.add(measure(client, "visitors.searchChats (searchText, 100 rooms × 50 messages)",
                    requests::searchChatsText, connections, warmup, measure, "p50 < 20 ms",
                    r -> r.latency().percentileMillis(0.5) < 20));
            // The same request alone: its service time, without 31 others queueing for the two cores.
            measured.add(measure(client, "visitors.searchChats (searchText, 1 connection)", requests::searchChatsText, 1,
                    warmup, measure, "p50 < 20 ms", r -> r.latency().percentileMillis(0.5) < 20));
            measured.add(measure(client, "POST livechat/room.survey", requests::survey, connections, warmup, measure,
                    null, null));
            measured.add(measure(client, "GET livechat/room (opens a room for a new visitor)", requests::newRoom,
                    connections, Duration.ofSeconds(Math.min(3, warmup.toSeconds())), measure, "≥ 2,000 rooms/s",
                    r -> r.throughput() >= 2000));
            long[] atEnd = server.residentKib();
            mainLoad = loadBefore + " → " + loadAverage();
            heapNote = heapInfo(server.pid());
            Thread.sleep(IDLE_BEFORE_RSS.toMillis()); // the launcher lets G1 return memory after 5 s without GC
            long[] afterIdle = server.residentKib();
            resident = new long[]{atEnd[0], atEnd[1], afterIdle[0]};
            ScalePoint first = new ScalePoint(roomsAtMain, server.startToFirstResponseMillis(), server.startupPhases(),
                    measured.get(2).result().latency().percentileMillis(0.5),
                    measured.get(3).result().latency().percentileMillis(0.5),
                    measured.get(4).result().latency().percentileMillis(0.5),
                    measured.get(5).result().latency().percentileMillis(0.5), mainLoad);
            points.add(first);
        }

        for (int i = 1; i < scale.size(); i++) {
            long target = scale.get(i);
            progress("bulk filler up to " + target + " rooms");
            long fillStart = System.nanoTime();
            long rooms;
            try (Seeder seeder = new Seeder(jdbcUrl)) {
                seeder.fillTo(target, options.integer("filler-rooms-per-visitor"), options.integer("filler-messages"),
                        seeded.heavyRoomId());
                rooms = seeder.roomCount();
            }
            progress(String.format(Locale.ROOT, "filled to %,d rooms in %.0f s", rooms,
                    (System.nanoTime() - fillStart) / 1e9));
            String before = waitForCalm();
            try (ServerProcess server = startServer(log)) {
                LoadClient client = new LoadClient("127.0.0.1", server.port());
                Requests requests = new Requests(seeded);
                // A fresh server: warm every measured request first (JIT, H2's page cache, the heap), as the first
                // point was warmed by the endpoints measured before it.
                for (LoadClient.RequestSource source : List.<LoadClient.RequestSource>of(requests::chatHistory,
                        requests::searchChats, requests::searchChatsText)) {
                    client.run(connections, warmup, Duration.ZERO, source);
                }
                Duration scaleWarmup = Duration.ofSeconds(Math.max(2, warmup.toSeconds() / 4));
                Duration scaleMeasure = Duration.ofSeconds(Math.max(3, measure.toSeconds() * 2 / 3));
                double history = measure(client, "chatHistory @" + rooms, requests::chatHistory, connections,
                        scaleWarmup, scaleMeasure, null, null).result().latency().percentileMillis(0.5);
                double search = measure(client, "searchChats @" + rooms, requests::searchChats, connections,
                        scaleWarmup, scaleMeasure, null, null).result().latency().percentileMillis(0.5);
                double searchText = measure(client, "searchChats text @" + rooms, requests::searchChatsText,
                        connections, scaleWarmup, scaleMeasure, null, null).result().latency().percentileMillis(0.5);
                double searchTextAlone = measure(client, "searchChats text, 1 connection @" + rooms,
                        requests::searchChatsText, 1, scaleWarmup, scaleMeasure, null, null).result().latency()
                        .percentileMillis(0.5);
                points.add(new ScalePoint(rooms, server.startToFirstResponseMillis(), server.startupPhases(), history,
                        search, searchText, searchTextAlone, before + " → " + loadAverage()));
            }
        }

        render(measured, points, resident, mainLoad, roomsAtMain, seeded, seedSeconds, firstFill, heapNote);
    }

    private ServerProcess startServer(Path log) throws IOException, InterruptedException {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("LIVECHAT_DB_URL", jdbcUrl);
        environment.put("LIVECHAT_RATE_LIMIT", "off");
        environment.put("LIVECHAT_ADMIN_PASSWORD", Seeder.ADMIN_PASSWORD);
        List<String> jvmArgs = options.text("server-jvm-args").isBlank() ? List.of()
                : List.of(options.text("server-jvm-args").trim().split("\\s+"));
        ServerProcess server = ServerProcess.start(Path.of(options.text("java")), jvmArgs,
                Path.of(options.text("jar")), environment, log);
        progress(String.format(Locale.ROOT, "server up (pid %d, port %d) in %.0f ms", server.pid(), server.port(),
                server.startToFirstResponseMillis()));
        return server;
    }

    private Measured measure(LoadClient client, String name, LoadClient.RequestSource source, int connections,
                             Duration warmup, Duration measure, String target,
                             java.util.function.Predicate<LoadClient.Result> met) throws InterruptedException {
        String only = options.text("only");
        if (!only.isBlank() && !name.startsWith("GET /api/info") && java.util.Arrays.stream(only.split(","))
                .noneMatch(key -> name.toLowerCase(Locale.ROOT).contains(key.trim().toLowerCase(Locale.ROOT)))) {
            // Profiling runs measure a subset; the ceiling always runs (every ratio needs it).
            LoadClient.Result skipped = new LoadClient.Result(0, 0, Map.of(), 0, new LatencyHistogram(), 0);
            return new Measured(name + " (skipped)", skipped, target, met == null ? null : false);
        }
        LoadClient.Result result = client.run(connections, warmup, measure, source);
        progress(String.format(Locale.ROOT, "%-58s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  non-2xx %d  (load %s)",
                name, result.throughput(), result.latency().percentileMillis(0.5),
                result.latency().percentileMillis(0.99), result.non2xx(), loadAverage()));
        return new Measured(name, result, target, met == null ? null : met.test(result));
    }

    private static void requireOk(LoadClient client, byte[] request, String what) throws InterruptedException {
        LoadClient.Result result = client.run(1, Duration.ZERO, Duration.ofSeconds(30),
                sequence -> sequence < 3 ? request : null);
        if (result.requests() == 0 || result.non2xx() > 0) {
            throw new IllegalStateException(what + " did not answer 200: " + result.statuses());
        }
    }

    /** Pre-built request bytes for every endpoint, cycling over the seeded visitors and rooms. */
    private static final class Requests {
        private final byte[] info;
        private final byte[][] existingRooms;
        private final byte[] chatHistory;
        private final byte[] searchChats;
        private final byte[] searchChatsText;
        private final byte[][] surveys;
        private final int newVisitors;
        private final Map<String, String> agent;

        Requests(Seeder.Seeded seeded) {
            agent = Map.of("X-User-Id", seeded.agentId(), "X-Auth-Token", seeded.agentToken());
            info = LoadClient.request("GET", "/api/info", Map.of(), null);
            existingRooms = seeded.hotTokens().stream()
                    .map(token -> LoadClient.request("GET", "/api/v1/livechat/room?token=" + encode(token), Map.of(),
                            null))
                    .toArray(byte[][]::new);
            String ids = "/room/" + seeded.heavyRoomId() + "/visitor/" + seeded.heavyVisitorId();
            chatHistory = LoadClient.request("GET", "/api/v1/livechat/visitors.chatHistory" + ids + "?count=50", agent,
                    null);
            searchChats = LoadClient.request("GET", "/api/v1/livechat/visitors.searchChats" + ids + "?count=50", agent,
                    null);
            searchChatsText = LoadClient.request("GET", "/api/v1/livechat/visitors.searchChats" + ids
                    + "?count=50&searchText=" + encode(Seeder.SEARCH_TERM), agent, null);
            // Rating-major order: consecutive requests hit different rooms (few compare-and-set retries).
            List<byte[]> surveyRequests = new ArrayList<>();
            for (int rating = 1; rating <= 5; rating++) {
                for (String[] room : seeded.surveyRooms()) {
                    String body = "{\"token\":\"" + room[0] + "\",\"rid\":\"" + room[1] + "\",\"data\":["
                            + "{\"name\":\"satisfaction\",\"value\":\"" + rating + "\"},"
                            + "{\"name\":\"additionalFeedback\",\"value\":\"Benchmark feedback " + rating + "\"}]}";
                    surveyRequests.add(LoadClient.request("POST", "/api/v1/livechat/room.survey", Map.of(), body));
                }
            }
            surveys = surveyRequests.toArray(byte[][]::new);
            newVisitors = seeded.newVisitors();
        }

        byte[] info(long sequence) {
            return info;
        }

        byte[] existingRoom(long sequence) {
            return existingRooms[(int) (sequence % existingRooms.length)];
        }

        byte[] chatHistory(long sequence) {
            return chatHistory;
        }

        byte[] searchChats(long sequence) {
            return searchChats;
        }

        byte[] searchChatsText(long sequence) {
            return searchChatsText;
        }

        byte[] survey(long sequence) {
            return surveys[(int) (sequence % surveys.length)];
        }

        /** Each new visitor once; null when all of them have a room. */
        byte[] newRoom(long sequence) {
            if (sequence >= newVisitors) {
                return null;
            }
            return LoadClient.request("GET", "/api/v1/livechat/room?token=" + Seeder.NEW_TOKEN_PREFIX + (sequence + 1),
                    Map.of(), null);
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    private void render(List<Measured> measured, List<ScalePoint> points, long[] resident, String mainLoad,
                        long roomsAtMain, Seeder.Seeded seeded, double seedSeconds, long firstFill, String heapNote) {
        double ceiling = measured.get(0).result().throughput();
        markdown.add("### " + store + ": endpoints against the ceiling");
        markdown.add("");
        markdown.add(String.format(Locale.ROOT, "%,d rooms in the store, %d connections, load average (1 min) %s.",
                roomsAtMain, options.integer("connections"), mainLoad));
        markdown.add("");
        markdown.add("| endpoint | req/s | ratio to ceiling | p50 ms | p99 ms | non-2xx | target | met |");
        markdown.add("|---|---:|---:|---:|---:|---:|---|---|");
        for (Measured m : measured) {
            LoadClient.Result r = m.result();
            markdown.add(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f | %.2f | %d | %s | %s |", m.name(),
                    r.throughput(), r.throughput() / ceiling, r.latency().percentileMillis(0.5),
                    r.latency().percentileMillis(0.99), r.non2xx(), m.target() == null ? "" : m.target(),
                    m.met() == null ? "" : m.met() ? "yes" : "**no**"));
            if (m.met() != null) {
                findings.add(String.format(Locale.ROOT, "%s [%s]: %,.0f req/s (%.2f of ceiling), p50 %.2f ms, p99 %.2f ms"
                                + " → %s", m.name(), m.target(), r.throughput(), r.throughput() / ceiling,
                        r.latency().percentileMillis(0.5), r.latency().percentileMillis(0.99),
                        m.met() ? "met" : "NOT met"));
            }
        }
        markdown.add("");
        markdown.add(String.format(Locale.ROOT, "Resident memory of the server right after the load run: %,d MiB "
                        + "(VmRSS; peak VmHWM %,d MiB), after %d s idle: %,d MiB; target < 300 MiB: %s right after, "
                        + "%s after idling. %s", resident[0] / 1024, resident[1] / 1024, IDLE_BEFORE_RSS.toSeconds(),
                resident[2] / 1024, resident[0] / 1024 < 300 ? "met" : "**not met**",
                resident[2] / 1024 < 300 ? "met" : "**not met**", heapNote));
        findings.add(String.format(Locale.ROOT, "%s resident memory right after the load run: %,d MiB (peak %,d MiB),"
                        + " after %d s idle: %,d MiB [< 300] → %s right after, %s after idling", store,
                resident[0] / 1024, resident[1] / 1024, IDLE_BEFORE_RSS.toSeconds(), resident[2] / 1024,
                resident[0] / 1024 < 300 ? "met" : "NOT met", resident[2] / 1024 < 300 ? "met" : "NOT met"));
        markdown.add("");
        markdown.add("### " + store + ": the store grows");
        markdown.add("");
        markdown.add("p50 of the history endpoints for the same heavy visitor (" + options.integer("heavy-rooms")
                + " rooms × " + options.integer("heavy-messages") + " messages) while other visitors' rooms fill the"
                + " store; start-up measured on the same database (process start to the first answered"
                + " `GET /api/info`; in brackets the server's own log: store / admin / HTTP phases).");
        markdown.add("");
        markdown.add("| rooms in store | chatHistory p50 ms | × first | searchChats p50 ms | searchChats with text p50 ms "
                + "| same, 1 connection | start to first response ms | load average |");
        markdown.add("|---:|---:|---:|---:|---:|---:|---|---|");
        ScalePoint base = points.get(0);
        for (ScalePoint p : points) {
            String phases = p.phases() == null ? "" : String.format(Locale.ROOT, " (%d / %d / %d)", p.phases()[1],
                    p.phases()[2], p.phases()[3]);
            markdown.add(String.format(Locale.ROOT, "| %,d | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f%s | %s |",
                    p.rooms(), p.chatHistoryP50(), p.chatHistoryP50() / base.chatHistoryP50(), p.searchP50(),
                    p.searchTextP50(), p.searchTextAloneP50(), p.startMillis(), phases, p.load()));
        }
        ScalePoint last = points.get(points.size() - 1);
        if (points.size() > 1) {
            findings.add(String.format(Locale.ROOT, "%s chatHistory p50 at %,d rooms = %.2f × p50 at %,d rooms"
                            + " [≤ 1.5] → %s", store, last.rooms(), last.chatHistoryP50() / base.chatHistoryP50(),
                    base.rooms(), last.chatHistoryP50() / base.chatHistoryP50() <= 1.5 ? "met" : "NOT met"));
            for (boolean alone : new boolean[]{false, true}) {
                java.util.function.ToDoubleFunction<ScalePoint> p50 = alone ? ScalePoint::searchTextAloneP50
                        : ScalePoint::searchTextP50;
                double maxText = points.stream().mapToDouble(p50).max().orElse(0);
                findings.add(String.format(Locale.ROOT, "%s searchChats with text (%s) p50 from %.2f ms (%,d rooms) to"
                                + " %.2f ms (%,d rooms) [< 20 ms, flat] → %s", store,
                        alone ? "1 connection" : options.integer("connections") + " connections",
                        p50.applyAsDouble(base), base.rooms(), p50.applyAsDouble(last), last.rooms(),
                        maxText < 20 && p50.applyAsDouble(last) <= 1.5 * p50.applyAsDouble(base) ? "met" : "NOT met"));
            }
        }
        double worstStart = points.stream().mapToDouble(ScalePoint::startMillis).max().orElse(0);
        findings.add(String.format(Locale.ROOT, "%s start to first response: %s ms [< 1500] → %s", store,
                points.stream().map(p -> String.format(Locale.ROOT, "%.0f", p.startMillis())).toList(),
                worstStart < 1500 ? "met" : "NOT met"));
        markdown.add("");
        markdown.add(String.format(Locale.ROOT, "Seeding: %,d measured rooms through the use cases (heavy visitor, "
                        + "%d open rooms, %d closed rooms for surveys), %,d new visitors and %,d filler rooms "
                        + "cloned by SQL, in %.0f s.", options.integer("heavy-rooms"), seeded.hotTokens().size(),
                seeded.surveyRooms().size(), seeded.newVisitors(), firstFill, seedSeconds));
        markdown.add("");
    }

    /** Heap size of the server JVM as {@code jcmd GC.heap_info} reports it (first line), or empty. */
    private String heapInfo(long pid) {
        Path jcmd = Path.of(options.text("java")).resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            return "";
        }
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info").redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out.lines().filter(l -> l.contains("total") && l.contains("used")).findFirst()
                    .map(l -> "Heap (`jcmd GC.heap_info`): `" + l.trim() + "`.").orElse("");
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    /** Waits (bounded by {@code --load-wait} seconds) until the 1-minute load average is below {@code --max-load}. */
    private String waitForCalm() throws InterruptedException {
        double max = options.decimal("max-load");
        long deadline = System.nanoTime() + Duration.ofSeconds(options.integer("load-wait")).toNanos();
        double load = loadValue();
        while (load >= max && System.nanoTime() < deadline) {
            progress(String.format(Locale.ROOT, "load average %.2f ≥ %.2f, waiting", load, max));
            Thread.sleep(10_000);
            load = loadValue();
        }
        return String.format(Locale.ROOT, "%.2f", load);
    }

    static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", loadValue());
    }

    private static double loadValue() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    static void progress(String line) {
        System.out.println("[bench] " + line);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
