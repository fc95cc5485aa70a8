package dev.livechat.bootstrap;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.livechat.adapter.jdbc.JdbcStore;
import dev.livechat.adapter.mongo.MongoStore;
import dev.livechat.application.port.out.StorePorts;
import dev.livechat.domain.error.StoreUnavailableException;

import java.time.Clock;

/**
 * Opens the store that {@code LIVECHAT_DB_URL} selects (contract 7): the JDBC adapter behind a HikariCP pool for H2,
 * PostgreSQL and MariaDB, or the MongoDB adapter.
 */
final class Stores {

    /** An opened store: its out-ports, and how to release it. */
    record OpenStore(StorePorts ports, AutoCloseable closer) {
    }

    /** Connections in the JDBC pool: more than the HTTP workers would only queue inside the database. */
    static final int POOL_SIZE = 16;
    /** Parsed statements H2 keeps per connection: more than the adapter's distinct statements on a hot path. */
    static final int H2_QUERY_CACHE_SIZE = 64;
    /** How long a request waits for a pooled connection before answering 503 (contract 1.5). */
    static final long CONNECTION_TIMEOUT_MS = 3_000;

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
        if (config.dbUser() != null) {
            pool.setUsername(config.dbUser());
        }
        if (config.dbPassword() != null) {
            pool.setPassword(config.dbPassword());
        }
        pool.setMaximumPoolSize(POOL_SIZE);
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
            return new OpenStore(JdbcStore.open(dataSource).ports(), dataSource::close);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static OpenStore openMongo(ServerConfig config, Clock clock) {
        MongoStore store = MongoStore.open(config.dbUrl(), clock);
        return new OpenStore(store.ports(), store::close);
    }
}
