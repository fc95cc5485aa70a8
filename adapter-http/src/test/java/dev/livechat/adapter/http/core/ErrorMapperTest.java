package dev.livechat.adapter.http.core;

import dev.livechat.adapter.http.json.Json;
import dev.livechat.adapter.http.validation.MatchValidationException;
import dev.livechat.domain.error.AuthenticationRequiredException;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.error.LoginFailedException;
import dev.livechat.domain.error.NotFoundException;
import dev.livechat.domain.error.PermissionDeniedException;
import dev.livechat.domain.error.StoreUnavailableException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorMapperTest {

    static String text(ApiResponse response) {
        return response.status() + " " + Json.toText(response.body());
    }

    @Test
    void plain_business_errors() {
        assertThat(text(ErrorMapper.toResponse(BusinessRuleException.plain("invalid-token"))))
                .isEqualTo("400 {\"success\":false,\"error\":\"invalid-token\"}");
    }

    @Test
    void meteor_errors_with_and_without_reason() {
        assertThat(text(ErrorMapper.toResponse(BusinessRuleException.meteor("no-agent-online", "Sorry, no online agents"))))
                .isEqualTo("400 {\"success\":false,\"error\":\"Sorry, no online agents [no-agent-online]\","
                        + "\"errorType\":\"no-agent-online\"}");
        assertThat(text(ErrorMapper.toResponse(BusinessRuleException.meteor("invalid-token", null))))
                .isEqualTo("400 {\"success\":false,\"error\":\"[invalid-token]\",\"errorType\":\"invalid-token\"}");
    }

    @Test
    void meteor_errors_with_details_keep_detail_order_last() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("helperMethod", "parseJsonQuery");
        details.put("n", 3);
        details.put("list", List.of("a", true));
        String raw = "{\"ts\":2}";

        assertThat(text(ErrorMapper.toResponse(BusinessRuleException.meteor("error-invalid-sort",
                "Invalid sort parameter provided: \"" + raw + "\"", details))))
                .isEqualTo("400 {\"success\":false,"
                        + "\"error\":\"Invalid sort parameter provided: \\\"{\\\"ts\\\":2}\\\" [error-invalid-sort]\","
                        + "\"errorType\":\"error-invalid-sort\","
                        + "\"details\":{\"helperMethod\":\"parseJsonQuery\",\"n\":3,\"list\":[\"a\",true]}}");
        assertThat(text(ErrorMapper.toResponse(BusinessRuleException.meteor("x", "y", Map.of()))))
                .isEqualTo("400 {\"success\":false,\"error\":\"y [x]\",\"errorType\":\"x\"}");
    }

    @Test
    void bare_failure() {
        assertThat(text(ErrorMapper.toResponse(BusinessRuleException.bareFailure()))).isEqualTo("400 {\"success\":false}");
    }

    @Test
    void ajv_validation() {
        assertThat(text(ErrorMapper.toResponse(BusinessRuleException.invalidParams("must have required property 'rid'"))))
                .isEqualTo("400 {\"success\":false,\"error\":\"must have required property 'rid' [invalid-params]\","
                        + "\"errorType\":\"invalid-params\"}");
    }

    @Test
    void match_validation_has_no_error_type() {
        assertThat(text(ErrorMapper.toResponse(new MatchValidationException("Missing key 'token'", "visitor"))))
                .isEqualTo("400 {\"success\":false,\"error\":\"Match error: Missing key 'token' in field visitor\"}");
    }

    @Test
    void authentication_and_login_failures() {
        assertThat(text(ErrorMapper.toResponse(new AuthenticationRequiredException())))
                .isEqualTo("401 {\"status\":\"error\",\"message\":\"You must be logged in to do this.\"}");
        assertThat(text(ErrorMapper.toResponse(new LoginFailedException())))
                .isEqualTo("401 {\"status\":\"error\",\"error\":\"Unauthorized\",\"message\":\"Unauthorized\"}");
    }

    @Test
    void permission_refusals() {
        assertThat(text(ErrorMapper.toResponse(PermissionDeniedException.routePermission())))
                .isEqualTo("403 {\"success\":false,\"error\":\"User does not have the permissions required for this "
                        + "action [error-unauthorized]\"}");
        assertThat(text(ErrorMapper.toResponse(PermissionDeniedException.handlerRefusal())))
                .isEqualTo("403 {\"success\":false,\"error\":\"unauthorized\"}");
    }

    @Test
    void not_found() {
        assertThat(text(ErrorMapper.toResponse(new NotFoundException("Agent not found"))))
                .isEqualTo("404 {\"success\":false,\"error\":\"Agent not found\"}");
    }

    @Test
    void store_unavailable_never_leaks_its_cause() {
        StoreUnavailableException e = new StoreUnavailableException("pool exhausted at jdbc:h2:secret",
                new SQLException("SELECT password FROM users"));

        assertThat(text(ErrorMapper.toResponse(e))).isEqualTo("503 {\"success\":false,\"error\":\"service-unavailable\"}");
    }

    @Test
    void anything_else_is_an_internal_error_without_details() {
        assertThat(text(ErrorMapper.toResponse(new IllegalStateException("token=abc at Foo.java:12"))))
                .isEqualTo("500 {\"success\":false,\"error\":\"internal-error\"}");
        assertThat(text(ErrorMapper.toResponse(new StackOverflowError())))
                .isEqualTo("500 {\"success\":false,\"error\":\"internal-error\"}");
    }

    @Test
    void pipeline_refusals() {
        assertThat(text(ErrorMapper.routeNotFound()))
                .isEqualTo("404 {\"status\":\"error\",\"message\":\"API endpoint does not exist\"}");
        assertThat(text(ErrorMapper.methodNotAllowed()))
                .isEqualTo("405 {\"status\":\"error\",\"message\":\"API endpoint does not exist\"}");
        assertThat(text(ErrorMapper.payloadTooLarge())).isEqualTo("413 {\"success\":false,\"error\":\"payload-too-large\"}");
        assertThat(text(ErrorMapper.unsupportedMediaType()))
                .isEqualTo("415 {\"success\":false,\"error\":\"unsupported-media-type\"}");
        assertThat(text(ErrorMapper.tooManyRequests(42)))
                .isEqualTo("429 {\"success\":false,\"error\":\"Error, too many requests. Please slow down. You must "
                        + "wait 42 seconds before trying this endpoint again. [error-too-many-requests]\"}");
    }
}
