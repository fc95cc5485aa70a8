package dev.livechat.adapter.http.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livechat.adapter.http.json.Json;
import dev.livechat.adapter.http.ratelimit.RateLimitPolicy;
import dev.livechat.adapter.http.ratelimit.RateLimiter;
import dev.livechat.adapter.http.validation.MatchValidationException;
import dev.livechat.application.port.in.AuthenticateUseCase;
import dev.livechat.application.port.in.Caller;
import dev.livechat.domain.error.AuthenticationRequiredException;
import dev.livechat.domain.error.LivechatException;
import dev.livechat.domain.error.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The server-independent request pipeline (contract 1.6): route (404/405), body (415/413/400), authentication of
 * agent-facing endpoints (401), rate limit (429), then the endpoint's handler; every failure becomes its contract body
 * through {@link ErrorMapper}, and every response gets the JSON headers of contract 1.1. Thread-safe; any server binding
 * calls {@link #handle(RawRequest)} once per request.
 */
public final class ApiPipeline {

    /** Request body limit in bytes (1 MiB, contract 1.15). */
    public static final int MAX_BODY_BYTES = 1_048_576;

    static final String USER_ID_HEADER = "X-User-Id";
    static final String AUTH_TOKEN_HEADER = "X-Auth-Token";

    private static final Logger LOG = LoggerFactory.getLogger(ApiPipeline.class);

    private final Router router;
    private final AuthenticateUseCase authentication;
    private final RateLimiter rateLimiter;

    private ApiPipeline(Builder builder) {
        this.router = new Router(builder.endpoints);
        this.authentication = builder.authentication;
        this.rateLimiter = builder.rateLimiter;
    }

    /** Starts configuring a pipeline. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs one request through every step and never throws: unexpected failures are logged and answered with 500.
     */
    public RawResponse handle(RawRequest request) {
        long started = System.nanoTime();
        RawResponse response;
        try {
            response = process(request);
        } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
            LOG.error("Unexpected failure in the pipeline for {} {}", request.method(),
                    AccessLog.redactedTarget(request.rawPath(), null), e);
            response = render(ErrorMapper.internalError(), Map.of());
        }
        AccessLog.log(request.method(), request.rawPath(), request.rawQuery(), response.status(),
                (System.nanoTime() - started) / 1_000_000);
        return response;
    }

    /**
     * Answers 503 {@code service-unavailable} without running any step (no body read, no handler): for a binding whose
     * workers are saturated or that is shutting down. The request is access-logged like any other.
     */
    public RawResponse refuseOverloaded(RawRequest request) {
        RawResponse response = render(ErrorMapper.serviceUnavailable(), Map.of());
        AccessLog.log(request.method(), request.rawPath(), request.rawQuery(), response.status(), 0);
        return response;
    }

    private RawResponse process(RawRequest request) {
        Router.Route route = router.route(request.method(), request.rawPath());
        if (route instanceof Router.MethodNotAllowed notAllowed) {
            return render(ErrorMapper.methodNotAllowed(), Map.of("Allow", String.join(", ", notAllowed.allowed())));
        }
        if (!(route instanceof Router.Found found)) {
            return render(ErrorMapper.routeNotFound(), Map.of());
        }
        Endpoint endpoint = found.endpoint();
        RateLimitPolicy policy = rateLimiter.enabled() ? endpoint.rateLimit().orElse(null) : null;
        RateLimiter.Permit permit = null;
        ApiResponse response = null;
        try {
            ObjectNode body = BodyReader.read(request, MAX_BODY_BYTES);
            Caller caller = endpoint.access() == Endpoint.Access.AGENT ? authenticate(request.headers()) : null;
            if (policy != null) {
                permit = rateLimiter.acquire(endpoint.key(), policy, request.remoteAddress());
                if (!permit.granted()) {
                    response = ErrorMapper.tooManyRequests(permit.retryAfterSeconds());
                    return render(response, rateLimitHeaders(permit.status()));
                }
            }
            ApiRequest apiRequest = new ApiRequest(endpoint, request, found.pathParams(),
                    UrlDecoding.parseQuery(request.rawQuery()), body, caller);
            response = endpoint.handler().handle(apiRequest);
            if (response == null) {
                throw new IllegalStateException("handler of " + endpoint.key() + " returned null");
            }
        } catch (BodyReader.Rejected rejected) {
            response = rejected.response;
        } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError failure) {
            response = mapFailure(endpoint, failure);
        } finally {
            if (permit != null && permit.granted() && response == null) {
                permit.complete(500); // an Error escaped: release the reservation, then let it propagate
            }
        }
        Map<String, String> extraHeaders = Map.of();
        if (policy != null) {
            RateLimiter.Status status = permit != null
                    ? permit.complete(response.status())
                    : rateLimiter.peek(endpoint.key(), policy, request.remoteAddress());
            extraHeaders = rateLimitHeaders(status);
        }
        return render(response, extraHeaders);
    }

    private Caller authenticate(RequestHeaders headers) {
        // A header given twice is ambiguous and treated as missing.
        Caller caller = authentication.authenticate(headers.single(USER_ID_HEADER), headers.single(AUTH_TOKEN_HEADER));
        if (caller == null) {
            throw new AuthenticationRequiredException();
        }
        return caller;
    }

    private static ApiResponse mapFailure(Endpoint endpoint, Throwable failure) {
        if (failure instanceof StoreUnavailableException) {
            // One line per request: during an outage every request fails alike, and a stack trace each would flood
            // the log. The message names the driver failure (class, SQLState); the trace is there at DEBUG.
            Throwable cause = failure.getCause();
            LOG.warn("Store unavailable while serving {}: {}{}", endpoint.key(), failure.getMessage(),
                    cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")");
            LOG.debug("Store unavailable while serving {}", endpoint.key(), failure);
        } else if (!(failure instanceof LivechatException) && !(failure instanceof MatchValidationException)) {
            LOG.error("Unexpected failure while serving {}", endpoint.key(), failure);
        }
        return ErrorMapper.toResponse(failure);
    }

    private static Map<String, String> rateLimitHeaders(RateLimiter.Status status) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", Integer.toString(status.limit()));
        headers.put("X-RateLimit-Remaining", Integer.toString(Math.max(0, status.remaining())));
        headers.put("X-RateLimit-Reset", Long.toString(status.resetEpochMillis()));
        return headers;
    }

    private static RawResponse render(ApiResponse response, Map<String, String> extraHeaders) {
        byte[] body;
        ApiResponse effective = response;
        try {
            body = Json.toBytes(response.body());
        } catch (RuntimeException e) {
            LOG.error("Response body could not be serialized", e);
            effective = ErrorMapper.internalError();
            body = Json.toBytes(effective.body());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Cache-Control", "no-store");
        headers.putAll(extraHeaders);
        return new RawResponse(effective.status(), headers, body);
    }

    /** Collects the endpoints and collaborators of a pipeline. */
    public static final class Builder {

        private final List<Endpoint> endpoints = new ArrayList<>();
        private AuthenticateUseCase authentication;
        private RateLimiter rateLimiter;

        private Builder() {
        }

        /** The use case that authenticates agent-facing requests (required when any agent endpoint is added). */
        public Builder authentication(AuthenticateUseCase authentication) {
            this.authentication = Objects.requireNonNull(authentication, "authentication");
            return this;
        }

        /**
         * The rate limiter: {@code RateLimiter.create(clock)} with the application's clock (contract 1.14: on by
         * default), or {@code RateLimiter.disabled()}; required when an endpoint is rate-limited.
         */
        public Builder rateLimiter(RateLimiter rateLimiter) {
            this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
            return this;
        }

        /** Adds an endpoint; the same method on an equivalent path twice is rejected at {@link #build()}. */
        public Builder endpoint(Endpoint endpoint) {
            endpoints.add(Objects.requireNonNull(endpoint, "endpoint"));
            return this;
        }

        /** Adds endpoints in order. */
        public Builder endpoints(Iterable<Endpoint> endpoints) {
            endpoints.forEach(this::endpoint);
            return this;
        }

        /**
         * Builds the pipeline.
         *
         * @throws IllegalStateException    when an agent endpoint exists but no authentication was given
         * @throws IllegalArgumentException when two endpoints are ambiguous
         */
        public ApiPipeline build() {
            boolean needsAuthentication = endpoints.stream().anyMatch(e -> e.access() == Endpoint.Access.AGENT);
            if (needsAuthentication && authentication == null) {
                throw new IllegalStateException("agent-facing endpoints need an AuthenticateUseCase");
            }
            boolean needsRateLimiter = endpoints.stream().anyMatch(e -> e.rateLimit().isPresent());
            if (needsRateLimiter && rateLimiter == null) {
                throw new IllegalStateException("rate-limited endpoints need a RateLimiter");
            }
            if (rateLimiter == null) {
                rateLimiter = RateLimiter.disabled();
            }
            return new ApiPipeline(this);
        }
    }
}
