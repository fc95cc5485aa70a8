package dev.livechat.benchmarks;

import dev.livechat.benchmarks.jmh.MicroBenchmarks;
import dev.livechat.benchmarks.load.LoadHarness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Entry point of {@code benchmarks.jar}: {@code all} (default) runs the load harness on H2 (and on PostgreSQL when
 * {@code --pg-url} is given) and the JMH microbenchmarks, then rewrites the generated blocks of
 * {@code docs/benchmarks.md}; {@code load} and {@code jmh} run one part and rewrite only its block. Text outside the
 * generated blocks (the optimisation log) is kept.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("out", "docs/benchmarks.md");
        d.put("jar", "bootstrap/target/livechat.jar");
        d.put("work", "benchmarks/target/work");
        d.put("java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        d.put("server-jvm-args", "");
        // Comma-separated parts of endpoint names to measure (for profiling); empty = all.
        d.put("only", "");
        d.put("pg-url", "");
        // Appended to the H2 URL, e.g. ";WRITE_DELAY=500" to measure what a setting costs; empty = the server's default.
        d.put("h2-options", "");
        // false: only the PostgreSQL run (with --pg-url); its results go to a block of their own.
        d.put("h2", "true");
        d.put("connections", "32");
        d.put("warmup", "8");
        d.put("measure", "15");
        d.put("heavy-rooms", "100");
        d.put("heavy-messages", "50");
        d.put("hot-visitors", "256");
        d.put("survey-rooms", "256");
        d.put("new-visitors", "60000");
        d.put("scale", "10000,100000,1000000");
        d.put("pg-scale", "10000,100000");
        d.put("filler-rooms-per-visitor", "10");
        d.put("filler-messages", "5");
        d.put("max-load", "1.5");
        d.put("load-wait", "300");
        d.put("jmh-iterations", "5");
        d.put("jmh-seconds", "2");
        return d;
    }

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 && !args[0].startsWith("--") ? args[0] : "all";
        String[] rest = args.length > 0 && !args[0].startsWith("--") ? java.util.Arrays.copyOfRange(args, 1, args.length)
                : args;
        if (!List.of("all", "load", "jmh").contains(command)) {
            System.out.println("usage: java -jar benchmarks/target/benchmarks.jar [all|load|jmh] [--name=value ...]");
            System.out.println("options and their defaults:");
            defaults().forEach((name, value) -> System.out.println("  --" + name + "=" + value));
            System.exit(command.equals("help") ? 0 : 2);
        }
        Options options = Options.parse(rest, defaults());
        Path out = Path.of(options.text("out"));
        Path work = Path.of(options.text("work"));
        Files.createDirectories(work);
        long started = System.nanoTime();
        List<String> findings = new ArrayList<>();

        if (!command.equals("jmh")) {
            if (options.flag("h2")) {
                LoadHarness h2 = LoadHarness.h2(options, work);
                h2.run();
                writeBlock(out, "load", withTargets(h2.markdown(), h2.findings()));
                findings.addAll(h2.findings());
            }
            if (!options.text("pg-url").isBlank()) {
                LoadHarness pg = LoadHarness.postgres(options, work, options.text("pg-url"));
                pg.run();
                writeBlock(out, "load-postgresql", withTargets(pg.markdown(), pg.findings()));
                findings.addAll(pg.findings());
            }
        }
        if (!command.equals("load")) {
            System.out.println("[bench] JMH microbenchmarks");
            List<String> rows = MicroBenchmarks.run(options.integer("jmh-iterations"), options.integer("jmh-seconds"),
                    options.integer("jmh-seconds"));
            List<String> jmh = new ArrayList<>();
            jmh.add(String.format(Locale.ROOT, "One fork, %d × %d s warm-up and %d × %d s measurement per benchmark; "
                            + "allocation from JMH's GC profiler (`gc.alloc.rate.norm`). Load average (1 min) after: %s.",
                    options.integer("jmh-iterations"), options.integer("jmh-seconds"), options.integer("jmh-iterations"),
                    options.integer("jmh-seconds"), loadAverage()));
            jmh.add("");
            jmh.addAll(rows);
            writeBlock(out, "jmh", jmh);
            rows.forEach(System.out::println);
        }
        writeBlock(out, "environment", environment(options, command, (System.nanoTime() - started) / 1e9));
        System.out.println("[bench] wrote " + out.toAbsolutePath());
        findings.forEach(f -> System.out.println("[bench] " + f));
    }

    private static List<String> withTargets(List<String> markdown, List<String> findings) {
        List<String> lines = new ArrayList<>(markdown);
        lines.add("Targets:");
        lines.add("");
        findings.forEach(f -> lines.add("- " + f));
        return lines;
    }

    private static List<String> environment(Options options, String command, double seconds) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("| | |");
        lines.add("|---|---|");
        lines.add("| date | " + LocalDate.now(ZoneOffset.UTC) + " |");
        lines.add("| machine | " + Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", "
                + memory() + " |");
        lines.add("| OS | " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " |");
        lines.add("| JDK (server and harness) | " + javaVersion(options.text("java")) + " |");
        lines.add("| server | `java -jar " + options.text("jar") + "` with `LIVECHAT_RATE_LIMIT=off`"
                + (options.text("server-jvm-args").isBlank() ? "" : ", JVM options `" + options.text("server-jvm-args")
                + "`") + ", no other JVM option |");
        lines.add("| client | the harness's own closed-loop HTTP/1.1 client (plain sockets, keep-alive), on the same "
                + "machine |");
        lines.add("| command | `java -jar benchmarks/target/benchmarks.jar " + command + "` (" + String.format(
                Locale.ROOT, "%.0f", seconds / 60) + " min) |");
        StringBuilder settings = new StringBuilder();
        options.all().forEach((k, v) -> {
            if (!List.of("out", "java", "work").contains(k)) {
                settings.append(settings.length() == 0 ? "" : ", ").append(k).append('=').append(v);
            }
        });
        lines.add("| settings | " + settings + " |");
        return lines;
    }

    private static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    }

    private static String memory() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> String.format(Locale.ROOT, "%.0f GiB RAM",
                        Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                .findFirst().orElse("");
    }

    private static String javaVersion(String java) {
        try {
            Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
            List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            p.waitFor();
            return lines.size() > 1 ? lines.get(1).trim() : String.join(" ", lines);
        } catch (IOException | InterruptedException e) {
            return System.getProperty("java.vm.version");
        }
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    /** Replaces the text between {@code <!-- name:start -->} and {@code <!-- name:end -->}, appending the block if new. */
    static void writeBlock(Path file, String name, List<String> lines) throws IOException {
        String start = "<!-- " + name + ":start (generated by benchmarks.jar; edits are overwritten) -->";
        String end = "<!-- " + name + ":end -->";
        String block = start + "\n" + String.join("\n", lines) + "\n" + end;
        String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
        int from = text.indexOf("<!-- " + name + ":start");
        int to = text.indexOf(end);
        if (from >= 0 && to > from) {
            text = text.substring(0, from) + block + text.substring(to + end.length());
        } else {
            text = text + (text.endsWith("\n") ? "\n" : "\n\n") + block + "\n";
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, text);
    }
}
