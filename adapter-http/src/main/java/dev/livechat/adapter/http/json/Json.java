package dev.livechat.adapter.http.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one shared, strict Jackson configuration of the HTTP adapter (contract 1.2): reading rejects comments, trailing
 * commas, single quotes, {@code NaN}, duplicate keys, trailing tokens, invalid UTF-8, nesting deeper than
 * {@value #MAX_NESTING_DEPTH}, and strings or keys holding U+0000 or an unpaired surrogate (both only reachable
 * through JSON's backslash-u escapes: PostgreSQL cannot store the first, no UTF-8 store the second, which drivers
 * silently turn into {@code ?}); writing never uses exponents for {@link java.math.BigDecimal} values.
 */
public final class Json {

    /** Maximum nesting depth of a request body; objects and arrays both count (contract 1.15). */
    public static final int MAX_NESTING_DEPTH = 64;

    private static final ObjectMapper MAPPER = createMapper();

    private Json() {
    }

    private static ObjectMapper createMapper() {
        // The JsonReadFeature leniencies (comments, single quotes, trailing commas, NaN, unquoted names, leading
        // zeros, control characters) are all off by default; they are not touched here on purpose.
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .build())
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    /**
     * The shared mapper. It is thread-safe; do not reconfigure it.
     *
     * @return the strict mapper used for every request and response body
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new, empty JSON object (keys keep insertion order). */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A new, empty JSON array. */
    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /**
     * Parses a UTF-8 JSON document strictly.
     *
     * @param utf8 the raw bytes; any malformed UTF-8 (including overlong forms and encoded surrogates) is rejected
     * @return the parsed value, which may be of any JSON type
     * @throws InvalidJsonException when the bytes are not one strict JSON value
     */
    public static JsonNode parse(byte[] utf8) {
        String text;
        try {
            // Decoding first (instead of letting Jackson sniff the encoding) rejects every malformed sequence and
            // pins the charset to UTF-8.
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidJsonException("invalid UTF-8", e);
        }
        return parse(text);
    }

    /**
     * Parses a JSON text strictly (same rules as {@link #parse(byte[])}).
     *
     * @throws InvalidJsonException when the text is not one strict JSON value
     */
    public static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new InvalidJsonException("no JSON value", null);
            }
            requireStorableText(node);
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidJsonException(e.getOriginalMessage(), e);
        }
    }

    /**
     * Walks every string and key (depth is bounded by the parser): U+0000 and unpaired surrogates are escapes that
     * JSON's grammar allows but that are not storable text.
     */
    private static void requireStorableText(JsonNode node) {
        if (node.isTextual()) {
            requireStorableText(node.textValue());
        } else if (node.isObject()) {
            for (var field : node.properties()) {
                requireStorableText(field.getKey());
                requireStorableText(field.getValue());
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                requireStorableText(item);
            }
        }
    }

    private static void requireStorableText(String text) {
        if (!isStorableText(text)) {
            throw new InvalidJsonException("U+0000 or an unpaired surrogate in a string", null);
        }
    }

    /** True when {@code text} has no U+0000 and every surrogate is half of a pair. */
    public static boolean isStorableText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /** Serializes a value (usually a {@link JsonNode}) to compact UTF-8 JSON. */
    public static byte[] toBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serializes a value (usually a {@link JsonNode}) to compact JSON text. */
    public static String toText(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Thrown when a document is not strict JSON; its message is for logs only, never for responses. */
    public static final class InvalidJsonException extends RuntimeException {

        InvalidJsonException(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
