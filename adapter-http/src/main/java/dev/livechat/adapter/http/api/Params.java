package dev.livechat.adapter.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livechat.adapter.http.mapping.TokenVisibility;
import dev.livechat.adapter.http.validation.SortField;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.shared.VisitorToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Small helpers shared by the endpoint classes: reading validated values and converting sort orders. */
final class Params {

    private Params() {
    }

    /** A text value, or null when absent or JSON null. */
    static String text(JsonNode object, String key) {
        JsonNode value = object.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A text value where the empty string means "absent" (Rocket.Chat's optional ids). */
    static String textOrNullWhenEmpty(JsonNode object, String key) {
        String value = text(object, key);
        return value == null || value.isEmpty() ? null : value;
    }

    /** A boolean flag sent as {@code "true"}/{@code "false"} text, already validated. */
    static boolean flag(ObjectNode query, String key) {
        return "true".equals(text(query, key));
    }

    /** The items of a validated string array, or an empty list. */
    static List<String> strings(JsonNode object, String key) {
        List<String> values = new ArrayList<>();
        JsonNode array = object.get(key);
        if (array != null && array.isArray()) {
            array.forEach(item -> values.add(item.asText()));
        }
        return values;
    }

    /** Sort fields of the HTTP layer as the domain's sort keys. */
    static <F extends Enum<F>> List<SortKey<F>> sortKeys(List<SortField> fields, Function<String, Optional<F>> byName) {
        List<SortKey<F>> keys = new ArrayList<>();
        for (SortField field : fields) {
            F value = byName.apply(field.field())
                    .orElseThrow(() -> new IllegalArgumentException("sort field outside the allowlist: " + field.field()));
            keys.add(new SortKey<>(value, field.ascending()));
        }
        return keys;
    }

    /** Token visibility of a visitor-facing response to the holder of {@code rawToken}. */
    static TokenVisibility visitorView(String rawToken) {
        return TokenVisibility.visitor(VisitorToken.parse(rawToken).orElse(null));
    }
}
