package dev.livechat.adapter.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.livechat.application.port.out.StorePorts;
import dev.livechat.domain.error.StoreUnavailableException;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The MongoDB store: opens a client on a connection string, prepares the indexes in Rocket.Chat's collection layout,
 * and hands out every out-port implementation backed by that database. Close it to close the client.
 */
public final class MongoStore implements AutoCloseable {

    /** Database used when the connection string names none (Rocket.Chat's default). */
    public static final String DEFAULT_DATABASE = "rocketchat";

    /** How long a routing lease lives when its holder dies without releasing it. */
    static final Duration ROUTING_LEASE_TTL = Duration.ofSeconds(30);
    /** How long {@code lockRouting()} waits before giving up with {@code StoreUnavailableException}. */
    static final Duration ROUTING_LOCK_MAX_WAIT = Duration.ofSeconds(10);
    /** Server selection timeout unless the connection string sets one: fail fast (503) instead of the driver's 30 s. */
    private static final int DEFAULT_SERVER_SELECTION_TIMEOUT_MS = 5_000;
    /**
     * Socket read timeout unless the connection string sets one: a server that stops answering without closing the
     * connection (a dead host, a partition) becomes a 503 instead of a request that waits forever (the driver's
     * default).
     */
    private static final int DEFAULT_SOCKET_TIMEOUT_MS = 5_000;
    /**
     * Connect timeout and the wait for a pooled connection unless the connection string sets them (the driver waits
     * 10 s and 2 minutes): during an outage requests queue for connections that are being opened to a server that
     * does not answer, and each must still get its 503 within seconds.
     */
    private static final int DEFAULT_CONNECT_AND_POOL_WAIT_MS = 3_000;

    private final MongoClient client;
    private final StorePorts ports;

    private MongoStore(MongoClient client, String database, Clock clock, Duration leaseTtl, Duration lockMaxWait) {
        this.client = client;
        StoreCollections c = new StoreCollections(client.getDatabase(database));
        MongoSchema.ensure(c);
        MongoTransactionRunner transactions = new MongoTransactionRunner();
        this.ports = new StorePorts(new MongoRoomRepository(c), new MongoMessageRepository(c),
                new MongoVisitorRepository(c), new MongoUserRepository(c), new MongoLoginTokenRepository(c),
                new MongoInquiryRepository(c), new MongoDepartmentRepository(c),
                new MongoAgentRouting(c, transactions, new RoutingLease(c, clock, leaseTtl, lockMaxWait)),
                new MongoVisitorChatSearch(c), transactions);
    }

    /**
     * Connects to {@code connectionString} ({@code mongodb://} or {@code mongodb+srv://}; the database is the URI's
     * path, {@value #DEFAULT_DATABASE} when absent) and creates the indexes.
     *
     * @throws IllegalArgumentException  when the connection string is malformed
     * @throws StoreUnavailableException when the server cannot be reached
     * @throws IllegalStateException     when an index cannot be created (e.g. existing duplicates)
     */
    public static MongoStore open(String connectionString, Clock clock) {
        return open(connectionString, clock, ROUTING_LEASE_TTL, ROUTING_LOCK_MAX_WAIT);
    }

    static MongoStore open(String connectionString, Clock clock, Duration leaseTtl, Duration lockMaxWait) {
        Objects.requireNonNull(connectionString, "connectionString");
        ConnectionString uri;
        try {
            uri = new ConnectionString(connectionString);
        } catch (IllegalArgumentException | MongoException e) {
            // The driver's message may quote the string, password included.
            throw new IllegalArgumentException("malformed MongoDB connection string");
        }
        MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(uri);
        if (uri.getServerSelectionTimeout() == null) {
            settings.applyToClusterSettings(b -> b.serverSelectionTimeout(DEFAULT_SERVER_SELECTION_TIMEOUT_MS,
                    TimeUnit.MILLISECONDS));
        }
        if (uri.getSocketTimeout() == null) {
            settings.applyToSocketSettings(b -> b.readTimeout(DEFAULT_SOCKET_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        }
        if (uri.getConnectTimeout() == null) {
            settings.applyToSocketSettings(b -> b.connectTimeout(DEFAULT_CONNECT_AND_POOL_WAIT_MS, TimeUnit.MILLISECONDS));
        }
        if (uri.getMaxWaitTime() == null) {
            settings.applyToConnectionPoolSettings(b -> b.maxWaitTime(DEFAULT_CONNECT_AND_POOL_WAIT_MS,
                    TimeUnit.MILLISECONDS));
        }
        if (uri.getRetryReads() == null) {
            // A retried read waits for server selection and a second read timeout: up to 15 s before the 503 instead
            // of 5. Every request starts with reads, and the client can retry the request itself (retryWrites stays
            // on: a write is retried by the driver exactly once, safely, and only after its reads succeeded).
            settings.retryReads(false);
        }
        String database = uri.getDatabase() == null || uri.getDatabase().isEmpty() ? DEFAULT_DATABASE : uri.getDatabase();
        MongoClient client = MongoErrors.call("connect", Map.of(), () -> MongoClients.create(settings.build()));
        try {
            return new MongoStore(client, database, clock, leaseTtl, lockMaxWait);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Every out-port of this store, all over the same database. */
    public StorePorts ports() {
        return ports;
    }

    /** Closes the client; the repositories fail with {@code StoreUnavailableException} afterwards. */
    @Override
    public void close() {
        client.close();
    }
}
