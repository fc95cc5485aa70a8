package dev.livechat.adapter.http.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livechat.adapter.http.json.Json;
import dev.livechat.adapter.http.validation.MatchValidationException;
import dev.livechat.domain.error.AuthenticationRequiredException;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.error.LivechatException;
import dev.livechat.domain.error.LoginFailedException;
import dev.livechat.domain.error.NotFoundException;
import dev.livechat.domain.error.PermissionDeniedException;
import dev.livechat.domain.error.StoreUnavailableException;

/**
 * The one place that turns failures into the exact status and body of contract 1.5: {@link LivechatException}s,
 * Match-style validation failures, the pipeline's own refusals (404, 405, 413, 415, 429), and anything unexpected
 * (500, without details).
 */
public final class ErrorMapper {

    private ErrorMapper() {
    }

    /**
     * Maps any throwable to its response; a throwable that is neither a {@link LivechatException} nor a
     * {@link MatchValidationException} is a bug and becomes 500 {@code internal-error} (the caller logs it).
     */
    public static ApiResponse toResponse(Throwable failure) {
        if (failure instanceof LivechatException e) {
            return toResponse(e);
        }
        if (failure instanceof MatchValidationException e) {
            return failure(400, e.getMessage());
        }
        return internalError();
    }

    /** Maps a deliberate failure of the core to its contract body. */
    public static ApiResponse toResponse(LivechatException failure) {
        if (failure instanceof BusinessRuleException e) {
            return businessRule(e);
        }
        if (failure instanceof AuthenticationRequiredException) {
            ObjectNode body = Json.object();
            body.put("status", "error");
            body.put("message", "You must be logged in to do this.");
            return ApiResponse.of(401, body);
        }
        if (failure instanceof LoginFailedException) {
            ObjectNode body = Json.object();
            body.put("status", "error");
            body.put("error", "Unauthorized");
            body.put("message", "Unauthorized");
            return ApiResponse.of(401, body);
        }
        if (failure instanceof PermissionDeniedException e) {
            return failure(403, e.kind() == PermissionDeniedException.Kind.ROUTE_PERMISSION
                    ? "User does not have the permissions required for this action [error-unauthorized]"
                    : "unauthorized");
        }
        if (failure instanceof NotFoundException e) {
            return failure(404, e.getMessage());
        }
        if (failure instanceof StoreUnavailableException) {
            return serviceUnavailable();
        }
        return internalError(); // unreachable while LivechatException stays sealed to the types above
    }

    private static ApiResponse businessRule(BusinessRuleException e) {
        ObjectNode body = Json.object();
        body.put("success", false);
        switch (e.style()) {
            case PLAIN -> body.put("error", e.code());
            case METEOR -> {
                body.put("error", e.reason() == null ? "[" + e.code() + "]" : e.reason() + " [" + e.code() + "]");
                body.put("errorType", e.code());
                if (!e.details().isEmpty()) {
                    JsonNode details = Json.mapper().valueToTree(e.details());
                    body.set("details", details);
                }
            }
            case INVALID_PARAMS -> {
                body.put("error", e.reason() + " [invalid-params]");
                body.put("errorType", "invalid-params");
            }
            case BARE_FAILURE -> {
                // {"success":false} and nothing else
            }
            default -> throw new IllegalStateException("unknown style " + e.style());
        }
        return ApiResponse.of(400, body);
    }

    /** 404 {@code {"status":"error","message":"API endpoint does not exist"}}: no route has the path. */
    public static ApiResponse routeNotFound() {
        return ApiResponse.of(404, endpointDoesNotExist());
    }

    /** 405 with the route-not-found body; the pipeline adds the {@code Allow} header. */
    public static ApiResponse methodNotAllowed() {
        return ApiResponse.of(405, endpointDoesNotExist());
    }

    /** 413 {@code {"success":false,"error":"payload-too-large"}}. */
    public static ApiResponse payloadTooLarge() {
        return failure(413, "payload-too-large");
    }

    /** 415 {@code {"success":false,"error":"unsupported-media-type"}}. */
    public static ApiResponse unsupportedMediaType() {
        return failure(415, "unsupported-media-type");
    }

    /** 429 with the wait time in whole seconds, rounded up. */
    public static ApiResponse tooManyRequests(long secondsToWait) {
        return failure(429, "Error, too many requests. Please slow down. You must wait " + secondsToWait
                + " seconds before trying this endpoint again. [error-too-many-requests]");
    }

    /** 500 {@code {"success":false,"error":"internal-error"}}: never any detail of the failure. */
    public static ApiResponse internalError() {
        return failure(500, "internal-error");
    }

    /** 503 {@code {"success":false,"error":"service-unavailable"}}: store down or server saturated. */
    public static ApiResponse serviceUnavailable() {
        return failure(503, "service-unavailable");
    }

    private static ObjectNode endpointDoesNotExist() {
        ObjectNode body = Json.object();
        body.put("status", "error");
        body.put("message", "API endpoint does not exist");
        return body;
    }

    private static ApiResponse failure(int status, String error) {
        ObjectNode body = Json.object();
        body.put("success", false);
        body.put("error", error);
        return ApiResponse.of(status, body);
    }
}
