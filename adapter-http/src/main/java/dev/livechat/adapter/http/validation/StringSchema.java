package dev.livechat.adapter.http.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livechat.adapter.http.json.JsonTime;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A string schema: {@code maxLength}/{@code minLength} (UTF-16 code units, contract 1.3), {@code pattern} (searched,
 * not anchored, as in Ajv), {@code format: "date-time"}, and an enumeration, checked in that order after the type.
 */
public final class StringSchema extends Schema {

    static final StringSchema DEFAULT = new StringSchema(false, -1, -1, null, false, null);

    private final int minLength;
    private final int maxLength;
    private final Pattern pattern;
    private final boolean dateTime;
    private final List<String> allowed;

    private StringSchema(boolean nullable, int minLength, int maxLength, Pattern pattern, boolean dateTime,
                         List<String> allowed) {
        super(nullable);
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.pattern = pattern;
        this.dateTime = dateTime;
        this.allowed = allowed;
    }

    /** At least {@code n} characters: {@code must NOT have fewer than <n> characters}. */
    public StringSchema minLength(int n) {
        requireNonNegative(n);
        return new StringSchema(isNullable(), n, maxLength, pattern, dateTime, allowed);
    }

    /** At most {@code n} characters: {@code must NOT have more than <n> characters}. */
    public StringSchema maxLength(int n) {
        requireNonNegative(n);
        return new StringSchema(isNullable(), minLength, n, pattern, dateTime, allowed);
    }

    /**
     * Must contain a match of {@code regex} (anchor it with {@code ^...$} for a full match):
     * {@code must match pattern "<regex>"}.
     */
    public StringSchema pattern(String regex) {
        return new StringSchema(isNullable(), minLength, maxLength, Pattern.compile(regex), dateTime, allowed);
    }

    /** Must be an RFC 3339 date-time with time zone: {@code must match format "date-time"}. */
    public StringSchema dateTime() {
        return new StringSchema(isNullable(), minLength, maxLength, pattern, true, allowed);
    }

    /** Must be one of these values: {@code must be equal to one of the allowed values}. */
    public StringSchema oneOf(String... values) {
        for (String v : values) {
            Objects.requireNonNull(v, "value");
        }
        return new StringSchema(isNullable(), minLength, maxLength, pattern, dateTime, List.of(values));
    }

    @Override
    public StringSchema nullable() {
        return new StringSchema(true, minLength, maxLength, pattern, dateTime, allowed);
    }

    @Override
    JsonNode checkNonNull(JsonNode value, boolean fromQuery) {
        if (!value.isTextual()) {
            throw fail("must be string");
        }
        String text = value.textValue();
        if (maxLength >= 0 && text.length() > maxLength) {
            throw fail("must NOT have more than " + maxLength + " characters");
        }
        if (minLength >= 0 && text.length() < minLength) {
            throw fail("must NOT have fewer than " + minLength + " characters");
        }
        if (pattern != null && !pattern.matcher(text).find()) {
            throw fail("must match pattern \"" + pattern.pattern() + "\"");
        }
        if (dateTime && !JsonTime.isDateTime(text)) {
            throw fail("must match format \"date-time\"");
        }
        if (allowed != null && !allowed.contains(text)) {
            throw fail("must be equal to one of the allowed values");
        }
        return value;
    }

    @Override
    String typeName() {
        return "string";
    }

    private static void requireNonNegative(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("length must be >= 0");
        }
    }
}
