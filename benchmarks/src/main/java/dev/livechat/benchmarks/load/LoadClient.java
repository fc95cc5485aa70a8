package dev.livechat.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP/1.1 load generator on plain sockets: a fixed number of keep-alive connections, each sending its
 * next request as soon as the previous response has been read in full. Bounded by time and, for sources that run out
 * (new visitors), by count; it never targets anything but the loopback address it is given.
 */
final class LoadClient {

    /** The bytes of one complete request, or null when the source has nothing more to send. */
    interface RequestSource {
        byte[] next(long sequence);
    }

    /**
     * @param requests   responses completed inside the measured window
     * @param seconds    length of the measured window (shorter when the source ran out)
     * @param statuses   status code → count (measured window)
     * @param bytes      response bytes read (measured window)
     * @param latency    request latencies of the measured window
     * @param ioFailures connections that failed and were reopened
     */
    record Result(long requests, double seconds, Map<Integer, Long> statuses, long bytes, LatencyHistogram latency,
                  long ioFailures) {

        double throughput() {
            return seconds <= 0 ? 0 : requests / seconds;
        }

        long non2xx() {
            return statuses.entrySet().stream().filter(e -> e.getKey() / 100 != 2).mapToLong(Map.Entry::getValue).sum();
        }
    }

    private static final int MAX_IO_FAILURES = 100;

    private final String host;
    private final int port;

    LoadClient(String host, int port) {
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            throw new IllegalArgumentException("load is only ever sent to the loopback address");
        }
        this.host = host;
        this.port = port;
    }

    /** Builds the bytes of a request with {@code Host}, optional headers and an optional JSON body. */
    static byte[] request(String method, String target, Map<String, String> headers, String jsonBody) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        headers.forEach((name, value) -> sb.append(name).append(": ").append(value).append("\r\n"));
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        if (jsonBody != null) {
            sb.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        sb.append("\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /**
     * Runs {@code connections} connections for {@code warmup} (not recorded), then for {@code measure}.
     */
    Result run(int connections, Duration warmup, Duration measure, RequestSource source) throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureTo = measureFrom + measure.toNanos();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Worker worker = new Worker(source, sequence, failures, measureFrom, measureTo);
            workers.add(worker);
            worker.thread.start();
        }
        for (Worker worker : workers) {
            worker.thread.join();
        }
        LatencyHistogram latency = new LatencyHistogram();
        Map<Integer, Long> statuses = new TreeMap<>();
        long requests = 0;
        long bytes = 0;
        long lastCompletion = measureFrom;
        boolean exhausted = false;
        for (Worker worker : workers) {
            if (worker.failure != null) {
                throw new IllegalStateException("load connection failed: " + worker.failure.getMessage(), worker.failure);
            }
            latency.add(worker.latency);
            worker.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
            requests += worker.requests;
            bytes += worker.bytes;
            lastCompletion = Math.max(lastCompletion, worker.lastCompletion);
            exhausted |= worker.exhausted;
        }
        long windowEnd = exhausted ? Math.min(measureTo, lastCompletion) : measureTo;
        return new Result(requests, (windowEnd - measureFrom) / 1e9, statuses, bytes, latency, failures.get());
    }

    private final class Worker implements Runnable {
        final Thread thread = new Thread(this, "load");
        final LatencyHistogram latency = new LatencyHistogram();
        final Map<Integer, Long> statuses = new TreeMap<>();
        private final RequestSource source;
        private final AtomicLong sequence;
        private final AtomicLong failures;
        private final long measureFrom;
        private final long measureTo;
        long requests;
        long bytes;
        long lastCompletion;
        boolean exhausted;
        Exception failure;

        Worker(RequestSource source, AtomicLong sequence, AtomicLong failures, long measureFrom, long measureTo) {
            this.source = source;
            this.sequence = sequence;
            this.failures = failures;
            this.measureFrom = measureFrom;
            this.measureTo = measureTo;
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            Connection connection = null;
            try {
                while (true) {
                    long now = System.nanoTime();
                    if (now >= measureTo) {
                        return;
                    }
                    byte[] request = source.next(sequence.getAndIncrement());
                    if (request == null) {
                        exhausted = true;
                        return;
                    }
                    if (connection == null) {
                        connection = new Connection(host, port);
                    }
                    long sent = System.nanoTime();
                    Response response;
                    try {
                        response = connection.exchange(request);
                    } catch (IOException e) {
                        connection.close();
                        connection = null;
                        if (failures.incrementAndGet() > MAX_IO_FAILURES) {
                            throw e;
                        }
                        continue;
                    }
                    long done = System.nanoTime();
                    if (sent >= measureFrom && done <= measureTo) {
                        latency.recordMicros((done - sent) / 1_000);
                        statuses.merge(response.status, 1L, Long::sum);
                        requests++;
                        bytes += response.bodyLength;
                        lastCompletion = done;
                    }
                    if (response.close) {
                        connection.close();
                        connection = null;
                    }
                }
            } catch (Exception e) {
                failure = e;
            } finally {
                if (connection != null) {
                    connection.close();
                }
            }
        }
    }

    private record Response(int status, long bodyLength, boolean close) {
    }

    /** One keep-alive connection: writes a request, reads the status line, headers and the whole body. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] skip = new byte[16 * 1024];
        private final StringBuilder line = new StringBuilder(128);

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        Response exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = readLine();
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("bad status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    close = true;
                }
            }
            long read;
            if (chunked) {
                read = 0;
                while (true) {
                    long size = Long.parseLong(readLine().trim(), 16);
                    if (size == 0) {
                        readLine();
                        break;
                    }
                    skipFully(size);
                    read += size;
                    readLine();
                }
            } else if (length >= 0) {
                skipFully(length);
                read = length;
            } else {
                throw new IOException("response without length");
            }
            return new Response(status, read, close);
        }

        private void skipFully(long n) throws IOException {
            long left = n;
            while (left > 0) {
                int r = in.read(skip, 0, (int) Math.min(skip.length, left));
                if (r < 0) {
                    throw new IOException("connection closed in a body");
                }
                left -= r;
            }
        }

        private String readLine() throws IOException {
            line.setLength(0);
            while (true) {
                int c = in.read();
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c == '\n') {
                    int last = line.length() - 1;
                    if (last >= 0 && line.charAt(last) == '\r') {
                        line.setLength(last);
                    }
                    return line.toString();
                }
                line.append((char) c);
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a load connection cannot fail in a way that matters
            }
        }
    }
}
