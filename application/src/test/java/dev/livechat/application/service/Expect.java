package dev.livechat.application.service;

import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.error.PermissionDeniedException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Assertions on the exact error a use case answers: its style, code, reason and details. */
final class Expect {

    private Expect() {
    }

    static void plain(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
            assertThat(e.style()).isEqualTo(BusinessRuleException.Style.PLAIN);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    static void meteor(ThrowingCallable call, String code, String reason) {
        meteor(call, code, reason, Map.of());
    }

    static void meteor(ThrowingCallable call, String code, String reason, Map<String, Object> details) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
            assertThat(e.style()).isEqualTo(BusinessRuleException.Style.METEOR);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.details()).containsExactlyEntriesOf(details);
        });
    }

    static void bareFailure(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessRuleException.class,
                e -> assertThat(e.style()).isEqualTo(BusinessRuleException.Style.BARE_FAILURE));
    }

    static void routePermission(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PermissionDeniedException.class,
                e -> assertThat(e.kind()).isEqualTo(PermissionDeniedException.Kind.ROUTE_PERMISSION));
    }

    static void handlerRefusal(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PermissionDeniedException.class,
                e -> assertThat(e.kind()).isEqualTo(PermissionDeniedException.Kind.HANDLER_REFUSAL));
    }

    static void invalidParams(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
            assertThat(e.style()).isEqualTo(BusinessRuleException.Style.INVALID_PARAMS);
            assertThat(e.reason()).isEqualTo(message);
        });
    }
}
