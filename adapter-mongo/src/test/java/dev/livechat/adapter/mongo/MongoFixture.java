package dev.livechat.adapter.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.livechat.application.port.out.StorePorts;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A MongoDB for one test class: an in-process mongo-java-server (memory backend), or the real MongoDB named by
 * {@value #ENV}. Registered as a static {@code @RegisterExtension} field, it starts before the class's first test,
 * closes every store a test opened and drops its databases after the test, and stops after the class; without
 * {@value #ENV} a real-server class is skipped, visibly (reported as skipped, naming the variable). Every store it opens gets a fresh database. Used without registration ({@link #start()} and
 * {@link #close()} by hand), it keeps everything until closed.
 */
final class MongoFixture implements AutoCloseable, ExecutionCondition, BeforeAllCallback, AfterEachCallback,
        AfterAllCallback {

    static final String ENV = "LIVECHAT_TEST_MONGO_URI";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final boolean real;
    private MongoServer server;
    private String baseUri;
    private MongoClient raw;
    private final List<MongoStore> stores = new ArrayList<>();
    private final List<String> databases = new ArrayList<>();

    private MongoFixture(boolean real) {
        this.real = real;
    }

    /** An in-process server on a free port, started by {@link #start()} or before the registering class. */
    static MongoFixture inProcess() {
        return new MongoFixture(false);
    }

    /** The real MongoDB of {@value #ENV}; its tests are skipped when the variable is not set. */
    static MongoFixture real() {
        return new MongoFixture(true);
    }

    /** Starts the in-process server, or connects to the real one; returns this fixture. */
    synchronized MongoFixture start() {
        if (raw != null || !isAvailable()) {
            return this;
        }
        if (real) {
            baseUri = System.getenv(ENV);
        } else {
            server = new MongoServer(new MemoryBackend());
            InetSocketAddress address = server.bind();
            baseUri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        }
        raw = MongoClients.create(baseUri);
        return this;
    }

    private boolean isAvailable() {
        return !real || (System.getenv(ENV) != null && !System.getenv(ENV).isBlank());
    }

    private static String skipReason() {
        return ENV + " is not set: this test against a real MongoDB is skipped (set it to e.g. mongodb://localhost:27017)";
    }

    /**
     * Without {@value #ENV} a real-server class is skipped as a whole, with the reason, as one skipped entry named
     * after the class: its nested suites are named after their base class for both servers, and surefire would merge
     * their skipped runs into the passing in-process ones.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return isAvailable() ? ConditionEvaluationResult.enabled("a MongoDB is at hand")
                : ConditionEvaluationResult.disabled(skipReason());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        release();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
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

    /** Closes the stores opened so far and drops their databases. */
    private synchronized void release() {
        for (MongoStore store : stores) {
            store.close();
        }
        stores.clear();
        if (raw != null) {
            for (String database : databases) {
                raw.getDatabase(database).drop();
            }
        }
        databases.clear();
    }

    @Override
    public synchronized void close() {
        release();
        if (raw != null) {
            raw.close();
            raw = null;
        }
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }
}
