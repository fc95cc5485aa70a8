package dev.livechat.adapter.http.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

/** A boolean schema; in a query string only the exact texts {@code true} and {@code false} are booleans. */
public final class BooleanSchema extends Schema {

    static final BooleanSchema DEFAULT = new BooleanSchema(false);

    private BooleanSchema(boolean nullable) {
        super(nullable);
    }

    @Override
    public BooleanSchema nullable() {
        return new BooleanSchema(true);
    }

    @Override
    JsonNode checkNonNull(JsonNode value, boolean fromQuery) {
        if (value.isBoolean()) {
            return value;
        }
        if (fromQuery && value.isTextual()) {
            if (value.textValue().equals("true")) {
                return BooleanNode.TRUE;
            }
            if (value.textValue().equals("false")) {
                return BooleanNode.FALSE;
            }
        }
        throw fail("must be boolean");
    }

    @Override
    String typeName() {
        return "boolean";
    }
}
