package dev.livechat.adapter.http.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livechat.application.port.in.Caller;
import dev.livechat.domain.error.PermissionDeniedException;
import dev.livechat.domain.user.Permission;

import java.util.List;
import java.util.Map;

/**
 * What a {@link Handler} sees of a request: decoded path parameters, the ordered query multimap, the parsed JSON body,
 * the authenticated caller, cookies and the client address. Parameter values are raw user input: validate them with
 * {@code dev.livechat.adapter.http.validation} before use.
 */
public final class ApiRequest {

    private final Endpoint endpoint;
    private final RawRequest raw;
    private final Map<String, String> pathParams;
    private final Map<String, List<String>> query;
    private final ObjectNode body;
    private final Caller caller;

    ApiRequest(Endpoint endpoint, RawRequest raw, Map<String, String> pathParams, Map<String, List<String>> query,
               ObjectNode body, Caller caller) {
        this.endpoint = endpoint;
        this.raw = raw;
        this.pathParams = pathParams;
        this.query = query;
        this.body = body;
        this.caller = caller;
    }

    /** The endpoint being served. */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** The HTTP method. */
    public String method() {
        return raw.method();
    }

    /**
     * A path parameter of the endpoint's template, split on {@code /} and then percent-decoded (so {@code %2F} yields
     * {@code /}); ids still need checking against {@code Ids.isWellFormed} by the handler.
     *
     * @param name the name in the template, without the colon
     * @throws IllegalArgumentException when the template has no such parameter (a programming error)
     */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no path parameter '" + name + "' in " + endpoint.path());
        }
        return value;
    }

    /**
     * The query string decoded with {@code application/x-www-form-urlencoded} rules, keys in first-appearance order;
     * a key given several times has several values (which validation rejects). Keys are literal: {@code token[$ne]}.
     */
    public Map<String, List<String>> query() {
        return query;
    }

    /** The JSON body; {@code {}} when the request had none. Treat it as read-only. */
    public ObjectNode body() {
        return body;
    }

    /**
     * The authenticated user.
     *
     * @throws IllegalStateException on a visitor-facing endpoint, which never authenticates
     */
    public Caller caller() {
        if (caller == null) {
            throw new IllegalStateException(endpoint.key() + " is not agent-facing: no caller");
        }
        return caller;
    }

    /**
     * Step 6 of contract 1.6 (Rocket.Chat's {@code permissionsRequired}): call it after validating parameters.
     *
     * @throws PermissionDeniedException ({@code ROUTE_PERMISSION}) unless the caller holds every permission
     * @throws IllegalStateException     on a visitor-facing endpoint
     */
    public void requirePermissions(Permission... permissions) {
        Caller c = caller();
        for (Permission permission : permissions) {
            if (!c.has(permission)) {
                throw PermissionDeniedException.routePermission();
            }
        }
    }

    /**
     * The login token this agent-facing request authenticated with ({@code X-Auth-Token}), e.g. for logout.
     *
     * @throws IllegalStateException on a visitor-facing endpoint
     */
    public String authToken() {
        caller();
        return raw.headers().single(ApiPipeline.AUTH_TOKEN_HEADER);
    }

    /** The value of a cookie, or null when absent. */
    public String cookie(String name) {
        return raw.cookies().get(name);
    }

    /** The TCP peer address of the client. */
    public String remoteAddress() {
        return raw.remoteAddress();
    }

    @Override
    public String toString() {
        return "ApiRequest[" + endpoint.key() + "]";
    }
}
