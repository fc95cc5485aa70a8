package dev.livechat.adapter.http.core;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;

/**
 * The body of a request as a server hands it over: bytes already in memory, or a stream that the pipeline reads at
 * most once and never beyond the size limit.
 */
public final class RequestBody {

    /** Declared length of a body whose size is unknown in advance (chunked transfer coding). */
    public static final long UNKNOWN_LENGTH = -1;

    private static final RequestBody EMPTY = new RequestBody(new byte[0], null, 0);

    private final byte[] bytes;
    private final InputStream stream;
    private final long declaredLength;

    private RequestBody(byte[] bytes, InputStream stream, long declaredLength) {
        this.bytes = bytes;
        this.stream = stream;
        this.declaredLength = declaredLength;
    }

    /** A request without a body. */
    public static RequestBody empty() {
        return EMPTY;
    }

    /** A body already held in memory. */
    public static RequestBody of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new RequestBody(bytes.clone(), null, bytes.length);
    }

    /**
     * A body still to be read from a stream.
     *
     * @param stream         the body; the pipeline reads no more than the declared length, or the size limit plus one
     *                       byte when the length is unknown, and does not close it (the server does)
     * @param declaredLength the {@code Content-Length}, or {@link #UNKNOWN_LENGTH} for a chunked body
     */
    public static RequestBody of(InputStream stream, long declaredLength) {
        Objects.requireNonNull(stream, "stream");
        if (declaredLength < UNKNOWN_LENGTH) {
            throw new IllegalArgumentException("declaredLength must be >= -1");
        }
        return declaredLength == 0 ? EMPTY : new RequestBody(null, stream, declaredLength);
    }

    /** The announced length in bytes, {@code 0} for no body, {@link #UNKNOWN_LENGTH} when unknown. */
    public long declaredLength() {
        return declaredLength;
    }

    /** The body as a stream positioned at its start. */
    InputStream open() {
        return stream != null ? stream : new ByteArrayInputStream(bytes);
    }
}
