package dev.livechat.benchmarks.load;

/**
 * Latencies in microseconds in log-linear buckets (exact below 128 µs, then 64 buckets per power of two: at most
 * ~1.6 % error), so that recording costs an array increment and percentiles need no stored samples. Not thread-safe:
 * one per load connection, merged at the end.
 */
final class LatencyHistogram {

    private static final int SUB_BUCKETS = 64;
    private final long[] counts = new long[SUB_BUCKETS * 48];
    private long total;
    private long max;

    void recordMicros(long micros) {
        long v = Math.max(0, micros);
        counts[index(v)]++;
        total++;
        max = Math.max(max, v);
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    long count() {
        return total;
    }

    /** The latency at {@code quantile} (0..1) in milliseconds, or NaN without samples. */
    double percentileMillis(double quantile) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= Math.max(1, rank)) {
                return Math.min(valueOf(i), max) / 1000.0;
            }
        }
        return max / 1000.0;
    }

    double maxMillis() {
        return max / 1000.0;
    }

    private static int index(long v) {
        if (v < 2L * SUB_BUCKETS) {
            return (int) v;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(v) - 6; // v >> exponent is in [64, 127]
        return exponent * SUB_BUCKETS + (int) (v >> exponent);
    }

    /** The middle of bucket {@code i}. */
    private static long valueOf(int i) {
        if (i < 2 * SUB_BUCKETS) {
            return i;
        }
        int exponent = i / SUB_BUCKETS - 1;
        long mantissa = i - (long) exponent * SUB_BUCKETS;
        return (mantissa << exponent) + ((1L << exponent) >> 1);
    }
}
