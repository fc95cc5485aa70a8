package dev.livechat.application.service;

import dev.livechat.application.port.out.ConcurrentUpdateException;
import dev.livechat.application.port.out.TransactionRunner;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.domain.error.StoreUnavailableException;

import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs a service's writes as one unit of work and runs the whole unit again when a compare-and-set lost to a
 * concurrent change, so that each attempt decides on fresh state; bounded, then the store counts as unavailable.
 */
final class UnitOfWork {

    static final int MAX_ATTEMPTS = 20;

    private final TransactionRunner tx;

    UnitOfWork(TransactionRunner tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    <T> T run(Supplier<T> work) {
        return run(work, violation -> false);
    }

    /**
     * As {@link #run(Supplier)}, also running the unit again after a uniqueness violation that {@code retryable}
     * accepts (a concurrent request stored the same key; the next attempt sees it and takes the other path).
     */
    <T> T run(Supplier<T> work, Predicate<UniqueConstraintViolation> retryable) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.inTransaction(work);
            } catch (ConcurrentUpdateException e) {
                beforeNextAttempt(attempt, e);
            } catch (UniqueConstraintViolation e) {
                if (!retryable.test(e)) {
                    throw e;
                }
                beforeNextAttempt(attempt, e);
            }
        }
    }

    /** Gives up after the last attempt; otherwise waits a short random time so that contenders stop colliding. */
    static void beforeNextAttempt(int attempt, RuntimeException conflict) {
        if (attempt >= MAX_ATTEMPTS) {
            throw new StoreUnavailableException("gave up after " + attempt + " conflicting attempts", conflict);
        }
        if (attempt < 3) {
            Thread.onSpinWait();
            return;
        }
        long maxMillis = Math.min(1L << Math.min(attempt - 2, 6), 50);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(maxMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting to retry", e);
        }
    }
}
