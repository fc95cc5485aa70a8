package dev.livechat.bootstrap.e2e;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.livechat.adapter.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.InetSocketAddress;
import java.sql.SQLException;

/**
 * A store the end-to-end suites run the server on, as {@code LIVECHAT_DB_URL} selects it: H2 in memory and MongoDB on
 * an in-process mongo-java-server always, PostgreSQL and MariaDB when their test URL is in the environment (the
 * variables of {@link TestDatabase}). Each {@link #create()} is a fresh, empty database of its own.
 * <p>
 * Registered as a test class's extension, an unavailable store skips the class visibly (reported as skipped, naming
 * the variable).
 */
enum StoreTarget implements ExecutionCondition {

    H2(TestDatabase.H2),
    POSTGRESQL(TestDatabase.POSTGRESQL),
    MARIADB(TestDatabase.MARIADB),
    MONGODB(null);

    private final TestDatabase jdbc;

    StoreTarget(TestDatabase jdbc) {
        this.jdbc = jdbc;
    }

    /** A fresh, empty database: the URL the server is started with, and how to drop it once every server is closed. */
    record Database(String url, AutoCloseable drop) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            drop.close();
        }
    }

    boolean isAvailable() {
        return jdbc == null || jdbc.isAvailable();
    }

    private String skipReason() {
        return this + " end-to-end tests skipped: set " + jdbc.urlVariable() + " to a JDBC URL to run them";
    }

    /** A new schema (PostgreSQL), database (MariaDB, H2) or in-process server (MongoDB) of its own. */
    Database create() {
        if (jdbc == null) {
            MongoServer server = new MongoServer(new MemoryBackend());
            InetSocketAddress address = server.bind();
            return new Database("mongodb://" + address.getHostString() + ":" + address.getPort() + "/livechat",
                    server::shutdownNow);
        }
        try {
            TestDatabase.Isolated isolated = jdbc.isolate();
            return new Database(isolated.url(), () -> isolated.drop().run());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + this, e);
        }
    }

    /**
     * An unavailable store skips the class as a whole, with the reason, as one skipped entry named after the class:
     * the nested suites are named after their base class on every store, and surefire would merge their skipped runs
     * into the passing ones of another store.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return isAvailable() ? ConditionEvaluationResult.enabled(this + " is configured")
                : ConditionEvaluationResult.disabled(skipReason());
    }
}
