package dev.livechat.bootstrap;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import dev.livechat.adapter.jdbc.JdbcStore;
import dev.livechat.adapter.mongo.MongoStore;
import dev.livechat.application.port.out.StorePorts;
import dev.livechat.domain.error.StoreUnavailableException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Opens the store that {@code LIVECHAT_DB_URL} selects (contract 7): the JDBC adapter behind a HikariCP pool for H2,
 * PostgreSQL and MariaDB, or the MongoDB adapter.
 */
final class Stores {

    /**
     * An opened store: its out-ports, how to release it, and for the JDBC stores the connection pool (null for
     * MongoDB), whose metrics tests read.
     */
    record OpenStore(StorePorts ports, AutoCloseable closer, HikariDataSource pool) {
    }

    /** Connections in the JDBC pool: more than the HTTP workers would only queue inside the database. */
    static final int POOL_SIZE = 16;
    /** Parsed statements H2 keeps per connection: more than the adapter's distinct statements on a hot path. */
    static final int H2_QUERY_CACHE_SIZE = 64;
    /** How long a request waits for a pooled connection before answering 503 (contract 1.5). */
    static final long CONNECTION_TIMEOUT_MS = 3_000;
    /**
     * How long a statement may wait for the database server's answer (PostgreSQL and MariaDB) unless the URL says
     * otherwise: a server that stops answering without closing its connections (a dead host, a network partition)
     * must not hold a worker for the minutes TCP takes to notice. No endpoint's query comes near it.
     */
    static final int SOCKET_TIMEOUT_SECONDS = 10;

    private Stores() {
    }

    /**
     * @throws Livechat.StartupException when the store cannot be reached or prepared; the message names the variable
     *                                   and never contains the URL's credentials
     */
    static OpenStore open(ServerConfig config, Clock clock) {
        try {
            return config.storeKind() == ServerConfig.StoreKind.MONGODB ? openMongo(config, clock) : openJdbc(config);
        } catch (StoreUnavailableException e) {
            throw new Livechat.StartupException("LIVECHAT_DB_URL: the store is unreachable", e);
        } catch (RuntimeException e) {
            throw new Livechat.StartupException("LIVECHAT_DB_URL: the store could not be opened ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static OpenStore openJdbc(ServerConfig config) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("livechat");
        pool.setJdbcUrl(config.dbUrl());
        driverDefaults(config.storeKind(), config.dbUrl()).forEach(pool::addDataSourceProperty);
        if (config.dbUser() != null) {
            pool.setUsername(config.dbUser());
        }
        if (config.dbPassword() != null) {
            pool.setPassword(config.dbPassword());
        }
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setExceptionOverride(new EvictBrokenConnections());
        pool.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        pool.setValidationTimeout(1_000);
        pool.setInitializationFailTimeout(CONNECTION_TIMEOUT_MS);
        if (config.storeKind() == ServerConfig.StoreKind.H2
                && !config.dbUrl().toUpperCase(java.util.Locale.ROOT).contains("QUERY_CACHE_SIZE")) {
            // H2 keeps 8 parsed statements per session by default; opening a room alone runs a dozen different ones,
            // so every statement was parsed again (docs/benchmarks.md). An explicit setting in the URL wins.
            pool.addDataSourceProperty("QUERY_CACHE_SIZE", Integer.toString(H2_QUERY_CACHE_SIZE));
        }
        if (config.storeKind() == ServerConfig.StoreKind.MARIADB) {
            // MariaDB starts in REPEATABLE READ; the adapter runs READ COMMITTED and would otherwise switch per unit
            pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("cannot connect", e);
        }
        try {
            return new OpenStore(JdbcStore.open(dataSource).ports(), dataSource::close, dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static OpenStore openMongo(ServerConfig config, Clock clock) {
        MongoStore store = MongoStore.open(config.dbUrl(), clock);
        return new OpenStore(store.ports(), store::close, null);
    }

    /**
     * Driver settings the server relies on, each applied only when the URL does not set it (a URL parameter wins over a
     * driver property on every driver here; H2 refuses the same setting twice, hence the check):
     * <ul>
     *   <li>embedded H2: {@code WRITE_DELAY=0}. H2 otherwise writes committed transactions to its file up to 500 ms
     *       later, so a killed server lost requests it had answered with 200; with 0 every commit is in the file (the
     *       operating system's cache) before the answer. H2 does not fsync each commit: a power failure can still lose
     *       the last commits, which is what PostgreSQL or MariaDB are for.</li>
     *   <li>PostgreSQL and MariaDB: a socket timeout of {@value #SOCKET_TIMEOUT_SECONDS} s and a connect timeout of
     *       the pool's wait, so that an unreachable server becomes a 503 in seconds, never a hung worker.</li>
     * </ul>
     */
    static Map<String, String> driverDefaults(ServerConfig.StoreKind kind, String url) {
        Map<String, String> defaults = new LinkedHashMap<>();
        String lower = url.toLowerCase(Locale.ROOT);
        switch (kind) {
            case H2 -> {
                String location = lower.substring("jdbc:h2:".length());
                boolean embeddedFile = !location.startsWith("mem:") && !location.startsWith("tcp:")
                        && !location.startsWith("ssl:");
                if (embeddedFile && !lower.contains(";write_delay=")) {
                    defaults.put("WRITE_DELAY", "0");
                }
            }
            case POSTGRESQL -> {
                putUnlessInUrl(defaults, lower, "socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
                putUnlessInUrl(defaults, lower, "connectTimeout", Long.toString(CONNECTION_TIMEOUT_MS / 1000));
            }
            case MARIADB -> {
                putUnlessInUrl(defaults, lower, "socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS * 1000));
                putUnlessInUrl(defaults, lower, "connectTimeout", Long.toString(CONNECTION_TIMEOUT_MS));
            }
            case MONGODB -> {
                // not a JDBC store
            }
        }
        return defaults;
    }

    /**
     * Evicts a pooled connection on any {@link SQLNonTransientConnectionException} or {@link SQLRecoverableException},
     * the JDBC classes for "this connection is dead". HikariCP evicts by SQLState (class 08 and a few vendor codes)
     * only, and H2 reports a broken TCP connection as 90067/90121: the dead connection went back to the pool and every
     * request that got it within HikariCP's half-second alive-bypass window answered 503, so under steady traffic the
     * server never recovered by itself after the database came back.
     */
    static final class EvictBrokenConnections implements SQLExceptionOverride {
        @java.lang.Override // the interface declares an enum named Override
        public SQLExceptionOverride.Override adjudicate(SQLException e) {
            return e instanceof SQLNonTransientConnectionException || e instanceof SQLRecoverableException
                    ? SQLExceptionOverride.Override.MUST_EVICT
                    : SQLExceptionOverride.Override.CONTINUE_EVICT;
        }
    }

    private static void putUnlessInUrl(Map<String, String> defaults, String lowerUrl, String key, String value) {
        String needle = key.toLowerCase(Locale.ROOT) + "=";
        if (!lowerUrl.contains("?" + needle) && !lowerUrl.contains("&" + needle)) {
            defaults.put(key, value);
        }
    }
}
