package dev.livechat.adapter.jdbc.testing;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * The databases the adapter's tests run on. H2 runs in memory, always; PostgreSQL and MariaDB run when their JDBC URL
 * is in the environment, each fresh store in a schema (PostgreSQL) or database (MariaDB) of its own, dropped afterwards.
 */
public enum TestDatabase {

    H2(null) {
        @Override
        public Isolated isolate() {
            String url = "jdbc:h2:mem:" + randomName() + ";DB_CLOSE_DELAY=-1";
            return new Isolated(url, () -> {
                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            });
        }
    },

    POSTGRESQL("LIVECHAT_TEST_POSTGRES_URL") {
        @Override
        public Isolated isolate() throws SQLException {
            String admin = adminUrl();
            String schema = randomName();
            execute(admin, "CREATE SCHEMA " + schema);
            String url = admin + (admin.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new Isolated(url, () -> execute(admin, "DROP SCHEMA " + schema + " CASCADE"));
        }
    },

    MARIADB("LIVECHAT_TEST_MARIADB_URL") {
        @Override
        public Isolated isolate() throws SQLException {
            String admin = adminUrl();
            String database = randomName();
            execute(admin, "CREATE DATABASE " + database);
            return new Isolated(withDatabase(admin, database), () -> execute(admin, "DROP DATABASE " + database));
        }
    };

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String urlVariable;

    TestDatabase(String urlVariable) {
        this.urlVariable = urlVariable;
    }

    /** The environment variable holding the server's JDBC URL, or null for the embedded H2. */
    public String urlVariable() {
        return urlVariable;
    }

    public boolean isAvailable() {
        return urlVariable == null || (System.getenv(urlVariable) != null && !System.getenv(urlVariable).isBlank());
    }

    /** A fresh, empty schema or database on this server and how to drop it. */
    public abstract Isolated isolate() throws SQLException;

    /** A JDBC URL of an empty database of its own, and the action that drops it. */
    public record Isolated(String url, Cleanup drop) {
    }

    /** Drops an isolated schema or database. */
    @FunctionalInterface
    public interface Cleanup {
        void run() throws SQLException;
    }

    String adminUrl() {
        return System.getenv(urlVariable);
    }

    static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The MariaDB URL with its database path replaced: {@code jdbc:mariadb://host:port/<database>?params}. */
    static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//") + 2;
        int query = url.indexOf('?', hostStart);
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', hostStart);
        String hostPart = slash < 0 ? base : base.substring(0, slash);
        return hostPart + "/" + database + params;
    }

    static String randomName() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return "lc_" + HexFormat.of().formatHex(bytes);
    }
}
