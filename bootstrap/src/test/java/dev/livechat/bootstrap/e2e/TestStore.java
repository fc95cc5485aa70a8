package dev.livechat.bootstrap.e2e;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.livechat.adapter.jdbc.testing.TestDatabase;
import org.bson.Document;
import org.h2.tools.Server;
import org.junit.jupiter.api.Assumptions;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fresh, empty store of one kind for one server under test, that can list everything it holds ({@link #dump()}) so
 * that tests can show a refused request changed nothing. PostgreSQL and MariaDB run when their URL is in the
 * environment (the variables and the isolation of the JDBC adapter's {@link TestDatabase}); otherwise {@link #create}
 * skips the calling test visibly. The network stores can also be reached through a {@link TcpProxy}; that and the dump
 * are what this adds to {@link StoreTarget}.
 */
abstract class TestStore implements AutoCloseable {

    /** The kinds of store the end-to-end tests run on. */
    enum Kind {
        H2_MEMORY, H2_TCP, POSTGRESQL, MARIADB, MONGODB_IN_PROCESS;

        /** True when this kind can run here (the database servers need their environment variable). */
        boolean available() {
            return variable() == null || env(variable()) != null;
        }

        /** Skips the calling test, visibly and with the reason, when this kind cannot run here. */
        void assumeAvailable() {
            Assumptions.assumeTrue(available(), () -> variable() + " is not set: this test is skipped on " + this);
        }

        private String variable() {
            return switch (this) {
                case POSTGRESQL -> TestDatabase.POSTGRESQL.urlVariable();
                case MARIADB -> TestDatabase.MARIADB.urlVariable();
                default -> null;
            };
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh store; skips the calling test when the kind needs a server whose URL is not set. */
    static TestStore create(Kind kind) {
        try {
            return switch (kind) {
                case H2_MEMORY -> new H2Memory();
                case H2_TCP -> new H2Tcp();
                case POSTGRESQL, MARIADB -> {
                    kind.assumeAvailable();
                    yield new DatabaseServer(kind, kind == Kind.POSTGRESQL ? TestDatabase.POSTGRESQL : TestDatabase.MARIADB);
                }
                case MONGODB_IN_PROCESS -> new MongoInProcess();
            };
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare a " + kind + " store", e);
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }

    static String randomName() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return "lc_e2e_" + HexFormat.of().formatHex(bytes);
    }

    abstract Kind kind();

    /** The {@code LIVECHAT_DB_URL} of this store. */
    abstract String url();

    /** The store's TCP address, for a {@link TcpProxy}; only network stores have one. */
    InetSocketAddress address() {
        throw new UnsupportedOperationException(kind() + " has no network address");
    }

    /** The {@code LIVECHAT_DB_URL} of this store reached through a proxy listening on 127.0.0.1:{@code port}. */
    String urlVia(int port) {
        throw new UnsupportedOperationException(kind() + " has no network address");
    }

    /** Every row or document the store holds, by table or collection, each rendered as text and sorted. */
    abstract Map<String, List<String>> dump();

    @Override
    public abstract void close();

    @Override
    public String toString() {
        return kind().toString();
    }

    // ---- JDBC stores ------------------------------------------------------------------------------------------------

    private abstract static class Jdbc extends TestStore {

        /** The URL a test connection uses to look into the store (the server's own, without proxy). */
        abstract String inspectionUrl();

        @Override
        Map<String, List<String>> dump() {
            Map<String, List<String>> tables = new TreeMap<>();
            try (Connection c = DriverManager.getConnection(inspectionUrl())) {
                DatabaseMetaData meta = c.getMetaData();
                List<String> names = new ArrayList<>();
                try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[]{"TABLE"})) {
                    while (rs.next()) {
                        names.add(rs.getString("TABLE_NAME"));
                    }
                }
                for (String table : names) {
                    if (table.toLowerCase(Locale.ROOT).startsWith("flyway_")) {
                        continue;
                    }
                    List<String> rows = new ArrayList<>();
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                        ResultSetMetaData columns = rs.getMetaData();
                        while (rs.next()) {
                            StringBuilder row = new StringBuilder();
                            for (int i = 1; i <= columns.getColumnCount(); i++) {
                                row.append(columns.getColumnName(i).toLowerCase(Locale.ROOT)).append('=')
                                        .append(rs.getString(i)).append(i < columns.getColumnCount() ? ", " : "");
                            }
                            rows.add(row.toString());
                        }
                    }
                    rows.sort(null);
                    tables.put(table.toLowerCase(Locale.ROOT), rows);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the " + kind() + " store", e);
            }
            return tables;
        }
    }

    private static final class H2Memory extends Jdbc {
        private final String url = "jdbc:h2:mem:" + randomName() + ";DB_CLOSE_DELAY=-1";

        @Override
        Kind kind() {
            return Kind.H2_MEMORY;
        }

        @Override
        String url() {
            return url;
        }

        @Override
        String inspectionUrl() {
            return url;
        }

        @Override
        public void close() {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                // already gone
            }
        }
    }

    /** An in-memory H2 database served by an H2 TCP server in this JVM: a store that can become unreachable. */
    private static final class H2Tcp extends Jdbc {
        private final Server server;
        private final String database = randomName();

        H2Tcp() throws SQLException {
            server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        }

        @Override
        Kind kind() {
            return Kind.H2_TCP;
        }

        @Override
        String url() {
            return urlVia(server.getPort());
        }

        @Override
        InetSocketAddress address() {
            return new InetSocketAddress("127.0.0.1", server.getPort());
        }

        @Override
        String urlVia(int port) {
            return "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:" + database + ";DB_CLOSE_DELAY=-1";
        }

        @Override
        String inspectionUrl() {
            return url();
        }

        @Override
        public void close() {
            server.stop();
        }
    }

    /** A fresh schema (PostgreSQL) or database (MariaDB) from the JDBC adapter's {@link TestDatabase}. */
    private static final class DatabaseServer extends Jdbc {
        private final Kind kind;
        private final TestDatabase.Isolated isolated;
        private final URI endpoint;

        DatabaseServer(Kind kind, TestDatabase database) throws SQLException {
            this.kind = kind;
            this.isolated = database.isolate();
            this.endpoint = URI.create(isolated.url().substring("jdbc:".length()));
        }

        @Override
        Kind kind() {
            return kind;
        }

        @Override
        String url() {
            return isolated.url();
        }

        @Override
        InetSocketAddress address() {
            int defaultPort = kind == Kind.POSTGRESQL ? 5432 : 3306;
            return new InetSocketAddress(endpoint.getHost(), endpoint.getPort() < 0 ? defaultPort : endpoint.getPort());
        }

        @Override
        String urlVia(int port) {
            return url().replaceFirst("//[^/?]+", "//127.0.0.1:" + port);
        }

        @Override
        String inspectionUrl() {
            return url();
        }

        @Override
        public void close() {
            try {
                isolated.drop().run();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop the test database of " + kind, e);
            }
        }
    }

    // ---- MongoDB ----------------------------------------------------------------------------------------------------

    /** mongo-java-server with its memory backend on a free port of 127.0.0.1. */
    private static final class MongoInProcess extends TestStore {
        private final MongoServer server = new MongoServer(new MemoryBackend());
        private final InetSocketAddress address = server.bind();
        private final String database = randomName();
        private final MongoClient inspection = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());

        @Override
        Kind kind() {
            return Kind.MONGODB_IN_PROCESS;
        }

        @Override
        String url() {
            return urlVia(address.getPort());
        }

        @Override
        InetSocketAddress address() {
            return address;
        }

        @Override
        String urlVia(int port) {
            return "mongodb://127.0.0.1:" + port + "/" + database;
        }

        @Override
        Map<String, List<String>> dump() {
            Map<String, List<String>> collections = new TreeMap<>();
            MongoDatabase db = inspection.getDatabase(database);
            for (String name : db.listCollectionNames()) {
                List<String> documents = new ArrayList<>();
                for (Document document : db.getCollection(name).find()) {
                    documents.add(document.toJson());
                }
                documents.sort(null);
                collections.put(name, documents);
            }
            return collections;
        }

        @Override
        public void close() {
            inspection.close();
            server.shutdownNow();
        }
    }
}
