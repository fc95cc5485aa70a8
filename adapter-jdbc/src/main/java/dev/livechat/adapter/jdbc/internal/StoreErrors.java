package dev.livechat.adapter.jdbc.internal;

import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.domain.error.StoreUnavailableException;
import org.jdbi.v3.core.ConnectionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Set;

/**
 * Translates driver failures into the ports' exceptions. Messages carry SQLState and vendor code only: Jdbi's
 * messages list bound values (tokens, emails) and some driver messages quote offending values, so Jdbi exceptions are
 * never kept, and a driver exception is kept as the cause only when its kind of message cannot contain client data.
 */
public final class StoreErrors {

    /** Index names (lower case, as the migration creates them) of the uniqueness guarantees the ports name. */
    private static final Map<String, Constraint> UNIQUE_INDEXES = Map.of(
            "ux_rooms_open_visitor_token", Constraint.OPEN_ROOM_PER_VISITOR,
            "ux_visitors_token", Constraint.VISITOR_TOKEN,
            "ux_users_username_lower", Constraint.USERNAME,
            "ux_users_email_lower", Constraint.USER_EMAIL,
            "ux_inquiries_room_id", Constraint.INQUIRY_PER_ROOM,
            "ux_departments_name", Constraint.DEPARTMENT_NAME,
            "pk_messages", Constraint.MESSAGE_ID);

    /** SQLStates of failures a caller can only report as "store unavailable" (besides classes 08 and 40). */
    private static final Set<String> UNAVAILABLE_STATES = Set.of(
            "57P01", "57P02", "57P03", // PostgreSQL: server shutting down, cannot connect now
            "53300",                   // PostgreSQL: too many connections
            "55P03",                   // PostgreSQL: lock not available
            "57014",                   // PostgreSQL: statement timeout / cancelled
            "HYT00", "HYT01");         // timeouts (H2 lock timeout, MariaDB and H2 query timeouts)

    /** Vendor codes meaning the same on MariaDB and H2 (whose SQLStates are not in the classes above). */
    private static final Set<Integer> MARIADB_UNAVAILABLE_CODES = Set.of(1205, 1213, 1040, 2002, 2003, 2006, 2013);
    private static final Set<Integer> H2_UNAVAILABLE_CODES = Set.of(50200, 90020, 90067, 90098, 90121, 90131);

    private final Dialect dialect;

    public StoreErrors(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * The port exception for a failure of a store call.
     *
     * @param primaryKeyMeans the guarantee a duplicate primary key of the statement's table stands for, or null
     */
    public RuntimeException translate(Exception failure, Constraint primaryKeyMeans) {
        SQLException sql = findSqlException(failure);
        if (sql != null && dialect.isUniqueViolation(sql)) {
            return uniqueViolation(sql, primaryKeyMeans);
        }
        if (failure instanceof ConnectionException || (sql != null && isUnavailable(sql))) {
            return unavailable(failure, sql);
        }
        return new IllegalStateException("unexpected database failure" + describe(sql), quotableCause(sql));
    }

    /**
     * The driver exception as a cause when its message cannot hold client data: data exceptions (class 22) and
     * constraint violations (class 23) may quote the offending values, so they are left out.
     */
    private static SQLException quotableCause(SQLException sql) {
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        return state.startsWith("22") || state.startsWith("23") ? null : sql;
    }

    /** The failure to get a first connection at start-up: whatever the reason, the store is not usable. */
    public static StoreUnavailableException unavailableAtStart(SQLException e) {
        // Start-up connection messages (refused, unknown host, access denied for a user) name no secret and are what
        // an operator needs, so the driver exception is kept as the cause.
        return new StoreUnavailableException("database unavailable at start-up" + describe(e), e);
    }

    /**
     * A failed schema migration: unavailable when the database went away, else a broken or foreign schema, reported
     * with Flyway's message (it names migration scripts and DDL, never data).
     */
    public RuntimeException migrationFailed(RuntimeException flywayFailure) {
        SQLException sql = findSqlException(flywayFailure);
        if (sql != null && isUnavailable(sql)) {
            return unavailable(flywayFailure, sql);
        }
        return new IllegalStateException("schema migration failed: " + flywayFailure.getMessage(), flywayFailure);
    }

    /** True for deadlocks and serialisation failures, which a statement run in its own transaction may retry. */
    public boolean isRetryableConflict(Exception failure) {
        SQLException sql = findSqlException(failure);
        if (sql == null) {
            return false;
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        return state.equals("40001") || state.equals("40P01")
                || (dialect == Dialect.MARIADB && sql.getErrorCode() == 1213)
                || (dialect == Dialect.H2 && sql.getErrorCode() == 90131);
    }

    private RuntimeException uniqueViolation(SQLException sql, Constraint primaryKeyMeans) {
        String indexText = dialect.violatedIndexName(sql);
        Constraint named = null;
        for (Map.Entry<String, Constraint> index : UNIQUE_INDEXES.entrySet()) {
            if (indexText.contains(index.getKey())) {
                named = index.getValue();
            }
        }
        if (named != null) {
            return new UniqueConstraintViolation(named);
        }
        if (primaryKeyMeans != null) {
            return new UniqueConstraintViolation(primaryKeyMeans);
        }
        return new IllegalStateException("unexpected duplicate key" + describe(sql));
    }

    private StoreUnavailableException unavailable(Exception failure, SQLException sql) {
        Throwable cause = null;
        if (sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException
                || sql instanceof SQLRecoverableException
                || (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
            // Connection-level messages describe the connection, never a statement or its values.
            cause = sql;
        }
        String what = failure instanceof ConnectionException && sql == null ? " (no connection)" : describe(sql);
        return new StoreUnavailableException("database unavailable" + what, cause);
    }

    private boolean isUnavailable(SQLException sql) {
        if (sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException
                || sql instanceof SQLRecoverableException || sql instanceof SQLTimeoutException) {
            return true;
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("40") || UNAVAILABLE_STATES.contains(state)) {
            return true;
        }
        return switch (dialect) {
            case MARIADB -> MARIADB_UNAVAILABLE_CODES.contains(sql.getErrorCode());
            case H2 -> H2_UNAVAILABLE_CODES.contains(sql.getErrorCode());
            case POSTGRESQL -> false;
        };
    }

    private static String describe(SQLException sql) {
        if (sql == null) {
            return "";
        }
        return " (" + sql.getClass().getSimpleName() + ", SQLState " + sql.getSQLState()
                + ", vendor code " + sql.getErrorCode() + ")";
    }

    static SQLException findSqlException(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 16; depth++) {
            if (current instanceof SQLException sql) {
                return sql;
            }
            current = current.getCause();
        }
        return null;
    }
}
