package dev.livechat.adapter.http.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.Objects;

/**
 * An array schema: {@code maxItems}/{@code minItems} after the type, then every item in order, depth first
 * ({@code must NOT have more than <n> items}, {@code must NOT have fewer than <n> items}).
 */
public final class ArraySchema extends Schema {

    private final Schema items;
    private final int minItems;
    private final int maxItems;

    private ArraySchema(boolean nullable, Schema items, int minItems, int maxItems) {
        super(nullable);
        this.items = items;
        this.minItems = minItems;
        this.maxItems = maxItems;
    }

    static ArraySchema of(Schema items) {
        return new ArraySchema(false, Objects.requireNonNull(items, "items"), -1, -1);
    }

    /** At least {@code n} items. */
    public ArraySchema minItems(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("minItems must be >= 0");
        }
        return new ArraySchema(isNullable(), items, n, maxItems);
    }

    /** At most {@code n} items. */
    public ArraySchema maxItems(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("maxItems must be >= 0");
        }
        return new ArraySchema(isNullable(), items, minItems, n);
    }

    @Override
    public ArraySchema nullable() {
        return new ArraySchema(true, items, minItems, maxItems);
    }

    @Override
    JsonNode checkNonNull(JsonNode value, boolean fromQuery) {
        if (!value.isArray()) {
            throw fail("must be array");
        }
        if (maxItems >= 0 && value.size() > maxItems) {
            throw fail("must NOT have more than " + maxItems + " items");
        }
        if (minItems >= 0 && value.size() < minItems) {
            throw fail("must NOT have fewer than " + minItems + " items");
        }
        ArrayNode checked = fromQuery ? JsonNodeFactory.instance.arrayNode(value.size()) : null;
        for (JsonNode item : value) {
            JsonNode result = items.check(item, fromQuery);
            if (checked != null) {
                checked.add(result);
            }
        }
        return checked != null ? checked : value;
    }

    @Override
    String typeName() {
        return "array";
    }
}
