package dev.livechat.bootstrap;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The launcher's heap policy when the operator gave the JVM no heap options ({@code java -jar livechat.jar} cannot
 * carry any): the JVM's default initial heap is 1/64 of the machine's memory (384 MiB on 24 GiB) however little the
 * server keeps alive, and G1 keeps whatever it committed under load. After start-up the launcher lets G1 shrink a heap
 * that is more than 30 % free (default 70 %), collects once so that the heap starts from the server's live set, and
 * turns on G1's periodic collection (JEP 346: after 5 s without any collection, i.e. when the server is idle) so that
 * memory committed for a burst of load is returned afterwards (docs/benchmarks.md). Embedding applications are not
 * affected: only {@link LivechatServer} calls this.
 */
final class LauncherHeap {

    private static final List<String> HEAP_OPTIONS = List.of("-Xms", "-Xmx", "-Xmn", "-XX:InitialHeapSize",
            "-XX:MaxHeapSize", "-XX:MinHeapSize", "-XX:MaxRAM", "-XX:InitialRAM", "-XX:MinRAM", "-XX:MinHeapFreeRatio",
            "-XX:MaxHeapFreeRatio", "-XX:SoftMaxHeapSize", "-XX:G1PeriodicGC", "-XX:+DisableExplicitGC");

    /** Idle time after which G1 collects and returns free memory. */
    static final String PERIODIC_GC_MILLIS = "5000";

    private LauncherHeap() {
    }

    /** Applies the policy unless a heap option was given; never fails the start (a JVM without the flags is left alone). */
    static void trimAfterStart() {
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (arguments.stream().anyMatch(argument -> HEAP_OPTIONS.stream().anyMatch(argument::startsWith))) {
            return;
        }
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotSpot == null) {
            return;
        }
        try {
            // Min before max: the JVM refuses a maximum below the current minimum (40 %).
            hotSpot.setVMOption("MinHeapFreeRatio", "10");
            hotSpot.setVMOption("MaxHeapFreeRatio", "30");
            hotSpot.setVMOption("G1PeriodicGCInterval", PERIODIC_GC_MILLIS);
        } catch (IllegalArgumentException | SecurityException e) {
            return;
        }
        System.gc(); // a full collection is when G1 applies MaxHeapFreeRatio
    }
}
