package dev.livechat.benchmarks.jmh;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Runs the JMH benchmarks of this package in one forked JVM each and renders their results as a Markdown table. */
public final class MicroBenchmarks {

    private MicroBenchmarks() {
    }

    /**
     * @param warmupSeconds  warm-up iterations × seconds
     * @param measureSeconds measured iterations × seconds
     * @return Markdown table rows: benchmark, score ± error, unit, allocation per operation
     */
    public static List<String> run(int iterations, int warmupSeconds, int measureSeconds) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(MicroBenchmarks.class.getPackageName() + "\\..*Benchmark")
                .forks(1)
                .warmupIterations(iterations)
                .warmupTime(TimeValue.seconds(warmupSeconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(measureSeconds))
                .addProfiler(GCProfiler.class)
                // The access log is measured by the load harness; here it would only flood the console.
                .jvmArgsAppend("-Dorg.slf4j.simpleLogger.log.dev.livechat.access=warn", "-Xmx1g")
                .build()).run();
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing(r -> r.getParams().getBenchmark()));
        List<String> rows = new ArrayList<>();
        rows.add("| benchmark | score | unit | allocated per op |");
        rows.add("|---|---:|---|---:|");
        for (RunResult result : sorted) {
            Result<?> primary = result.getPrimaryResult();
            Result<?> allocation = result.getSecondaryResults().get("gc.alloc.rate.norm");
            String name = result.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            rows.add(String.format(Locale.ROOT, "| `%s` | %.1f ± %.1f | %s | %s |", name, primary.getScore(),
                    primary.getScoreError(), primary.getScoreUnit(),
                    allocation == null ? "n/a" : String.format(Locale.ROOT, "%,.0f B", allocation.getScore())));
        }
        return rows;
    }
}
