package dev.livechat.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name=value} options of the benchmark command line, with defaults; unknown names are an error. */
public final class Options {

    private final Map<String, String> values = new LinkedHashMap<>();

    private Options() {
    }

    /** Parses {@code args}; every name must be one of {@code defaults}' keys. */
    public static Options parse(String[] args, Map<String, String> defaults) {
        Options options = new Options();
        options.values.putAll(defaults);
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            String name = arg.substring(2, arg.indexOf('='));
            if (!defaults.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + defaults.keySet());
            }
            options.values.put(name, arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    public String text(String name) {
        return values.get(name);
    }

    public int integer(String name) {
        return Integer.parseInt(values.get(name).replace("_", ""));
    }

    public double decimal(String name) {
        return Double.parseDouble(values.get(name));
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(values.get(name));
    }

    public List<Long> longs(String name) {
        return Arrays.stream(values.get(name).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> Long.parseLong(s.replace("_", ""))).toList();
    }

    /** Every option as given or defaulted, for the report. */
    public Map<String, String> all() {
        return values;
    }
}
