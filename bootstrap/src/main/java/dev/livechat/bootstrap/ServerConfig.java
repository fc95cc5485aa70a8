package dev.livechat.bootstrap;

import dev.livechat.domain.routing.RoutingMethod;
import dev.livechat.domain.user.User;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The server's configuration (contract 7): environment variables, each overridden by its command-line flag
 * ({@code --name=value} or {@code --name value}). Values are case-sensitive; an invalid one is a start-up error naming
 * the variable, never echoing a password.
 *
 * @param port                        TCP port
 * @param dbUrl                       store URL; its prefix selects the adapter
 * @param dbUser                      store user, or null
 * @param dbPassword                  store password, or null (never logged)
 * @param adminUsername               first-start admin username
 * @param adminPassword               first-start admin password, or null to generate one
 * @param rateLimit                   whether the rate limits of contract 1.14 apply
 * @param routingMethod               Auto_Selection or Manual_Selection
 * @param acceptChatsWithNoAgents     open rooms without an available agent
 * @param maxChatsPerAgent            0 = no limit
 * @param exposeVisitorTokenToAgents  Rocket.Chat-compatible agent responses
 */
public record ServerConfig(int port, String dbUrl, String dbUser, String dbPassword, String adminUsername,
                           String adminPassword, boolean rateLimit, RoutingMethod routingMethod,
                           boolean acceptChatsWithNoAgents, int maxChatsPerAgent,
                           boolean exposeVisitorTokenToAgents) {

    public static final String DEFAULT_DB_URL = "jdbc:h2:file:./data/livechat";

    /** The kinds of store a URL can select. */
    public enum StoreKind { H2, POSTGRESQL, MARIADB, MONGODB }

    private enum Setting {
        PORT("LIVECHAT_PORT", "port", "3000"),
        DB_URL("LIVECHAT_DB_URL", "db-url", DEFAULT_DB_URL),
        DB_USER("LIVECHAT_DB_USER", "db-user", null),
        DB_PASSWORD("LIVECHAT_DB_PASSWORD", "db-password", null),
        ADMIN_USERNAME("LIVECHAT_ADMIN_USERNAME", "admin-username", "admin"),
        ADMIN_PASSWORD("LIVECHAT_ADMIN_PASSWORD", "admin-password", null),
        RATE_LIMIT("LIVECHAT_RATE_LIMIT", "rate-limit", "on"),
        ROUTING_METHOD("LIVECHAT_ROUTING_METHOD", "routing-method", "Auto_Selection"),
        ACCEPT_NO_AGENTS("LIVECHAT_ACCEPT_CHATS_WITH_NO_AGENTS", "accept-chats-with-no-agents", "false"),
        MAX_CHATS("LIVECHAT_MAX_CHATS_PER_AGENT", "max-chats-per-agent", "0"),
        EXPOSE_TOKEN("LIVECHAT_EXPOSE_VISITOR_TOKEN_TO_AGENTS", "expose-visitor-token-to-agents", "false");

        final String variable;
        final String flag;
        final String defaultValue;

        Setting(String variable, String flag, String defaultValue) {
            this.variable = variable;
            this.flag = flag;
            this.defaultValue = defaultValue;
        }
    }

    /** A configuration value that stops the server; the message names the variable and is safe to print. */
    public static final class InvalidConfigException extends RuntimeException {
        public InvalidConfigException(String message) {
            super(message, null, false, false);
        }
    }

    public ServerConfig {
        Objects.requireNonNull(dbUrl, "dbUrl");
        Objects.requireNonNull(adminUsername, "adminUsername");
        Objects.requireNonNull(routingMethod, "routingMethod");
    }

    /**
     * Reads the configuration.
     *
     * @throws InvalidConfigException naming the variable (or flag) whose value is invalid
     */
    public static ServerConfig from(Map<String, String> environment, String[] args) {
        Map<Setting, String> values = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            String value = environment.get(setting.variable);
            values.put(setting, value != null ? value : setting.defaultValue);
        }
        applyFlags(args, values);
        int port = parseInt(values.get(Setting.PORT), Setting.PORT, 1, 65535);
        String dbUrl = values.get(Setting.DB_URL);
        storeKind(dbUrl);
        String adminUsername = values.get(Setting.ADMIN_USERNAME);
        if (adminUsername == null || !User.USERNAME.matcher(adminUsername).matches()) {
            throw invalid(Setting.ADMIN_USERNAME, "must be 1..64 characters of [0-9a-zA-Z-_.]");
        }
        String adminPassword = values.get(Setting.ADMIN_PASSWORD);
        if (adminPassword != null && (adminPassword.isEmpty() || adminPassword.length() > 1024)) {
            throw invalid(Setting.ADMIN_PASSWORD, "must be 1..1024 characters");
        }
        return new ServerConfig(
                port,
                dbUrl,
                values.get(Setting.DB_USER),
                values.get(Setting.DB_PASSWORD),
                adminUsername,
                adminPassword,
                parseChoice(values.get(Setting.RATE_LIMIT), Setting.RATE_LIMIT, "on", "off"),
                parseRouting(values.get(Setting.ROUTING_METHOD)),
                parseChoice(values.get(Setting.ACCEPT_NO_AGENTS), Setting.ACCEPT_NO_AGENTS, "true", "false"),
                parseInt(values.get(Setting.MAX_CHATS), Setting.MAX_CHATS, 0, Integer.MAX_VALUE),
                parseChoice(values.get(Setting.EXPOSE_TOKEN), Setting.EXPOSE_TOKEN, "true", "false"));
    }

    /** Which adapter {@code url} selects (contract 7). */
    public static StoreKind storeKind(String url) {
        if (url != null) {
            if (url.startsWith("jdbc:h2:")) {
                return StoreKind.H2;
            }
            if (url.startsWith("jdbc:postgresql://")) {
                return StoreKind.POSTGRESQL;
            }
            if (url.startsWith("jdbc:mariadb://")) {
                return StoreKind.MARIADB;
            }
            if (url.startsWith("mongodb://") || url.startsWith("mongodb+srv://")) {
                return StoreKind.MONGODB;
            }
        }
        throw new InvalidConfigException("LIVECHAT_DB_URL: unsupported store URL; expected a URL starting with "
                + "jdbc:h2:, jdbc:postgresql://, jdbc:mariadb://, mongodb:// or mongodb+srv://");
    }

    public StoreKind storeKind() {
        return storeKind(dbUrl);
    }

    private static void applyFlags(String[] args, Map<Setting, String> values) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new InvalidConfigException("unexpected argument: " + describe(arg));
            }
            String body = arg.substring(2);
            int eq = body.indexOf('=');
            String name = eq >= 0 ? body.substring(0, eq) : body;
            Setting setting = null;
            for (Setting candidate : Setting.values()) {
                if (candidate.flag.equals(name)) {
                    setting = candidate;
                }
            }
            if (setting == null) {
                throw new InvalidConfigException("unknown flag: --" + describe(name));
            }
            String value;
            if (eq >= 0) {
                value = body.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new InvalidConfigException("--" + setting.flag + " needs a value");
            }
            values.put(setting, value);
        }
    }

    private static String describe(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }

    private static int parseInt(String raw, Setting setting, int min, int max) {
        if (raw == null || raw.isEmpty() || raw.length() > 10 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(setting, "must be a whole number from " + min + " to " + max);
        }
        long value = Long.parseLong(raw);
        if (value < min || value > max) {
            throw invalid(setting, "must be a whole number from " + min + " to " + max);
        }
        return (int) value;
    }

    private static boolean parseChoice(String raw, Setting setting, String yes, String no) {
        if (yes.equals(raw)) {
            return true;
        }
        if (no.equals(raw)) {
            return false;
        }
        throw invalid(setting, "must be " + yes + " or " + no);
    }

    private static RoutingMethod parseRouting(String raw) {
        for (RoutingMethod method : RoutingMethod.values()) {
            if (method.configName().equals(raw)) {
                return method;
            }
        }
        throw invalid(Setting.ROUTING_METHOD, "must be Auto_Selection or Manual_Selection");
    }

    private static InvalidConfigException invalid(Setting setting, String rule) {
        return new InvalidConfigException(setting.variable + " (--" + setting.flag + "): " + rule);
    }

    /** Never prints the passwords. */
    @Override
    public String toString() {
        return "ServerConfig[port=" + port + ", store=" + storeKind() + ", routing=" + routingMethod.configName()
                + ", rateLimit=" + rateLimit + ", acceptChatsWithNoAgents=" + acceptChatsWithNoAgents
                + ", maxChatsPerAgent=" + maxChatsPerAgent + ", exposeVisitorTokenToAgents=" + exposeVisitorTokenToAgents
                + "]";
    }
}
