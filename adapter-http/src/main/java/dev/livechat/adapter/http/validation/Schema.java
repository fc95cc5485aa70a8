package dev.livechat.adapter.http.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livechat.domain.error.BusinessRuleException;

/**
 * An Ajv-style schema (contract 1.7) for JSON bodies and query strings. Validation reports exactly one failure, the
 * first, as {@code BusinessRuleException.invalidParams("<message>")}, rendered
 * {@code {"success":false,"error":"<message> [invalid-params]","errorType":"invalid-params"}}.
 *
 * <p>Per value: JSON {@code null} is accepted only by {@linkplain #nullable() nullable} schemas; then the type
 * ({@code must be string|number|integer|boolean|array|object}); then the type's own constraints. Schemas are immutable:
 * every configuring method returns a new schema, so they can be shared as constants.
 *
 * <pre>{@code
 * static final ObjectSchema BODY = Schema.object()
 *         .required("rid", Schema.string())
 *         .optional("comment", Schema.string().maxLength(20000))
 *         .build();
 * ObjectNode body = BODY.validateBody(request.body());
 * }</pre>
 */
public abstract sealed class Schema permits StringSchema, NumberSchema, BooleanSchema, ArraySchema, ObjectSchema {

    private final boolean nullable;

    Schema(boolean nullable) {
        this.nullable = nullable;
    }

    /** A string ({@code must be string}). */
    public static StringSchema string() {
        return StringSchema.DEFAULT;
    }

    /** An integer: a JSON number without fraction ({@code must be integer}); in a query, plain decimal digits. */
    public static NumberSchema integer() {
        return NumberSchema.INTEGER;
    }

    /** Any finite JSON number ({@code must be number}). */
    public static NumberSchema number() {
        return NumberSchema.NUMBER;
    }

    /** {@code true} or {@code false} ({@code must be boolean}); in a query, the text {@code true} or {@code false}. */
    public static BooleanSchema bool() {
        return BooleanSchema.DEFAULT;
    }

    /** An array whose items all satisfy {@code items} ({@code must be array}). */
    public static ArraySchema array(Schema items) {
        return ArraySchema.of(items);
    }

    /** Starts an object schema; unknown keys are refused unless allowed explicitly. */
    public static ObjectSchema.Builder object() {
        return new ObjectSchema.Builder();
    }

    /** True when JSON {@code null} is accepted. */
    public final boolean isNullable() {
        return nullable;
    }

    /** The same schema, also accepting JSON {@code null}. */
    public abstract Schema nullable();

    /**
     * Validates a JSON value.
     *
     * @throws BusinessRuleException with style {@code INVALID_PARAMS} at the first failure
     */
    public final void validate(JsonNode value) {
        check(value, false);
    }

    /**
     * Checks one value and returns it, converted from query text to its JSON type when {@code fromQuery} is set.
     */
    final JsonNode check(JsonNode value, boolean fromQuery) {
        if (value == null || value.isNull()) {
            if (nullable && value != null) {
                return value;
            }
            throw fail("must be " + typeName());
        }
        return checkNonNull(value, fromQuery);
    }

    abstract JsonNode checkNonNull(JsonNode value, boolean fromQuery);

    abstract String typeName();

    static BusinessRuleException fail(String message) {
        return BusinessRuleException.invalidParams(message);
    }
}
