package dev.livechat.adapter.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.livechat.application.port.out.StorePorts;
import org.junit.jupiter.api.Assumptions;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A MongoDB for one test class: an in-process mongo-java-server (memory backend), or the real MongoDB named by
 * {@value #ENV}. Every store it opens gets a fresh database; a real server's test databases are dropped on close.
 */
final class MongoFixture implements AutoCloseable {

    static final String ENV = "LIVECHAT_TEST_MONGO_URI";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final MongoServer server;
    private final String baseUri;
    private final boolean real;
    private final MongoClient raw;
    private final List<MongoStore> stores = new ArrayList<>();
    private final List<String> databases = new ArrayList<>();

    private MongoFixture(MongoServer server, String baseUri, boolean real) {
        this.server = server;
        this.baseUri = baseUri;
        this.real = real;
        this.raw = MongoClients.create(baseUri);
    }

    /** A fresh in-process server on a free port. */
    static MongoFixture inProcess() {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        return new MongoFixture(server, "mongodb://" + address.getHostString() + ":" + address.getPort(), false);
    }

    /** The real MongoDB of {@value #ENV}, or null when the variable is not set (see {@link #assumeAvailable}). */
    static MongoFixture realOrNull() {
        String uri = System.getenv(ENV);
        return uri == null || uri.isBlank() ? null : new MongoFixture(null, uri, true);
    }

    /**
     * Skips the calling test, visibly and with the reason, when {@link #realOrNull} found no server. Called before
     * each test (not once per class) so that every skipped test is counted and reported as skipped.
     */
    static void assumeAvailable(MongoFixture fixture) {
        Assumptions.assumeTrue(fixture != null,
                ENV + " is not set: this test against a real MongoDB is skipped (set it to e.g. mongodb://localhost:27017)");
    }

    boolean isReal() {
        return real;
    }

    /** A store on a database of its own. */
    MongoStore newStore() {
        return newStore(MongoStore.ROUTING_LEASE_TTL, MongoStore.ROUTING_LOCK_MAX_WAIT);
    }

    synchronized MongoStore newStore(Duration leaseTtl, Duration lockMaxWait) {
        String database = "livechat_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        MongoStore store = MongoStore.open(uriWithDatabase(database), Clock.systemUTC(), leaseTtl, lockMaxWait);
        stores.add(store);
        databases.add(database);
        return store;
    }

    /** A second store on the database of the last store opened: another "server instance" on the same data. */
    synchronized MongoStore sameDatabaseStore() {
        MongoStore store = MongoStore.open(uriWithDatabase(databases.get(databases.size() - 1)), Clock.systemUTC());
        stores.add(store);
        return store;
    }

    /** All ports of a fresh store. */
    StorePorts newStores() {
        return newStore().ports();
    }

    /** Raw access to the database of the last store opened, to plant or inspect documents. */
    synchronized MongoDatabase database() {
        return raw.getDatabase(databases.get(databases.size() - 1));
    }

    /** A database that no store has touched yet (to plant Rocket.Chat documents before a store opens on it). */
    synchronized String reserveDatabase() {
        String database = "livechat_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        databases.add(database);
        return database;
    }

    synchronized MongoDatabase database(String name) {
        return raw.getDatabase(name);
    }

    synchronized MongoStore openOn(String database) {
        MongoStore store = MongoStore.open(uriWithDatabase(database), Clock.systemUTC());
        stores.add(store);
        return store;
    }

    String uriWithDatabase(String database) {
        int scheme = baseUri.indexOf("://") + 3;
        int query = baseUri.indexOf('?', scheme);
        String head = query < 0 ? baseUri : baseUri.substring(0, query);
        String tail = query < 0 ? "" : baseUri.substring(query);
        int slash = head.indexOf('/', scheme);
        String hosts = slash < 0 ? head : head.substring(0, slash);
        return hosts + "/" + database + tail;
    }

    @Override
    public synchronized void close() {
        for (MongoStore store : stores) {
            store.close();
        }
        if (real) {
            for (String database : databases) {
                raw.getDatabase(database).drop();
            }
        }
        raw.close();
        if (server != null) {
            server.shutdownNow();
        }
    }
}
