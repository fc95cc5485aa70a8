package dev.livechat.adapter.http.validation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** Views a decoded query string as the JSON object Rocket.Chat validates: text values, repeated keys as arrays. */
final class QueryObjects {

    private QueryObjects() {
    }

    static ObjectNode toJson(Map<String, List<String>> query) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        query.forEach((key, values) -> {
            if (values.size() == 1) {
                object.put(key, values.get(0));
            } else {
                ArrayNode array = object.putArray(key);
                values.forEach(array::add);
            }
        });
        return object;
    }
}
