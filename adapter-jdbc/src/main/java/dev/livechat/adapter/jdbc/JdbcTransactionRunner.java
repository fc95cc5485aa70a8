package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.internal.Database;
import dev.livechat.application.port.out.TransactionRunner;

import java.util.function.Supplier;

/**
 * Units of work as READ COMMITTED transactions on Jdbi's per-thread handle: repository calls made inside join the
 * transaction, and so do nested units.
 */
final class JdbcTransactionRunner implements TransactionRunner {

    private final Database db;

    JdbcTransactionRunner(Database db) {
        this.db = db;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return db.inUnitOfWork(work);
    }
}
