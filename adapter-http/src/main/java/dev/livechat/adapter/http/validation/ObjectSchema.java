package dev.livechat.adapter.http.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An object schema, checked in Ajv's order (contract 1.7): the value is an object; required keys in declared order
 * ({@code must have required property '<key>'}); unknown keys ({@code must NOT have additional properties}, unless
 * allowed); then each present key in declared order, depth first.
 *
 * <p>{@link #validateQuery(Map)} applies the same rules to a query string, where every value is text and a repeated
 * key is an array (so it fails {@code must be string} / {@code must be integer}).
 */
public final class ObjectSchema extends Schema {

    private final Map<String, Schema> properties;
    private final List<String> required;
    private final boolean additionalAllowed;

    private ObjectSchema(boolean nullable, Map<String, Schema> properties, List<String> required,
                         boolean additionalAllowed) {
        super(nullable);
        this.properties = properties;
        this.required = required;
        this.additionalAllowed = additionalAllowed;
    }

    @Override
    public ObjectSchema nullable() {
        return new ObjectSchema(true, properties, required, additionalAllowed);
    }

    /**
     * Validates a JSON body.
     *
     * @return the same object, for convenient chaining
     * @throws dev.livechat.domain.error.BusinessRuleException ({@code INVALID_PARAMS}) at the first failure
     */
    public ObjectNode validateBody(JsonNode body) {
        return (ObjectNode) check(body, false);
    }

    /**
     * Validates a query string (see {@code ApiRequest.query()}).
     *
     * @return the parameters as a JSON object in request order, declared integers and booleans converted to JSON
     *         numbers and booleans, strings as they are
     * @throws dev.livechat.domain.error.BusinessRuleException ({@code INVALID_PARAMS}) at the first failure
     */
    public ObjectNode validateQuery(Map<String, List<String>> query) {
        return (ObjectNode) check(QueryObjects.toJson(query), true);
    }

    /** The declared keys in order. */
    public List<String> keys() {
        return List.copyOf(properties.keySet());
    }

    @Override
    JsonNode checkNonNull(JsonNode value, boolean fromQuery) {
        if (!value.isObject()) {
            throw fail("must be object");
        }
        for (String key : required) {
            if (!value.has(key)) {
                throw fail("must have required property '" + key + "'");
            }
        }
        if (!additionalAllowed) {
            for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                if (!properties.containsKey(names.next())) {
                    throw fail("must NOT have additional properties");
                }
            }
        }
        Map<String, JsonNode> converted = fromQuery ? new LinkedHashMap<>() : null;
        for (Map.Entry<String, Schema> property : properties.entrySet()) {
            JsonNode present = value.get(property.getKey());
            if (present != null) {
                JsonNode result = property.getValue().check(present, fromQuery);
                if (converted != null) {
                    converted.put(property.getKey(), result);
                }
            }
        }
        if (converted == null) {
            return value;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        value.fields().forEachRemaining(e -> out.set(e.getKey(), converted.getOrDefault(e.getKey(), e.getValue())));
        return out;
    }

    @Override
    String typeName() {
        return "object";
    }

    /** Declares the keys of an object schema in the order they are checked. */
    public static final class Builder {

        private final Map<String, Schema> properties = new LinkedHashMap<>();
        private final List<String> required = new ArrayList<>();
        private List<String> requiredOrder;
        private boolean additionalAllowed;
        private boolean nullable;

        Builder() {
        }

        /** A key that must be present. Required keys are reported missing in the order they are declared. */
        public Builder required(String key, Schema schema) {
            put(key, schema);
            required.add(key);
            return this;
        }

        /** A key that may be absent. */
        public Builder optional(String key, Schema schema) {
            put(key, schema);
            return this;
        }

        /**
         * Reports missing required keys in this order instead of the declaration order (for endpoints whose
         * {@code required} list differs from their property order).
         */
        public Builder requiredOrder(String... keys) {
            this.requiredOrder = List.of(keys);
            return this;
        }

        /** Accepts keys that are not declared (Ajv without {@code additionalProperties: false}). */
        public Builder allowAdditionalProperties() {
            this.additionalAllowed = true;
            return this;
        }

        /** Accepts JSON {@code null} for the object itself. */
        public Builder nullable() {
            this.nullable = true;
            return this;
        }

        /** The immutable schema. */
        public ObjectSchema build() {
            List<String> order = required;
            if (requiredOrder != null) {
                if (!new java.util.HashSet<>(requiredOrder).equals(new java.util.HashSet<>(required))
                        || requiredOrder.size() != required.size()) {
                    throw new IllegalStateException("requiredOrder must list exactly the required keys");
                }
                order = requiredOrder;
            }
            return new ObjectSchema(nullable, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties)),
                    List.copyOf(order), additionalAllowed);
        }

        private void put(String key, Schema schema) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(schema, "schema");
            if (properties.putIfAbsent(key, schema) != null) {
                throw new IllegalArgumentException("key declared twice: " + key);
            }
        }
    }
}
