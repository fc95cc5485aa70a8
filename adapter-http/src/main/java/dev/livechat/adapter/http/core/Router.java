package dev.livechat.adapter.http.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps (method, raw path) to an endpoint (contract 1.6 step 1): the most specific matching template that defines the
 * method wins; a path matched only by templates without that method is a 405 with exactly their methods.
 */
final class Router {

    /** The outcome of routing. */
    sealed interface Route permits Found, MethodNotAllowed, NotFound {
    }

    /** A route matched, with decoded path parameters. */
    record Found(Endpoint endpoint, Map<String, String> pathParams) implements Route {
    }

    /** The path is known, the method is not: {@code allowed} in registration order. */
    record MethodNotAllowed(List<String> allowed) implements Route {
    }

    /** No route has this path. */
    record NotFound() implements Route {
    }

    private static final NotFound NOT_FOUND = new NotFound();

    /** Templates in specificity order, each with its endpoints by method. */
    private final List<Entry> entries;

    private record Entry(PathTemplate template, Map<String, Endpoint> byMethod) {
    }

    Router(List<Endpoint> endpoints) {
        Map<String, Entry> byTemplate = new LinkedHashMap<>();
        Map<String, String> shapes = new HashMap<>();
        for (Endpoint endpoint : endpoints) {
            String shapeKey = endpoint.method() + " " + endpoint.template().shape();
            String previous = shapes.putIfAbsent(shapeKey, endpoint.path());
            if (previous != null) {
                throw new IllegalArgumentException("ambiguous routes: " + endpoint.method() + " " + previous
                        + " and " + endpoint.key());
            }
            Entry entry = byTemplate.computeIfAbsent(endpoint.path(),
                    p -> new Entry(endpoint.template(), new LinkedHashMap<>()));
            entry.byMethod().put(endpoint.method(), endpoint);
        }
        List<Entry> ordered = new ArrayList<>(byTemplate.values());
        ordered.sort((a, b) -> PathTemplate.compareSpecificity(a.template(), b.template())); // stable
        this.entries = List.copyOf(ordered);
    }

    Route route(String method, String rawPath) {
        Set<String> allowed = null;
        for (Entry entry : entries) {
            Map<String, String> params = entry.template().match(rawPath);
            if (params == null) {
                continue;
            }
            Endpoint endpoint = entry.byMethod().get(method);
            if (endpoint != null) {
                return new Found(endpoint, params);
            }
            if (allowed == null) {
                allowed = new LinkedHashSet<>();
            }
            allowed.addAll(entry.byMethod().keySet());
        }
        return allowed == null ? NOT_FOUND : new MethodNotAllowed(List.copyOf(allowed));
    }
}
