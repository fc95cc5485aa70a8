package dev.livechat.adapter.http.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livechat.adapter.http.json.Json;
import dev.livechat.domain.error.BusinessRuleException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code sort} query parameter of one list endpoint (contract 1.9, Rocket.Chat's {@code parseJsonQuery}): a JSON
 * object of {@code 1}/{@code -1} values whose keys come from the endpoint's allowlist, applied in the given order;
 * {@code {}} (or an absent or empty parameter) means the endpoint's default order. Any failure is
 * {@code Invalid sort parameter provided: "<raw>" [error-invalid-sort]} with details
 * {@code {"helperMethod":"parseJsonQuery"}}.
 *
 * <pre>{@code
 * static final SortParam SORT = SortParam.allowing("ts", "lm", "closedAt", "_updatedAt", "msgs", "fname")
 *         .byDefault(SortField.desc("ts"));
 * List<SortField> order = SORT.parse(q.path("sort").textValue());
 * }</pre>
 */
public final class SortParam {

    /** Longest accepted {@code sort} text. */
    public static final int MAX_LENGTH = 256;

    /** The query schema of {@code sort}: a string of at most 256 characters ({@code must NOT have more than 256 characters}). */
    public static final StringSchema SCHEMA = Schema.string().maxLength(MAX_LENGTH);

    private final Set<String> allowed;
    private final List<SortField> defaults;

    private SortParam(Set<String> allowed, List<SortField> defaults) {
        this.allowed = allowed;
        this.defaults = defaults;
    }

    /** Starts a sort parameter accepting only these field names. */
    public static Allowlist allowing(String... fields) {
        return new Allowlist(Set.of(fields));
    }

    /** The first half of {@link SortParam}'s construction. */
    public static final class Allowlist {
        private final Set<String> fields;

        private Allowlist(Set<String> fields) {
            this.fields = fields;
        }

        /** The order used when the client sends no sort or {@code {}}. */
        public SortParam byDefault(SortField... order) {
            if (order.length == 0) {
                throw new IllegalArgumentException("a default order is required");
            }
            return new SortParam(fields, List.of(order));
        }
    }

    /** The default order. */
    public List<SortField> defaults() {
        return defaults;
    }

    /**
     * Parses the raw {@code sort} text.
     *
     * @param raw the parameter as received, or null when absent
     * @return the order to apply, never empty
     * @throws BusinessRuleException {@code invalid-params} when longer than 256 characters, else
     *                               {@code error-invalid-sort} for anything that is not an allowed sort object
     */
    public List<SortField> parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return defaults; // parseJsonQuery skips a falsy sort
        }
        if (raw.length() > MAX_LENGTH) {
            throw BusinessRuleException.invalidParams("must NOT have more than " + MAX_LENGTH + " characters");
        }
        JsonNode node;
        try {
            node = Json.parse(raw);
        } catch (Json.InvalidJsonException e) {
            throw invalid(raw);
        }
        if (!node.isObject()) {
            throw invalid(raw);
        }
        List<SortField> order = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!allowed.contains(entry.getKey())) {
                throw invalid(raw);
            }
            JsonNode value = entry.getValue();
            if (!value.isNumber() || !(value.isIntegralNumber() || Double.isFinite(value.doubleValue()))) {
                throw invalid(raw);
            }
            double direction = value.doubleValue();
            if (direction == 1) {
                order.add(SortField.asc(entry.getKey()));
            } else if (direction == -1) {
                order.add(SortField.desc(entry.getKey()));
            } else {
                throw invalid(raw);
            }
        }
        return order.isEmpty() ? defaults : List.copyOf(order);
    }

    private static BusinessRuleException invalid(String raw) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("helperMethod", "parseJsonQuery");
        return BusinessRuleException.meteor("error-invalid-sort",
                "Invalid sort parameter provided: \"" + Objects.requireNonNull(raw) + "\"", details);
    }
}
