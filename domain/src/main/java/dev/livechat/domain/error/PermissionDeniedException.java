package dev.livechat.domain.error;

/**
 * The caller is authenticated but not allowed (HTTP 403), either because a route permission is missing or because a
 * handler refused ({@code API.v1.unauthorized()}).
 */
public final class PermissionDeniedException extends LivechatException {

    /** Which of the two 403 bodies the API answers. */
    public enum Kind {
        /** {@code {"success":false,"error":"User does not have the permissions required for this action [error-unauthorized]"}}. */
        ROUTE_PERMISSION,
        /** {@code {"success":false,"error":"unauthorized"}}. */
        HANDLER_REFUSAL
    }

    private final Kind kind;

    private PermissionDeniedException(Kind kind) {
        super(kind == Kind.ROUTE_PERMISSION ? "error-unauthorized" : "unauthorized");
        this.kind = kind;
    }

    public static PermissionDeniedException routePermission() {
        return new PermissionDeniedException(Kind.ROUTE_PERMISSION);
    }

    public static PermissionDeniedException handlerRefusal() {
        return new PermissionDeniedException(Kind.HANDLER_REFUSAL);
    }

    public Kind kind() {
        return kind;
    }
}
