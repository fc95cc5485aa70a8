package dev.livechat.adapter.jdbc.internal;

import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.util.function.Supplier;

/**
 * Runs store calls on Jdbi's handle of the current thread. Inside a unit of work ({@link #inUnitOfWork}) every call
 * joins the unit's transaction; outside one, each call runs alone: a read as a single auto-committed statement, a write
 * in its own short READ COMMITTED transaction (retried a few times after a deadlock). Every Jdbi or JDBC failure leaves
 * as a port exception ({@link StoreErrors}).
 */
public final class Database {

    private static final TransactionIsolationLevel ISOLATION = TransactionIsolationLevel.READ_COMMITTED;
    private static final int ATTEMPTS_OUTSIDE_UNIT = 3;

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final StoreErrors errors;
    private final boolean setIsolationPerTransaction;

    /**
     * @param poolIsReadCommitted whether the data source's connections start at READ COMMITTED (H2 and PostgreSQL
     *                            by default, MariaDB when the pool is configured so); otherwise every transaction sets
     *                            READ COMMITTED and restores the previous level, which costs round trips
     */
    public Database(Jdbi jdbi, Dialect dialect, boolean poolIsReadCommitted) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.errors = new StoreErrors(dialect);
        this.setIsolationPerTransaction = !poolIsReadCommitted;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Reads on the current handle: inside a unit they join its transaction, outside one they auto-commit. */
    public <R> R read(HandleCallback<R, RuntimeException> work) {
        return run(null, false, work);
    }

    /** A single-statement write: joins the current unit, else auto-commits on its own. */
    public <R> R execute(HandleCallback<R, RuntimeException> work) {
        return run(null, false, work);
    }

    /**
     * Like {@link #execute(HandleCallback)}, naming the guarantee a duplicate primary key of the written table stands
     * for (the primary key is the only unique index of some tables, and MariaDB reports it as {@code PRIMARY}).
     */
    public <R> R execute(Constraint primaryKeyMeans, HandleCallback<R, RuntimeException> work) {
        return run(primaryKeyMeans, false, work);
    }

    /** Statements that must apply together: joins the current unit, else runs in a transaction of its own. */
    public <R> R atomically(HandleCallback<R, RuntimeException> work) {
        return run(null, true, work);
    }

    private <R> R run(Constraint primaryKeyMeans, boolean transactional, HandleCallback<R, RuntimeException> work) {
        boolean alone = !isInUnitOfWork();
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.withHandle(handle -> !transactional || handle.isInTransaction()
                        ? work.withHandle(handle)
                        : begin(handle, work));
            } catch (JdbiException e) {
                // Outside a unit nothing else was written, so a deadlock victim may simply run again.
                if (alone && attempt < ATTEMPTS_OUTSIDE_UNIT && errors.isRetryableConflict(e)) {
                    continue;
                }
                throw errors.translate(e, primaryKeyMeans);
            }
        }
    }

    /** Runs {@code work} as one transaction; store calls inside join it, and so do nested units. */
    public <T> T inUnitOfWork(Supplier<T> work) {
        try {
            return jdbi.withHandle(handle -> handle.isInTransaction()
                    ? work.get()
                    : begin(handle, h -> work.get()));
        } catch (JdbiException e) {
            throw errors.translate(e, null);
        }
    }

    private <R> R begin(Handle handle, HandleCallback<R, RuntimeException> work) {
        // Jdbi's isolation variant reads the level three times, a query each on PostgreSQL: only where needed.
        return setIsolationPerTransaction ? handle.inTransaction(ISOLATION, work) : handle.inTransaction(work);
    }

    /** True while the current thread runs inside {@link #inUnitOfWork} (or inside {@link #atomically}). */
    public boolean isInUnitOfWork() {
        return jdbi.getHandleScope().get() != null && currentHandle().isInTransaction();
    }

    private Handle currentHandle() {
        return jdbi.getHandleScope().get().getHandle();
    }
}
