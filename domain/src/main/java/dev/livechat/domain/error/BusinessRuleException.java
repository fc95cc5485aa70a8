package dev.livechat.domain.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request that breaks a business rule (HTTP 400), in one of the body styles Rocket.Chat clients expect.
 *
 * <ul>
 *   <li>{@link Style#PLAIN}: {@code {"success":false,"error":"<code>"}} (Rocket.Chat {@code throw new Error(code)});</li>
 *   <li>{@link Style#METEOR}: {@code {"success":false,"error":"<reason> [<code>]","errorType":"<code>","details":{..}}}
 *       ({@code Meteor.Error}; without a reason the error reads {@code "[<code>]"});</li>
 *   <li>{@link Style#BARE_FAILURE}: {@code {"success":false}} ({@code API.v1.failure()} without argument);</li>
 *   <li>{@link Style#INVALID_PARAMS}: an Ajv-style validation message, {@code "<message> [invalid-params]"}.</li>
 * </ul>
 */
public final class BusinessRuleException extends LivechatException {

    /** How the HTTP adapter renders the error body. */
    public enum Style { PLAIN, METEOR, BARE_FAILURE, INVALID_PARAMS }

    private final Style style;
    private final String code;
    private final String reason;
    private final Map<String, Object> details;

    private BusinessRuleException(Style style, String code, String reason, Map<String, Object> details) {
        super(code == null ? "failure" : code);
        this.style = Objects.requireNonNull(style, "style");
        this.code = code;
        this.reason = reason;
        this.details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** {@code {"success":false,"error":"<code>"}}. */
    public static BusinessRuleException plain(String code) {
        return new BusinessRuleException(Style.PLAIN, Objects.requireNonNull(code, "code"), null, null);
    }

    /** {@code {"success":false,"error":"<reason> [<code>]","errorType":"<code>"}}; a null reason renders {@code "[<code>]"}. */
    public static BusinessRuleException meteor(String code, String reason) {
        return new BusinessRuleException(Style.METEOR, Objects.requireNonNull(code, "code"), reason, null);
    }

    /** As {@link #meteor(String, String)}, with a {@code details} object after {@code errorType} (insertion order kept). */
    public static BusinessRuleException meteor(String code, String reason, Map<String, Object> details) {
        return new BusinessRuleException(Style.METEOR, Objects.requireNonNull(code, "code"), reason, details);
    }

    /** {@code {"success":false}}. */
    public static BusinessRuleException bareFailure() {
        return new BusinessRuleException(Style.BARE_FAILURE, null, null, null);
    }

    /** {@code {"success":false,"error":"<message> [invalid-params]","errorType":"invalid-params"}}. */
    public static BusinessRuleException invalidParams(String message) {
        return new BusinessRuleException(Style.INVALID_PARAMS, "invalid-params", Objects.requireNonNull(message), null);
    }

    public Style style() {
        return style;
    }

    /** The stable error code ({@code errorType}); null only for {@link Style#BARE_FAILURE}. */
    public String code() {
        return code;
    }

    /** The human-readable reason of a Meteor-style error or the Ajv message; may be null. */
    public String reason() {
        return reason;
    }

    /** Details of a Meteor-style error, in insertion order; empty when none. */
    public Map<String, Object> details() {
        return details;
    }
}
