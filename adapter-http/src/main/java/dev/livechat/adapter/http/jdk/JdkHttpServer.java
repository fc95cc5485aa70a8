package dev.livechat.adapter.http.jdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.livechat.adapter.http.core.ApiPipeline;
import dev.livechat.adapter.http.core.RawRequest;
import dev.livechat.adapter.http.core.RawResponse;
import dev.livechat.adapter.http.core.RequestBody;
import dev.livechat.adapter.http.core.RequestHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves an {@link ApiPipeline} with the JDK's built-in {@link HttpServer} (TCP_NODELAY on, a fixed pool of worker
 * threads with a bounded queue, a time limit on receiving a request). When workers and queue are full, a small
 * separate pool answers 503 {@code service-unavailable} at once instead of letting requests pile up; if that is full
 * too, the connection is closed. A body the pipeline refuses unread (413) is discarded after the response, up to
 * {@link #DEFAULT_DRAIN_BYTES}, so that the client can read its 413; beyond that the connection is closed.
 *
 * <pre>{@code
 * JdkHttpServer server = JdkHttpServer.builder(pipeline).workers(32).build();
 * int port = server.start(3000);   // 0 picks a free port
 * ...
 * server.stop();                   // finishes requests in flight (up to the stop timeout), then closes
 * }</pre>
 */
public final class JdkHttpServer implements AutoCloseable {

    /** System property read once by the JDK server implementation when its first server is created. */
    public static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    /**
     * System property (seconds) bounding how long the JDK server waits for a request's headers and body; set to
     * {@value #DEFAULT_MAX_REQUEST_SECONDS} unless given, so that a client announcing a body it never sends (or
     * sending it byte by byte) cannot hold a worker thread forever.
     */
    public static final String MAX_REQUEST_TIME_PROPERTY = "sun.net.httpserver.maxReqTime";

    /** Default of {@link #MAX_REQUEST_TIME_PROPERTY}. */
    public static final int DEFAULT_MAX_REQUEST_SECONDS = 30;

    /**
     * System property (bytes): how much of a body left unread (e.g. after a 413) the JDK server discards, after the
     * response is sent, before closing the connection. Closing with unread input makes the kernel reset the
     * connection, which destroys the response in flight to the client; like Tomcat's {@code maxSwallowSize}, a bounded
     * amount is swallowed (through a small fixed buffer, never held in memory) so that clients see their 413.
     */
    public static final String DRAIN_AMOUNT_PROPERTY = "sun.net.httpserver.drainAmount";

    /** Default of {@link #DRAIN_AMOUNT_PROPERTY}: 4 MiB. */
    public static final long DEFAULT_DRAIN_BYTES = 4L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(JdkHttpServer.class);

    private final ApiPipeline pipeline;
    private final int workers;
    private final int queueCapacity;
    private final int overloadThreads;
    private final InetAddress bindAddress;
    private final int backlog;
    private final Duration stopTimeout;

    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopping;
    private HttpServer server;
    private ThreadPoolExecutor workerPool;
    private ThreadPoolExecutor overloadPool;

    private JdkHttpServer(Builder b) {
        this.pipeline = b.pipeline;
        this.workers = b.workers;
        this.queueCapacity = b.queueCapacity;
        this.overloadThreads = b.overloadThreads;
        this.bindAddress = b.bindAddress;
        this.backlog = b.backlog;
        this.stopTimeout = b.stopTimeout;
    }

    /** Starts configuring a server for {@code pipeline}. */
    public static Builder builder(ApiPipeline pipeline) {
        return new Builder(pipeline);
    }

    /**
     * Binds and starts serving.
     *
     * @param port the TCP port, or 0 for any free port
     * @return the bound port
     * @throws IOException           when the port cannot be bound
     * @throws IllegalStateException when already started
     */
    public synchronized int start(int port) throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        // All three are read once, when the JVM creates its first HttpServer; explicit -D settings win.
        // Without nodelay every small response waits for Nagle's algorithm and the peer's delayed ACK.
        setIfAbsent(NODELAY_PROPERTY, "true");
        setIfAbsent(MAX_REQUEST_TIME_PROPERTY, Integer.toString(DEFAULT_MAX_REQUEST_SECONDS));
        setIfAbsent(DRAIN_AMOUNT_PROPERTY, Long.toString(DEFAULT_DRAIN_BYTES));
        BlockingQueue<Runnable> queue = queueCapacity == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(queueCapacity);
        overloadPool = new ThreadPoolExecutor(overloadThreads, overloadThreads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, overloadThreads * 16)), threads("livechat-http-overload-", true),
                new ThreadPoolExecutor.AbortPolicy());
        workerPool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, queue,
                threads("livechat-http-", false), (task, pool) -> overloadPool.execute(task));
        try {
            stopping = false;
            HttpServer created = HttpServer.create(new InetSocketAddress(bindAddress, port), backlog);
            created.createContext("/", this::serve);
            created.setExecutor(workerPool);
            created.start();
            server = created;
        } catch (IOException | RuntimeException e) {
            workerPool.shutdownNow();
            overloadPool.shutdownNow();
            throw e;
        }
        LOG.info("Listening on {}:{}", bindAddress.getHostAddress(), port());
        return port();
    }

    /**
     * The bound port.
     *
     * @throws IllegalStateException when not started
     */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getAddress().getPort();
    }

    /** Stops gracefully: new requests get 503, requests in flight may finish within the stop timeout. */
    public void stop() {
        HttpServer running;
        synchronized (this) {
            running = server;
            server = null;
        }
        if (running == null) {
            return;
        }
        stopping = true;
        long deadline = System.nanoTime() + stopTimeout.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        running.stop(0);
        workerPool.shutdownNow();
        overloadPool.shutdownNow();
        LOG.info("Stopped");
    }

    @Override
    public void close() {
        stop();
    }

    private void serve(HttpExchange exchange) {
        inFlight.incrementAndGet();
        try {
            RawRequest request = toRawRequest(exchange);
            RawResponse response = stopping || Thread.currentThread() instanceof OverloadThread
                    ? pipeline.refuseOverloaded(request)
                    : pipeline.handle(request);
            write(exchange, response);
        } catch (IOException e) {
            LOG.debug("Client connection failed", e);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure in the JDK binding", e);
        } finally {
            exchange.close();
            inFlight.decrementAndGet();
        }
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private static RawRequest toRawRequest(HttpExchange exchange) {
        String rawPath = exchange.getRequestURI().getRawPath();
        RequestHeaders headers = RequestHeaders.of(exchange.getRequestHeaders());
        long declaredLength;
        if (headers.contains("Transfer-Encoding")) {
            declaredLength = RequestBody.UNKNOWN_LENGTH; // the JDK accepts only "chunked" here
        } else {
            String contentLength = headers.first("Content-Length");
            declaredLength = contentLength == null ? 0 : Long.parseLong(contentLength.trim()); // validated by the JDK
        }
        InetSocketAddress remote = exchange.getRemoteAddress();
        String address = remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        return new RawRequest(exchange.getRequestMethod(), rawPath == null ? "" : rawPath,
                exchange.getRequestURI().getRawQuery(), headers,
                RequestBody.of(exchange.getRequestBody(), declaredLength), address);
    }

    private static void write(HttpExchange exchange, RawResponse response) throws IOException {
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            exchange.getResponseHeaders().set(header.getKey(), header.getValue());
        }
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static ThreadFactory threads(String prefix, boolean overload) {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = overload ? new OverloadThread(task) : new Thread(task);
            thread.setName(prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Marks the threads that only refuse requests. */
    private static final class OverloadThread extends Thread {
        OverloadThread(Runnable task) {
            super(task);
        }
    }

    /** Configures a {@link JdkHttpServer}. */
    public static final class Builder {
        private final ApiPipeline pipeline;
        private int workers = Math.max(4, Runtime.getRuntime().availableProcessors() * 4);
        private int queueCapacity = 256;
        private int overloadThreads = 2;
        private InetAddress bindAddress = new InetSocketAddress(0).getAddress();
        private int backlog = 0;
        private Duration stopTimeout = Duration.ofSeconds(10);

        private Builder(ApiPipeline pipeline) {
            this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        }

        /** Fixed number of worker threads (default: 4 per processor, at least 4). */
        public Builder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be >= 1");
            }
            this.workers = workers;
            return this;
        }

        /** Requests that may wait for a worker (default 256; 0 = none may wait); beyond it: 503. */
        public Builder queueCapacity(int queueCapacity) {
            if (queueCapacity < 0) {
                throw new IllegalArgumentException("queueCapacity must be >= 0");
            }
            this.queueCapacity = queueCapacity;
            return this;
        }

        /** Threads that answer 503 when saturated (default 2). */
        public Builder overloadThreads(int overloadThreads) {
            if (overloadThreads < 1) {
                throw new IllegalArgumentException("overloadThreads must be >= 1");
            }
            this.overloadThreads = overloadThreads;
            return this;
        }

        /** The local address to bind (default: all interfaces). */
        public Builder bindAddress(InetAddress bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        /** The TCP accept backlog (default 0: the system default). */
        public Builder backlog(int backlog) {
            this.backlog = backlog;
            return this;
        }

        /** How long {@link JdkHttpServer#stop()} waits for requests in flight (default 10 s). */
        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = Objects.requireNonNull(stopTimeout, "stopTimeout");
            return this;
        }

        /** The server, not yet started. */
        public JdkHttpServer build() {
            return new JdkHttpServer(this);
        }
    }
}
