package dev.livechat.adapter.mongo;

import dev.livechat.application.port.out.TransactionRunner;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * Units of work without multi-document transactions: {@code work} runs directly (nothing is rolled back), nested
 * calls join the outer unit, and what was acquired for the unit (the routing lease) is released when the outermost
 * call ends, normally or not. A unit belongs to the thread that started it.
 */
final class MongoTransactionRunner implements TransactionRunner {

    private static final System.Logger LOG = System.getLogger(MongoTransactionRunner.class.getName());

    /** The running unit of work of one thread. */
    static final class Unit {
        private final Deque<Runnable> onEnd = new ArrayDeque<>();
        private final java.util.Set<Object> held = new java.util.HashSet<>();

        /** Whether {@code resource} was already acquired in this unit. */
        boolean holds(Object resource) {
            return held.contains(resource);
        }

        /** Runs {@code release} when the unit ends; releases run in reverse order of registration. */
        void hold(Object resource, Runnable release) {
            held.add(resource);
            onEnd.push(release);
        }

        private void end() {
            while (!onEnd.isEmpty()) {
                try {
                    onEnd.pop().run();
                } catch (RuntimeException e) {
                    // The work's own outcome stands; an unreleased lease expires by itself.
                    LOG.log(System.Logger.Level.WARNING, "releasing a resource at the end of a unit of work failed", e);
                }
            }
            held.clear();
        }
    }

    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Unit unit = new Unit();
        current.set(unit);
        try {
            return work.get();
        } finally {
            current.remove();
            unit.end();
        }
    }

    /** The calling thread's unit of work, or null outside {@link #inTransaction}. */
    Unit currentUnit() {
        return current.get();
    }
}
