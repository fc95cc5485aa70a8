package dev.livechat.application.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs one task on many real threads that are released together, to exercise atomic guarantees; every thread's
 * result or failure is collected, none is lost.
 */
public final class Concurrently {

    /** How long a whole run may take before the test fails (a deadlock or a lost wake-up). */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Concurrently() {
    }

    /** What one thread got: its value, or the exception it threw. */
    public record Outcome<T>(int thread, T value, Throwable failure) {

        public boolean succeeded() {
            return failure == null;
        }
    }

    /**
     * Starts {@code threads} threads, waits until all are ready, releases them at once, and waits for all to end.
     *
     * @param task receives the thread's index 0..threads-1
     * @return the outcomes in thread-index order
     */
    public static <T> List<Outcome<T>> run(int threads, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Outcome<T>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        return new Outcome<>(index, task.apply(index), null);
                    } catch (RuntimeException | Error e) {
                        return new Outcome<T>(index, null, e);
                    }
                }));
            }
            if (!ready.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("threads did not start within " + TIMEOUT);
            }
            go.countDown();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> future : futures) {
                outcomes.add(future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the threads", e);
        } catch (ExecutionException e) {
            throw new AssertionError("a thread failed outside its task", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("threads did not finish within " + TIMEOUT + " (deadlock?)", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** As {@link #run}, for tasks without a result. */
    public static List<Outcome<Void>> runAll(int threads, java.util.function.IntConsumer task) {
        return run(threads, i -> {
            task.accept(i);
            return null;
        });
    }
}
