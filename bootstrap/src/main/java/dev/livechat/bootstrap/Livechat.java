package dev.livechat.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import dev.livechat.adapter.http.api.LivechatApi;
import dev.livechat.adapter.http.core.ApiPipeline;
import dev.livechat.adapter.http.jdk.JdkHttpServer;
import dev.livechat.adapter.http.ratelimit.RateLimiter;
import dev.livechat.application.port.in.EnsureAdminCommand;
import dev.livechat.application.port.in.LivechatUseCases;
import dev.livechat.application.service.LivechatSettings;
import dev.livechat.domain.error.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;

/**
 * The running server: the store chosen by {@code LIVECHAT_DB_URL}, the services wired over it, the first-start admin,
 * and the HTTP API on a JDK {@code HttpServer}. The composition root of the project.
 */
public final class Livechat implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Livechat.class);

    /** The server could not start; the message is safe to print (it never contains a password). */
    public static final class StartupException extends RuntimeException {
        StartupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ServerConfig config;
    private final Stores.OpenStore store;
    private final LivechatUseCases useCases;
    private final JdkHttpServer server;
    private final String generatedAdminPassword;

    private Livechat(ServerConfig config, Stores.OpenStore store, LivechatUseCases useCases, JdkHttpServer server,
                     String generatedAdminPassword) {
        this.config = config;
        this.store = store;
        this.useCases = useCases;
        this.server = server;
        this.generatedAdminPassword = generatedAdminPassword;
    }

    /**
     * Opens the store, creates or upgrades its schema, ensures the first admin, and starts serving HTTP on
     * {@code config.port()} (0 picks a free port).
     *
     * @throws StartupException when the store is unreachable, the admin cannot be created, or the port is taken
     */
    public static Livechat start(ServerConfig config, Clock clock) {
        long started = System.nanoTime();
        Stores.OpenStore store = Stores.open(config, clock);
        long storeOpened = System.nanoTime();
        try {
            LivechatSettings settings = new LivechatSettings(config.routingMethod(), config.acceptChatsWithNoAgents(),
                    config.maxChatsPerAgent(), LivechatSettings.DEFAULT_LOGIN_EXPIRATION, version());
            LivechatServices services = LivechatServices.wire(store.ports(), clock, settings, new BcryptPasswordHasher(),
                    new SecureRandomIds());
            String generated = ensureAdmin(services, config);
            long adminEnsured = System.nanoTime();
            ApiPipeline pipeline = ApiPipeline.builder()
                    .authentication(services.useCases().authenticate())
                    .rateLimiter(config.rateLimit() ? RateLimiter.create(clock) : RateLimiter.disabled())
                    .endpoints(LivechatApi.endpoints(services.useCases(), config.exposeVisitorTokenToAgents()))
                    .build();
            JdkHttpServer server = JdkHttpServer.builder(pipeline).build();
            int port = server.start(config.port());
            long now = System.nanoTime();
            LOG.info("Livechat {} listening on port {} ({}), started in {} ms (store {} ms, admin {} ms, http {} ms)",
                    settings.version(), port, config, millis(started, now), millis(started, storeOpened),
                    millis(storeOpened, adminEnsured), millis(adminEnsured, now));
            return new Livechat(config, store, services.useCases(), server, generated);
        } catch (IOException e) {
            closeQuietly(store);
            throw new StartupException("LIVECHAT_PORT: cannot listen on port " + config.port() + " (" + e.getMessage()
                    + ")", e);
        } catch (StoreUnavailableException e) {
            closeQuietly(store);
            throw new StartupException("LIVECHAT_DB_URL: the store is unreachable", e);
        } catch (IllegalStateException e) {
            closeQuietly(store);
            throw new StartupException("LIVECHAT_ADMIN_USERNAME: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(store);
            throw e;
        }
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    private static String ensureAdmin(LivechatServices services, ServerConfig config) {
        return services.ensureAdmin()
                .ensureAdmin(new EnsureAdminCommand(config.adminUsername(), config.adminPassword()))
                .orElse(null);
    }

    /** The project version, as {@code GET /api/info} reports it. */
    static String version() {
        try (InputStream in = Livechat.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bound HTTP port. */
    public int port() {
        return server.port();
    }

    public ServerConfig config() {
        return config;
    }

    /** The JDBC connection pool, for tests that read its metrics or exhaust it; empty on MongoDB. */
    Optional<HikariDataSource> jdbcPool() {
        return Optional.ofNullable(store.pool());
    }

    /** The use cases, for callers in the same JVM. */
    public LivechatUseCases useCases() {
        return useCases;
    }

    /** The admin password generated by this start, if one was. */
    public Optional<String> generatedAdminPassword() {
        return Optional.ofNullable(generatedAdminPassword);
    }

    /** Stops accepting requests, lets running ones finish, then releases the store. */
    @Override
    public void close() {
        server.close();
        closeQuietly(store);
        LOG.info("Livechat stopped");
    }

    private static void closeQuietly(Stores.OpenStore store) {
        try {
            store.closer().close();
        } catch (Exception e) {
            LOG.warn("closing the store failed: {}", e.getClass().getSimpleName());
        }
    }
}
