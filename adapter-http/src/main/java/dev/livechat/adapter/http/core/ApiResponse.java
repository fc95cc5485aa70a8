package dev.livechat.adapter.http.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livechat.adapter.http.json.Json;

import java.util.Objects;

/**
 * A handler's answer: a status and a JSON object body. Use {@link #success(ObjectNode)} for the usual envelope
 * (contract 1.4) and {@link #of(int, ObjectNode)} for exact bodies such as login's {@code status}/{@code data} shape.
 */
public final class ApiResponse {

    private final int status;
    private final ObjectNode body;

    private ApiResponse(int status, ObjectNode body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status out of range: " + status);
        }
        this.status = status;
        this.body = Objects.requireNonNull(body, "body");
    }

    /** 200 {@code {"success":true}}. */
    public static ApiResponse success() {
        return success(Json.object());
    }

    /**
     * 200 with the given keys followed by {@code "success": true} as the last key. The argument is copied (shallowly);
     * a {@code success} key in it is moved to the end.
     */
    public static ApiResponse success(ObjectNode fields) {
        ObjectNode body = Json.object();
        body.setAll(Objects.requireNonNull(fields, "fields"));
        body.remove("success");
        body.put("success", true);
        return new ApiResponse(200, body);
    }

    /** Exactly this status and body, keys in the order given (e.g. login's {@code status}, {@code data}, {@code success}). */
    public static ApiResponse of(int status, ObjectNode body) {
        return new ApiResponse(status, body);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The body. */
    public ObjectNode body() {
        return body;
    }

    @Override
    public String toString() {
        return "ApiResponse[" + status + "]";
    }
}
