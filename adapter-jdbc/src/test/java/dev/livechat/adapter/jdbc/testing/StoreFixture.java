package dev.livechat.adapter.jdbc.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.livechat.adapter.jdbc.JdbcStore;
import dev.livechat.application.port.out.StorePorts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JUnit extension handing out fresh, empty {@link JdbcStore}s on one {@link TestDatabase}, each behind a small
 * HikariCP pool. Registered as a static field; without the database's URL variable the class is skipped visibly
 * (reported as skipped, with the variable to set).
 * <p>
 * Each test class gets a schema (PostgreSQL) or database (MariaDB, H2) of its own, migrated once and dropped after the
 * class; the first store of a test is that schema emptied (every table deleted, counters back to zero), which is what
 * a freshly migrated schema holds, at a fraction of a migration's cost. A second store in the same test, or a store
 * with a custom pool, gets a new schema of its own, dropped after the test.
 */
public final class StoreFixture implements ExecutionCondition, AfterEachCallback, AfterAllCallback {

    /** Every table of the schema, children before parents; the fixture checks it against the migrated schema. */
    private static final List<String> TABLES = List.of("room_tags", "room_survey_answers", "rooms", "messages",
            "visitors", "user_roles", "users", "login_tokens", "inquiries", "department_agents", "departments",
            "counters", "routing_lock");
    private static final Set<String> NOT_EMPTIED = Set.of("counters", "routing_lock", "flyway_schema_history");

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final TestDatabase database;
    private final List<Opened> perTest = new ArrayList<>();
    private Opened perClass;
    private JdbcStore perClassStore;
    private boolean perClassUsedByThisTest;

    private record Opened(HikariDataSource dataSource, TestDatabase.Isolated isolated) {
        void close() throws SQLException {
            dataSource.close();
            isolated.drop().run();
        }
    }

    private StoreFixture(TestDatabase database) {
        this.database = database;
    }

    public static StoreFixture on(TestDatabase database) {
        return new StoreFixture(database);
    }

    public TestDatabase database() {
        return database;
    }

    /**
     * Without the database's URL the whole class is skipped, with the reason, as one skipped entry named after the
     * class: the nested suites it inherits are named after their base class on every database, and surefire would
     * merge their skipped runs into the passing ones of another database.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return database.isAvailable() ? ConditionEvaluationResult.enabled(database + " is configured")
                : ConditionEvaluationResult.disabled(skipReason());
    }

    private String skipReason() {
        return database + " tests skipped: set " + database.urlVariable() + " to a JDBC URL to run them";
    }

    /** Every port of a fresh, empty store, as the contract suites take them. */
    public StorePorts newStores() {
        return newStore().ports();
    }

    /** A fresh, empty store. */
    public synchronized JdbcStore newStore() {
        if (perClassUsedByThisTest) {
            return JdbcStore.open(newDataSource(8, 10_000));
        }
        perClassUsedByThisTest = true;
        if (perClassStore == null) {
            perClass = open(8, 10_000);
            perClassStore = JdbcStore.open(perClass.dataSource());
            checkTableList(perClass.dataSource());
        } else {
            empty(perClass.dataSource());
        }
        return perClassStore;
    }

    /** A pool over a new, empty schema of its own, with the given size and connection timeout; closed after the test. */
    public synchronized HikariDataSource newDataSource(int poolSize, long connectionTimeoutMillis) {
        return newDataSource(poolSize, connectionTimeoutMillis, true);
    }

    /**
     * As {@link #newDataSource(int, long)}; with {@code readCommittedPool} false the pool keeps the driver's default
     * isolation (REPEATABLE READ on MariaDB), as a bootstrap that does not configure it would.
     */
    public synchronized HikariDataSource newDataSource(int poolSize, long connectionTimeoutMillis,
                                                       boolean readCommittedPool) {
        Opened opened = open(poolSize, connectionTimeoutMillis, readCommittedPool);
        perTest.add(opened);
        return opened.dataSource();
    }

    private Opened open(int poolSize, long connectionTimeoutMillis) {
        return open(poolSize, connectionTimeoutMillis, true);
    }

    private Opened open(int poolSize, long connectionTimeoutMillis, boolean readCommittedPool) {
        Assumptions.assumeTrue(database.isAvailable(), this::skipReason);
        TestDatabase.Isolated isolated;
        try {
            isolated = database.isolate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema on " + database, e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(isolated.url());
        config.setPoolName("lc-test-" + database.name().toLowerCase(Locale.ROOT) + "-" + POOLS.incrementAndGet());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(connectionTimeoutMillis);
        if (readCommittedPool) {
            // As bootstrap should configure it: READ COMMITTED from the start saves round trips per transaction.
            config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        }
        return new Opened(new HikariDataSource(config), isolated);
    }

    private static void empty(HikariDataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String table : TABLES) {
                if (!NOT_EMPTIED.contains(table)) {
                    s.executeUpdate("DELETE FROM " + table);
                }
            }
            s.executeUpdate("UPDATE counters SET counter_value = 0");
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test schema", e);
        }
    }

    /** Fails when the migration has a table this fixture would not empty. */
    private static void checkTableList(HikariDataSource dataSource) {
        Set<String> found = new TreeSet<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    found.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the test schema's tables", e);
        }
        found.remove("flyway_schema_history");
        if (!found.equals(new TreeSet<>(TABLES))) {
            throw new IllegalStateException("StoreFixture.TABLES is out of date: the schema has " + found);
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) throws SQLException {
        perClassUsedByThisTest = false;
        for (Opened opened : perTest) {
            opened.close();
        }
        perTest.clear();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws SQLException {
        if (perClass != null) {
            perClass.close();
            perClass = null;
            perClassStore = null;
        }
    }
}
