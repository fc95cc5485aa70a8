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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves an {@link ApiPipeline} with the JDK's built-in {@link HttpServer} in two stages, so that slow clients cannot
 * starve the workers:
 * <ol>
 *   <li><b>connection threads</b> (the {@code HttpServer}'s executor) do all of a request's client I/O: the JDK reads
 *       the request line and headers on them, then they read the body into memory (at most the 1 MiB limit plus one
 *       byte, never a body announced as larger) and finally write the response. A client that trickles bytes holds a
 *       connection thread, bounded in time by {@value #MAX_REQUEST_TIME_PROPERTY} and {@value #MAX_RESPONSE_TIME_PROPERTY};
 *       bodies held in memory at once are bounded by a byte budget.</li>
 *   <li><b>workers</b>, a fixed pool with a bounded queue, run the pipeline on a request whose bytes are all in memory,
 *       so they only ever wait for the store. When workers and queue are full, or a request waited in the queue longer
 *       than the queue-wait limit, the connection thread answers 503 {@code service-unavailable} at once.</li>
 * </ol>
 * A body the pipeline refuses unread (413 for a body announced as larger than the limit) is discarded after the
 * response, up to {@link #DEFAULT_DRAIN_BYTES}, so that the client can read its 413; beyond that the connection is
 * closed.
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
     * System property (seconds) bounding how long the JDK server waits for a request's headers and body, counted from
     * its first byte; set to {@value #DEFAULT_MAX_REQUEST_SECONDS} unless given, so that a client announcing a body it
     * never sends (or sending its headers byte by byte) holds a connection thread no longer than that: the JDK closes
     * the connection.
     */
    public static final String MAX_REQUEST_TIME_PROPERTY = "sun.net.httpserver.maxReqTime";

    /** Default of {@link #MAX_REQUEST_TIME_PROPERTY}. */
    public static final int DEFAULT_MAX_REQUEST_SECONDS = 30;

    /**
     * System property (seconds) bounding the time from the end of a request to the end of its response; set to
     * {@value #DEFAULT_MAX_RESPONSE_SECONDS} unless given, so that a client that never reads its response cannot hold a
     * connection thread forever.
     */
    public static final String MAX_RESPONSE_TIME_PROPERTY = "sun.net.httpserver.maxRspTime";

    /** Default of {@link #MAX_RESPONSE_TIME_PROPERTY}. */
    public static final int DEFAULT_MAX_RESPONSE_SECONDS = 30;

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
    private final Duration maxQueueWait;
    private final int connectionThreads;
    private final long bodyBudgetBytes;
    private final InetAddress bindAddress;
    private final int backlog;
    private final Duration stopTimeout;

    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopping;
    private HttpServer server;
    private ThreadPoolExecutor workerPool;
    private ThreadPoolExecutor connectionPool;
    private Semaphore bodyBudget;

    private JdkHttpServer(Builder b) {
        this.pipeline = b.pipeline;
        this.workers = b.workers;
        this.queueCapacity = b.queueCapacity;
        this.maxQueueWait = b.maxQueueWait;
        this.connectionThreads = b.connectionThreads;
        this.bodyBudgetBytes = b.bodyBudgetBytes;
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
        // All four are read once, when the JVM creates its first HttpServer; explicit -D settings win.
        // Without nodelay every small response waits for Nagle's algorithm and the peer's delayed ACK.
        setIfAbsent(NODELAY_PROPERTY, "true");
        setIfAbsent(MAX_REQUEST_TIME_PROPERTY, Integer.toString(DEFAULT_MAX_REQUEST_SECONDS));
        setIfAbsent(MAX_RESPONSE_TIME_PROPERTY, Integer.toString(DEFAULT_MAX_RESPONSE_SECONDS));
        setIfAbsent(DRAIN_AMOUNT_PROPERTY, Long.toString(DEFAULT_DRAIN_BYTES));
        BlockingQueue<Runnable> queue = queueCapacity == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(queueCapacity);
        workerPool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, queue,
                threads("livechat-http-"), new ThreadPoolExecutor.AbortPolicy());
        // Connection threads are created on demand and end when idle; requests beyond them wait for one.
        connectionPool = new ThreadPoolExecutor(connectionThreads, connectionThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads("livechat-http-io-"));
        connectionPool.allowCoreThreadTimeOut(true);
        bodyBudget = new Semaphore((int) Math.min(Integer.MAX_VALUE, bodyBudgetBytes));
        try {
            stopping = false;
            HttpServer created = HttpServer.create(new InetSocketAddress(bindAddress, port), backlog);
            created.createContext("/", this::serve);
            created.setExecutor(connectionPool);
            created.start();
            server = created;
        } catch (IOException | RuntimeException e) {
            workerPool.shutdownNow();
            connectionPool.shutdownNow();
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
        connectionPool.shutdownNow();
        LOG.info("Stopped");
    }

    @Override
    public void close() {
        stop();
    }

    /** Runs on a connection thread: the JDK has read the headers; read the body, let a worker answer, write. */
    private void serve(HttpExchange exchange) {
        inFlight.incrementAndGet();
        int reserved = 0;
        try {
            RawRequest request = toRawRequest(exchange);
            RawResponse response;
            if (stopping) {
                response = pipeline.refuseOverloaded(request);
            } else {
                reserved = reservation(request.body().declaredLength());
                if (reserved > 0 && !bodyBudget.tryAcquire(reserved)) {
                    reserved = 0;
                    response = pipeline.refuseOverloaded(request); // too many bodies in memory at once
                } else {
                    response = onWorker(inMemory(request, exchange.getRequestBody()));
                }
            }
            write(exchange, response);
        } catch (IOException e) {
            LOG.debug("Client connection failed", e);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure in the JDK binding", e);
        } finally {
            if (reserved > 0) {
                bodyBudget.release(reserved);
            }
            exchange.close();
            inFlight.decrementAndGet();
        }
    }

    /** Bytes of memory a request's body may take: none for no body or one announced as larger than the limit. */
    private static int reservation(long declaredLength) {
        if (declaredLength == 0 || declaredLength > ApiPipeline.MAX_BODY_BYTES) {
            return 0;
        }
        return declaredLength == RequestBody.UNKNOWN_LENGTH ? ApiPipeline.MAX_BODY_BYTES + 1 : (int) declaredLength;
    }

    /**
     * The request with its body read into memory: up to the announced length, or up to the limit plus one byte for a
     * chunked body (so that the pipeline still sees it is too large). A body announced as larger than the limit is left
     * unread; the pipeline answers 413 (or 415) without reading it. A client that goes away mid-body leaves a
     * truncated body, which the pipeline reports as invalid JSON.
     */
    private static RawRequest inMemory(RawRequest request, InputStream stream) {
        long declared = request.body().declaredLength();
        if (declared == 0 || declared > ApiPipeline.MAX_BODY_BYTES) {
            return request;
        }
        int cap = declared == RequestBody.UNKNOWN_LENGTH ? ApiPipeline.MAX_BODY_BYTES + 1 : (int) declared;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.min(cap, 8192));
        byte[] buffer = new byte[Math.min(cap, 8192)];
        try {
            int total = 0;
            while (total < cap) {
                int n = stream.read(buffer, 0, Math.min(buffer.length, cap - total));
                if (n < 0) {
                    break;
                }
                bytes.write(buffer, 0, n);
                total += n;
            }
        } catch (IOException e) {
            LOG.debug("Client connection failed while sending its body", e);
        }
        return new RawRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(),
                RequestBody.of(new ByteArrayInputStream(bytes.toByteArray()), declared), request.remoteAddress());
    }

    /** Runs the pipeline on a worker and waits for its answer; 503 at once when no worker can take it soon enough. */
    private RawResponse onWorker(RawRequest request) {
        long queued = System.nanoTime();
        long maxWaitNanos = maxQueueWait.toNanos();
        Future<RawResponse> answer;
        try {
            answer = workerPool.submit(() -> System.nanoTime() - queued > maxWaitNanos
                    ? pipeline.refuseOverloaded(request)
                    : pipeline.handle(request));
        } catch (RejectedExecutionException saturated) {
            return pipeline.refuseOverloaded(request);
        }
        try {
            return answer.get();
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return pipeline.refuseOverloaded(request);
        } catch (ExecutionException e) {
            // ApiPipeline.handle answers every failure itself; only a JVM error can get here.
            throw new IllegalStateException("the pipeline failed", e.getCause());
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

    private static ThreadFactory threads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task);
            thread.setName(prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Configures a {@link JdkHttpServer}. */
    public static final class Builder {
        private final ApiPipeline pipeline;
        private int workers = Math.max(4, Runtime.getRuntime().availableProcessors() * 4);
        private int queueCapacity = 256;
        private Duration maxQueueWait = Duration.ofSeconds(3);
        private int connectionThreads = 256;
        private long bodyBudgetBytes = 64L * 1024 * 1024;
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

        /** Requests that may wait for a worker (default 256; 0 = none may wait); beyond it: 503 at once. */
        public Builder queueCapacity(int queueCapacity) {
            if (queueCapacity < 0) {
                throw new IllegalArgumentException("queueCapacity must be >= 0");
            }
            this.queueCapacity = queueCapacity;
            return this;
        }

        /**
         * How long a request may wait in the queue for a worker (default 3 s); a request that waited longer is answered
         * 503 without being run, so that a backlog (e.g. behind an unreachable store) never turns into minutes of wait.
         */
        public Builder maxQueueWait(Duration maxQueueWait) {
            if (maxQueueWait.isNegative()) {
                throw new IllegalArgumentException("maxQueueWait must be >= 0");
            }
            this.maxQueueWait = maxQueueWait;
            return this;
        }

        /**
         * Threads that do the client I/O: each holds one request from its first byte to the end of its response
         * (default 256). Slow clients take these, never workers; more requests than threads wait for one.
         */
        public Builder connectionThreads(int connectionThreads) {
            if (connectionThreads < 1) {
                throw new IllegalArgumentException("connectionThreads must be >= 1");
            }
            this.connectionThreads = connectionThreads;
            return this;
        }

        /**
         * Bytes of request bodies held in memory at once (default 64 MiB; a chunked body counts as the 1 MiB limit);
         * a request whose body does not fit is answered 503 without being read.
         */
        public Builder bodyBudgetBytes(long bodyBudgetBytes) {
            if (bodyBudgetBytes < ApiPipeline.MAX_BODY_BYTES + 1L) {
                throw new IllegalArgumentException("bodyBudgetBytes must hold at least one body of the size limit");
            }
            this.bodyBudgetBytes = bodyBudgetBytes;
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
