package dev.livechat.adapter.http.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Immutable request headers with case-insensitive names; a header may carry several values. */
public final class RequestHeaders {

    private static final RequestHeaders EMPTY = new RequestHeaders(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private final Map<String, List<String>> values;

    private RequestHeaders(TreeMap<String, List<String>> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** No headers at all. */
    public static RequestHeaders empty() {
        return EMPTY;
    }

    /**
     * Copies headers from any server's representation; names that differ only in case are merged in iteration order.
     */
    public static RequestHeaders of(Map<String, ? extends List<String>> headers) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, list) -> {
            if (name != null && list != null) {
                copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(list);
            }
        });
        copy.replaceAll((name, list) -> List.copyOf(list));
        return new RequestHeaders(copy);
    }

    /** Convenience for tests and simple bindings: alternating names and values, e.g. {@code of("Cookie", "a=b")}. */
    public static RequestHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            copy.computeIfAbsent(Objects.requireNonNull(namesAndValues[i]), n -> new ArrayList<>())
                    .add(Objects.requireNonNull(namesAndValues[i + 1]));
        }
        copy.replaceAll((name, list) -> List.copyOf(list));
        return new RequestHeaders(copy);
    }

    /** The first value of the header, or null when absent. */
    public String first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    /** The value when the header occurs exactly once, else null (absent or ambiguous). */
    public String single(String name) {
        List<String> list = values.get(name);
        return list == null || list.size() != 1 ? null : list.get(0);
    }

    /** Every value of the header in received order; empty when absent. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** True when the header is present (with any value). */
    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /** All header names, compared case-insensitively. */
    public java.util.Set<String> names() {
        return values.keySet();
    }

    @Override
    public String toString() {
        // Header values can hold credentials (X-Auth-Token, Cookie); only names are printed.
        return "RequestHeaders" + values.keySet().toString().toLowerCase(Locale.ROOT);
    }
}
