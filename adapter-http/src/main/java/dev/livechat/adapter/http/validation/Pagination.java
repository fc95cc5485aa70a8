package dev.livechat.adapter.http.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The {@code count}/{@code offset} query parameters of list endpoints (contract 1.8): {@code count} defaults to
 * {@value #DEFAULT_COUNT}, {@code 0} means the default, values above {@value #MAX_COUNT} are clamped; {@code offset}
 * defaults to 0 and is at most {@value #MAX_OFFSET}. The text must be plain digits: {@code -5} is
 * {@code must be >= 0}, {@code abc}/{@code 1.5}/{@code 1e3}/empty/repeated are {@code must be integer}.
 *
 * <pre>{@code
 * static final ObjectSchema QUERY = Schema.object()
 *         .optional("count", Pagination.COUNT).optional("offset", Pagination.OFFSET)
 *         .optional("sort", SortParam.SCHEMA).build();
 * ObjectNode q = QUERY.validateQuery(request.query());
 * Pagination page = Pagination.from(q);
 * }</pre>
 *
 * @param count  the page size actually used, 1..100
 * @param offset the number of items skipped, 0..2147483647
 */
public record Pagination(int count, int offset) {

    /** Page size when none (or 0) is requested. */
    public static final int DEFAULT_COUNT = 50;
    /** Largest page size; larger requests are clamped. */
    public static final int MAX_COUNT = 100;
    /** Largest offset. */
    public static final long MAX_OFFSET = Integer.MAX_VALUE;

    /** The query schema of {@code count}: a non-negative integer of any size (clamped later). */
    public static final NumberSchema COUNT = Schema.integer().minimum(0);
    /** The query schema of {@code offset}: an integer in 0..2147483647. */
    public static final NumberSchema OFFSET = Schema.integer().minimum(0).maximum(MAX_OFFSET);

    public Pagination {
        if (count < 1 || count > MAX_COUNT || offset < 0) {
            throw new IllegalArgumentException("count must be 1..100 and offset >= 0");
        }
    }

    /**
     * Reads {@code count} and {@code offset} from a query already validated with {@link #COUNT} and {@link #OFFSET}.
     */
    public static Pagination from(ObjectNode validatedQuery) {
        return new Pagination(count(validatedQuery.get("count")), offset(validatedQuery.get("offset")));
    }

    /**
     * Validates and reads {@code count} (first) and {@code offset} directly from a raw query, ignoring other keys.
     *
     * @throws dev.livechat.domain.error.BusinessRuleException ({@code INVALID_PARAMS}) for malformed values
     */
    public static Pagination parse(Map<String, List<String>> query) {
        ObjectNode validated = Schema.object()
                .optional("count", COUNT)
                .optional("offset", OFFSET)
                .allowAdditionalProperties()
                .build()
                .validateQuery(query);
        return from(validated);
    }

    private static int count(JsonNode node) {
        if (node == null || node.isNull()) {
            return DEFAULT_COUNT;
        }
        BigInteger value = node.bigIntegerValue();
        if (value.signum() == 0) {
            return DEFAULT_COUNT;
        }
        return value.compareTo(BigInteger.valueOf(MAX_COUNT)) > 0 ? MAX_COUNT : value.intValue();
    }

    private static int offset(JsonNode node) {
        if (node == null || node.isNull()) {
            return 0;
        }
        return node.intValue();
    }
}
