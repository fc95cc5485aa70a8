package dev.livechat.adapter.jdbc.internal;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The three supported databases and everything the adapter does differently on each: column types for the migration
 * placeholders, the one statement without a portable form, and how a duplicate-key error names the violated index.
 */
public enum Dialect {

    H2("h2", "TIMESTAMP(3)", "CHARACTER VARYING", "", "") {
        @Override
        public String insertDepartmentAgentIfAbsent() {
            return "MERGE INTO department_agents d"
                    + " USING (VALUES (CAST(:departmentId AS VARCHAR(64)), CAST(:agentId AS VARCHAR(64))))"
                    + " AS s (department_id, agent_id)"
                    + " ON d.department_id = s.department_id AND d.agent_id = s.agent_id"
                    + " WHEN NOT MATCHED THEN INSERT (id, department_id, agent_id, username, agent_count, sort_order)"
                    + " VALUES (:linkId, :departmentId, :agentId, :username, :agentCount, :sortOrder)";
        }

        @Override
        String violatedIndexText(String message) {
            // Unique index or primary key violation: "PUBLIC.UX_NAME ON PUBLIC.TABLE(COL ...) VALUES ( ... )"; ...
            int open = message.indexOf('"');
            int on = open < 0 ? -1 : message.indexOf(" ON ", open);
            return open < 0 || on < 0 ? "" : message.substring(open + 1, on);
        }
    },

    POSTGRESQL("postgresql", "TIMESTAMP(3)", "TEXT", "COLLATE \"C\"", "") {
        @Override
        public String insertDepartmentAgentIfAbsent() {
            return "INSERT INTO department_agents (id, department_id, agent_id, username, agent_count, sort_order)"
                    + " VALUES (:linkId, :departmentId, :agentId, :username, :agentCount, :sortOrder)"
                    + " ON CONFLICT (department_id, agent_id) DO NOTHING";
        }

        @Override
        String violatedIndexText(String message) {
            // ERROR: duplicate key value violates unique constraint "ux_name"  (then a Detail line with the values)
            int newline = message.indexOf('\n');
            return newline < 0 ? message : message.substring(0, newline);
        }
    },

    MARIADB("mariadb", "DATETIME(3)", "MEDIUMTEXT", "",
            "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin") {
        @Override
        public String insertDepartmentAgentIfAbsent() {
            // A no-op update on conflict: unlike INSERT IGNORE it does not swallow other errors.
            return "INSERT INTO department_agents (id, department_id, agent_id, username, agent_count, sort_order)"
                    + " VALUES (:linkId, :departmentId, :agentId, :username, :agentCount, :sortOrder)"
                    + " ON DUPLICATE KEY UPDATE agent_id = agent_id";
        }

        @Override
        String violatedIndexText(String message) {
            // Duplicate entry '<value>' for key '<index>': the value comes first and may contain anything.
            int at = message.lastIndexOf("for key '");
            return at < 0 ? "" : message.substring(at);
        }
    };

    private final String folder;
    private final String timestampType;
    private final String longTextType;
    private final String sortCollation;
    private final String tableOptions;

    Dialect(String folder, String timestampType, String longTextType, String sortCollation, String tableOptions) {
        this.folder = folder;
        this.timestampType = timestampType;
        this.longTextType = longTextType;
        this.sortCollation = sortCollation;
        this.tableOptions = tableOptions;
    }

    /** The dialect of a database product name as JDBC metadata reports it, or empty when unsupported. */
    public static Optional<Dialect> fromProductName(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.equals("h2")) {
            return Optional.of(H2);
        }
        if (name.equals("postgresql")) {
            return Optional.of(POSTGRESQL);
        }
        if (name.equals("mariadb")) {
            return Optional.of(MARIADB);
        }
        return Optional.empty();
    }

    /** The folder under {@code db/migration} holding this dialect's own scripts, if it has any. */
    public String migrationFolder() {
        return folder;
    }

    /** Values of the placeholders in the common migration scripts. */
    public Map<String, String> migrationPlaceholders() {
        return Map.of(
                "timestamp", timestampType,
                "long_text", longTextType,
                "sort_collation", sortCollation,
                "table_options", tableOptions);
    }

    /**
     * A statement run on every connection the store takes from the pool, if the dialect needs one. H2 waits only 2 s
     * for a row lock by default, less than a busy routing lock may be held; PostgreSQL waits without limit and
     * MariaDB 50 s. H2 runs in process, so the statement costs no network round trip.
     */
    public Optional<String> sessionSetup() {
        return this == H2 ? Optional.of("SET LOCK_TIMEOUT 10000") : Optional.empty();
    }

    /**
     * Links an agent to a department unless the link exists, without raising a duplicate-key error; binds
     * {@code linkId}, {@code departmentId}, {@code agentId}, {@code username}, {@code agentCount}, {@code sortOrder}.
     */
    public abstract String insertDepartmentAgentIfAbsent();

    /** True when the exception is a duplicate-key error of a unique index or primary key. */
    public boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState()) || (this == MARIADB && (e.getErrorCode() == 1062 || e.getErrorCode() == 1586));
    }

    /**
     * The part of a duplicate-key message that names the index (lower-cased), leaving out the duplicated values, which
     * may be anything a client sent.
     */
    public String violatedIndexName(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return violatedIndexText(message).toLowerCase(Locale.ROOT);
    }

    abstract String violatedIndexText(String message);
}
