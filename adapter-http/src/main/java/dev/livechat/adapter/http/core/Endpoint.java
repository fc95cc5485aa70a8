package dev.livechat.adapter.http.core;

import dev.livechat.adapter.http.ratelimit.RateLimitPolicy;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One route of the API: method, path template, who may call it, an optional rate limit, and its {@link Handler}.
 *
 * <pre>{@code
 * Endpoint.agent("GET", "/api/v1/livechat/visitors.chatHistory/room/:roomId/visitor/:visitorId", chatHistory::handle);
 * Endpoint.visitor("GET", "/api/v1/livechat/room", room::handle)
 *         .rateLimited(RateLimitPolicy.requests(5, Duration.ofSeconds(60)));
 * }</pre>
 *
 * Immutable; {@link #rateLimited} returns a copy.
 */
public final class Endpoint {

    private static final Pattern METHOD = Pattern.compile("[A-Z]+");

    /** Whether the pipeline authenticates callers of an endpoint. */
    public enum Access {
        /** Authentication required ({@code X-User-Id} + {@code X-Auth-Token}); {@link ApiRequest#caller()} is set. */
        AGENT,
        /** No authentication; the authentication headers are ignored entirely, even when invalid. */
        VISITOR
    }

    private final String method;
    private final PathTemplate path;
    private final Access access;
    private final Handler handler;
    private final RateLimitPolicy rateLimit;

    private Endpoint(String method, PathTemplate path, Access access, Handler handler, RateLimitPolicy rateLimit) {
        this.method = method;
        this.path = path;
        this.access = access;
        this.handler = handler;
        this.rateLimit = rateLimit;
    }

    /**
     * An agent-facing endpoint: callers must authenticate (401 otherwise).
     *
     * @param method an upper-case HTTP method, e.g. {@code "GET"}
     * @param path   a path template, e.g. {@code "/api/v1/livechat/department/:_id"}
     */
    public static Endpoint agent(String method, String path, Handler handler) {
        return create(method, path, Access.AGENT, handler);
    }

    /**
     * An endpoint without authentication: visitor-facing endpoints, and also {@code login} and {@code /api/info}.
     *
     * @param method an upper-case HTTP method, e.g. {@code "POST"}
     * @param path   a path template, e.g. {@code "/api/v1/livechat/visitor/:token"}
     */
    public static Endpoint visitor(String method, String path, Handler handler) {
        return create(method, path, Access.VISITOR, handler);
    }

    private static Endpoint create(String method, String path, Access access, Handler handler) {
        Objects.requireNonNull(method, "method");
        if (!METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("method must be upper-case letters: " + method);
        }
        return new Endpoint(method, PathTemplate.parse(path), access, Objects.requireNonNull(handler, "handler"), null);
    }

    /** A copy of this endpoint limited per client address by {@code policy} (contract 1.14). */
    public Endpoint rateLimited(RateLimitPolicy policy) {
        return new Endpoint(method, path, access, handler, Objects.requireNonNull(policy, "policy"));
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The path template as written. */
    public String path() {
        return path.text();
    }

    /** Who may call the endpoint. */
    public Access access() {
        return access;
    }

    /** The handler. */
    public Handler handler() {
        return handler;
    }

    /** The rate limit, if any. */
    public Optional<RateLimitPolicy> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }

    PathTemplate template() {
        return path;
    }

    /** A stable key for per-endpoint counters such as rate limits: {@code "GET /api/v1/livechat/room"}. */
    String key() {
        return method + " " + path.text();
    }

    @Override
    public String toString() {
        return key() + " (" + access + (rateLimit == null ? "" : ", " + rateLimit) + ")";
    }
}
