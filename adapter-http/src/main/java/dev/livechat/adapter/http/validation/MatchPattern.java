package dev.livechat.adapter.http.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A Meteor {@code check()} pattern (Match style, contract 1.7), used only where Rocket.Chat uses {@code check()}.
 * Object keys are examined in request order (JavaScript's: array-index keys first, ascending); the first failure wins;
 * missing required keys are reported only after every present key passed. Failures throw
 * {@link MatchValidationException}, e.g. {@code Match error: Expected string, got number in field visitor.token}.
 *
 * <pre>{@code
 * static final MatchPattern.ObjectPattern QUERY = MatchPattern.object()
 *         .required("token", MatchPattern.string())
 *         .optional("rid", MatchPattern.string())
 *         .build();
 * ObjectNode query = QUERY.checkQuery(request.query());
 * }</pre>
 *
 * Patterns are immutable and can be shared as constants.
 */
public abstract sealed class MatchPattern
        permits MatchPattern.TypePattern, MatchPattern.StringPattern, MatchPattern.ArrayPattern,
                MatchPattern.ObjectPattern {

    /** Meteor's {@code _jsKeywords}: keys that are written in JSON-array notation in paths. */
    private static final Set<String> JS_KEYWORDS = Set.of("do", "if", "in", "for", "let", "new", "try", "var", "case",
            "else", "enum", "eval", "false", "null", "this", "true", "void", "with", "break", "catch", "class",
            "const", "super", "throw", "while", "yield", "delete", "export", "import", "public", "return", "static",
            "switch", "typeof", "default", "extends", "finally", "package", "private", "continue", "debugger",
            "function", "arguments", "interface", "protected", "implements", "instanceof");
    private static final Pattern IDENTIFIER = Pattern.compile("^[a-z_$][0-9a-z_$]*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DIGITS = Pattern.compile("^[0-9]+$");

    private final boolean nullable;

    MatchPattern(boolean nullable) {
        this.nullable = nullable;
    }

    /** {@code String}: {@code Expected string, got <type>}. */
    public static StringPattern string() {
        return StringPattern.DEFAULT;
    }

    /** {@code Boolean}: {@code Expected boolean, got <type>}. */
    public static MatchPattern bool() {
        return TypePattern.BOOLEAN;
    }

    /** {@code Number}: {@code Expected number, got <type>}. */
    public static MatchPattern number() {
        return TypePattern.NUMBER;
    }

    /** {@code [pattern]}: {@code Expected array, got <type>}; items are reported as {@code field[0]}. */
    public static ArrayPattern arrayOf(MatchPattern items) {
        return new ArrayPattern(false, Objects.requireNonNull(items, "items"));
    }

    /** A plain-object pattern with exactly the declared keys. */
    public static ObjectPattern.Builder object() {
        return new ObjectPattern.Builder();
    }

    /** The same pattern, also accepting JSON {@code null} ({@code Match.OneOf(pattern, null)}). */
    public abstract MatchPattern nullable();

    final boolean isNullable() {
        return nullable;
    }

    /**
     * Checks a value.
     *
     * @throws MatchValidationException at the first failure
     */
    public final void check(JsonNode value) {
        Failure failure = test(value);
        if (failure != null) {
            throw new MatchValidationException(failure.reason, failure.path);
        }
    }

    /** Returns null on success, or the failure with its path relative to {@code value}. */
    final Failure test(JsonNode value) {
        if (value.isNull() && nullable) {
            return null;
        }
        return testNonNull(value);
    }

    abstract Failure testNonNull(JsonNode value);

    /** JavaScript's {@code typeof}, with {@code null} for null as Meteor reports it. */
    static String typeOf(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return "object";
    }

    /** Meteor's {@code _prependPath}. */
    static String prependPath(String key, String base) {
        String k;
        if (DIGITS.matcher(key).matches()) {
            k = "[" + key + "]";
        } else if (!IDENTIFIER.matcher(key).matches() || JS_KEYWORDS.contains(key)) {
            k = jsonArrayOf(key);
        } else {
            k = key;
        }
        if (!base.isEmpty() && base.charAt(0) != '[') {
            return k + "." + base;
        }
        return k + base;
    }

    private static String jsonArrayOf(String key) {
        StringBuilder sb = new StringBuilder("[\"");
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !isPairedSurrogate(key, i)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append("\"]").toString();
    }

    private static boolean isPairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** A failure and the path below the value tested. */
    static final class Failure {
        final String reason;
        final String path;

        Failure(String reason, String path) {
            this.reason = reason;
            this.path = path;
        }

        Failure under(String key) {
            return new Failure(reason, prependPath(key, path));
        }
    }

    /** {@code Boolean} or {@code Number}. */
    static final class TypePattern extends MatchPattern {
        static final TypePattern BOOLEAN = new TypePattern(false, "boolean");
        static final TypePattern NUMBER = new TypePattern(false, "number");

        private final String type;

        private TypePattern(boolean nullable, String type) {
            super(nullable);
            this.type = type;
        }

        @Override
        public MatchPattern nullable() {
            return new TypePattern(true, type);
        }

        @Override
        Failure testNonNull(JsonNode value) {
            String actual = typeOf(value);
            return actual.equals(type) ? null : new Failure("Expected " + type + ", got " + actual, "");
        }
    }

    /** {@code String}, optionally with a {@code Match.Where} condition checked after the type. */
    public static final class StringPattern extends MatchPattern {
        static final StringPattern DEFAULT = new StringPattern(false, null);

        private final Predicate<String> condition;

        private StringPattern(boolean nullable, Predicate<String> condition) {
            super(nullable);
            this.condition = condition;
        }

        /** Adds a condition; a string failing it is {@code Failed Match.Where validation}. */
        public StringPattern where(Predicate<String> condition) {
            Objects.requireNonNull(condition, "condition");
            Predicate<String> combined = this.condition == null ? condition : this.condition.and(condition);
            return new StringPattern(isNullable(), combined);
        }

        /** At most {@code n} UTF-16 code units, else {@code Failed Match.Where validation} (contract 1.15). */
        public StringPattern maxLength(int n) {
            return where(s -> s.length() <= n);
        }

        @Override
        public StringPattern nullable() {
            return new StringPattern(true, condition);
        }

        @Override
        Failure testNonNull(JsonNode value) {
            if (!value.isTextual()) {
                return new Failure("Expected string, got " + typeOf(value), "");
            }
            if (condition != null && !condition.test(value.textValue())) {
                return new Failure("Failed Match.Where validation", "");
            }
            return null;
        }
    }

    /** {@code [pattern]}. */
    public static final class ArrayPattern extends MatchPattern {
        private final MatchPattern items;

        private ArrayPattern(boolean nullable, MatchPattern items) {
            super(nullable);
            this.items = items;
        }

        @Override
        public ArrayPattern nullable() {
            return new ArrayPattern(true, items);
        }

        @Override
        Failure testNonNull(JsonNode value) {
            if (!value.isArray()) {
                return new Failure("Expected array, got " + typeOf(value), "");
            }
            for (int i = 0; i < value.size(); i++) {
                Failure failure = items.test(value.get(i));
                if (failure != null) {
                    return failure.under(Integer.toString(i));
                }
            }
            return null;
        }
    }

    /** A plain object with required and optional keys and no others. */
    public static final class ObjectPattern extends MatchPattern {
        private final Map<String, MatchPattern> required;
        private final Map<String, MatchPattern> optional;

        private ObjectPattern(boolean nullable, Map<String, MatchPattern> required,
                              Map<String, MatchPattern> optional) {
            super(nullable);
            this.required = required;
            this.optional = optional;
        }

        @Override
        public ObjectPattern nullable() {
            return new ObjectPattern(true, required, optional);
        }

        /**
         * Checks a query string (see {@code ApiRequest.query()}): values are strings, a repeated key is an array.
         *
         * @return the query as a JSON object in request order
         * @throws MatchValidationException at the first failure
         */
        public com.fasterxml.jackson.databind.node.ObjectNode checkQuery(Map<String, List<String>> query) {
            com.fasterxml.jackson.databind.node.ObjectNode object = QueryObjects.toJson(query);
            check(object);
            return object;
        }

        @Override
        Failure testNonNull(JsonNode value) {
            if (!value.isObject()) {
                return new Failure(value.isArray() ? "Expected plain object" : "Expected object, got " + typeOf(value),
                        "");
            }
            for (String key : javaScriptKeyOrder(value)) {
                MatchPattern pattern = required.get(key);
                if (pattern == null) {
                    pattern = optional.get(key);
                }
                if (pattern == null) {
                    return new Failure("Unknown key", "").under(key);
                }
                Failure failure = pattern.test(value.get(key));
                if (failure != null) {
                    return failure.under(key);
                }
            }
            for (String key : required.keySet()) {
                if (!value.has(key)) {
                    return new Failure("Missing key '" + key + "'", "");
                }
            }
            return null;
        }

        /** The order of {@code for (key in object)}: canonical array indices ascending, then insertion order. */
        private static List<String> javaScriptKeyOrder(JsonNode object) {
            List<String> indices = new ArrayList<>();
            List<String> others = new ArrayList<>();
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                (isArrayIndex(name) ? indices : others).add(name);
            }
            if (indices.isEmpty()) {
                return others;
            }
            indices.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
            indices.addAll(others);
            return indices;
        }

        private static boolean isArrayIndex(String name) {
            if (name.isEmpty() || name.length() > 10 || !DIGITS.matcher(name).matches()
                    || (name.length() > 1 && name.charAt(0) == '0')) {
                return false;
            }
            return Long.parseLong(name) < 4_294_967_295L;
        }

        /** Declares the keys of an object pattern. */
        public static final class Builder {
            private final Map<String, MatchPattern> required = new LinkedHashMap<>();
            private final Map<String, MatchPattern> optional = new LinkedHashMap<>();

            Builder() {
            }

            /** A key that must be present: {@code Missing key '<key>'}. */
            public Builder required(String key, MatchPattern pattern) {
                requireNew(key);
                required.put(key, Objects.requireNonNull(pattern, "pattern"));
                return this;
            }

            /**
             * A key that may be absent ({@code Match.Maybe} / {@code Match.Optional} inside an object); when present
             * it must match {@code pattern}, so {@code null} only passes a {@linkplain MatchPattern#nullable()
             * nullable} pattern.
             */
            public Builder optional(String key, MatchPattern pattern) {
                requireNew(key);
                optional.put(key, Objects.requireNonNull(pattern, "pattern"));
                return this;
            }

            /** The immutable pattern. */
            public ObjectPattern build() {
                return new ObjectPattern(false, Collections.unmodifiableMap(new LinkedHashMap<>(required)),
                        Collections.unmodifiableMap(new LinkedHashMap<>(optional)));
            }

            private void requireNew(String key) {
                Objects.requireNonNull(key, "key");
                if (required.containsKey(key) || optional.containsKey(key)) {
                    throw new IllegalArgumentException("key declared twice: " + key);
                }
            }
        }
    }
}
