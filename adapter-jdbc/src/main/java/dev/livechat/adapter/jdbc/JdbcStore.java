package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.internal.Database;
import dev.livechat.adapter.jdbc.internal.Dialect;
import dev.livechat.adapter.jdbc.internal.StoreErrors;
import dev.livechat.application.port.out.StorePorts;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.spi.JdbiPlugin;
import org.jdbi.v3.core.statement.SqlStatements;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;

/** The JDBC persistence adapter: opens a relational store on H2, PostgreSQL or MariaDB and hands out every out-port. */
public final class JdbcStore {

    private static final String MIGRATIONS = "db/migration/";
    /**
     * The versions of the scripts under {@link #MIGRATIONS}; {@code JdbcStoreOpenTest} fails when a script is added
     * without its version here.
     */
    static final Set<String> SCRIPT_VERSIONS = Set.of("1", "2", "3", "4");

    private final Dialect dialect;
    private final StorePorts ports;

    private JdbcStore(Dialect dialect, Database db) {
        this.dialect = dialect;
        this.ports = new StorePorts(new JdbcRoomRepository(db), new JdbcMessageRepository(db),
                new JdbcVisitorRepository(db), new JdbcUserRepository(db), new JdbcLoginTokenRepository(db),
                new JdbcInquiryRepository(db), new JdbcDepartmentRepository(db), new JdbcAgentRouting(db),
                new JdbcVisitorChatSearch(db), new JdbcTransactionRunner(db));
    }

    /**
     * Detects the database behind {@code dataSource}, creates or upgrades its schema (Flyway, in the data source's
     * default schema or database) and returns the store. The caller keeps owning the data source (and closes it).
     *
     * @throws dev.livechat.domain.error.StoreUnavailableException when the database cannot be reached
     * @throws IllegalArgumentException when the database is not H2, PostgreSQL or MariaDB
     * @throws IllegalStateException when the schema cannot be migrated
     */
    public static JdbcStore open(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        String product;
        boolean readCommitted;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
            readCommitted = connection.getTransactionIsolation() == Connection.TRANSACTION_READ_COMMITTED;
        } catch (SQLException e) {
            // No dialect yet to classify the failure: any failure to connect means the store is not there.
            throw StoreErrors.unavailableAtStart(e);
        }
        Dialect dialect = Dialect.fromProductName(product).orElseThrow(() -> new IllegalArgumentException(
                "unsupported database " + product + ": the JDBC store runs on H2, PostgreSQL and MariaDB"));
        migrate(dataSource, dialect);
        Jdbi jdbi = Jdbi.create(dataSource);
        // Row binds every column by name; an UPDATE need not use all of them.
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        dialect.sessionSetup().ifPresent(sql -> jdbi.installPlugin(new SessionSetup(sql)));
        return new JdbcStore(dialect, new Database(jdbi, dialect, readCommitted));
    }

    /**
     * Runs the dialect's session statement once per physical connection, not on every handle: on H2 a {@code SET}
     * also empties the parsed-statement cache of every session, so running it per handle made H2 parse every later
     * statement again (docs/benchmarks.md). A pool's connection proxy unwraps to the physical connection; where it
     * does not, the statement simply runs per handle as before.
     */
    private static final class SessionSetup implements JdbiPlugin {
        private final String sql;
        private final Set<Connection> prepared = Collections.synchronizedSet(
                Collections.newSetFromMap(new WeakHashMap<>()));

        SessionSetup(String sql) {
            this.sql = sql;
        }

        @Override
        public Handle customizeHandle(Handle handle) throws SQLException {
            Connection physical = handle.getConnection().unwrap(Connection.class);
            if (!prepared.contains(physical)) { // a connection serves one thread at a time
                handle.execute(sql);
                prepared.add(physical);
            }
            return handle;
        }
    }

    /**
     * Creates or upgrades the schema with Flyway, unless Flyway's history already lists every bundled script, each
     * applied successfully, and nothing else: then there is nothing to do, and not loading Flyway saves about 0.4 s of
     * the server's start (docs/benchmarks.md). Any other history (a new script, a failed or unknown migration) runs
     * Flyway, which migrates, or validates and refuses.
     */
    private static void migrate(DataSource dataSource, Dialect dialect) {
        if (schemaIsCurrent(dataSource)) {
            return;
        }
        List<String> locations = new ArrayList<>(List.of("classpath:" + MIGRATIONS + "common"));
        String own = MIGRATIONS + dialect.migrationFolder();
        if (JdbcStore.class.getClassLoader().getResource(own) != null) {
            locations.add("classpath:" + own);
        }
        try {
            Flyway.configure(JdbcStore.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(locations.toArray(String[]::new))
                    .placeholders(dialect.migrationPlaceholders())
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreErrors(dialect).migrationFailed(e);
        }
    }

    static boolean schemaIsCurrent(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            String q = connection.getMetaData().getIdentifierQuoteString(); // Flyway's names are lower case
            Set<String> applied = new HashSet<>();
            try (ResultSet rows = statement.executeQuery("SELECT " + q + "version" + q + ", " + q + "success" + q
                    + " FROM " + q + "flyway_schema_history" + q)) {
                while (rows.next()) {
                    if (!rows.getBoolean(2)) {
                        return false;
                    }
                    // Flyway's own marker rows (history table or schema created) carry no version.
                    String version = rows.getString(1);
                    if (version != null && !applied.add(version)) {
                        return false;
                    }
                }
            }
            return applied.equals(SCRIPT_VERSIONS);
        } catch (SQLException e) {
            return false; // no history yet (a new database) or not readable: Flyway decides
        }
    }

    /** Which database this store runs on: {@code H2}, {@code POSTGRESQL} or {@code MARIADB}. */
    public String databaseName() {
        return dialect.name();
    }

    /** Every out-port of this store, all over the same database. */
    public StorePorts ports() {
        return ports;
    }
}
