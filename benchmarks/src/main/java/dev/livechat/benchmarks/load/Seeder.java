package dev.livechat.benchmarks.load;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.livechat.adapter.jdbc.JdbcStore;
import dev.livechat.application.port.in.Caller;
import dev.livechat.application.port.in.CloseRoomByUserCommand;
import dev.livechat.application.port.in.CreateUserCommand;
import dev.livechat.application.port.in.EnsureAdminCommand;
import dev.livechat.application.port.in.GetRoomCommand;
import dev.livechat.application.port.in.LivechatUseCases;
import dev.livechat.application.port.in.LoginCommand;
import dev.livechat.application.port.in.LoginResult;
import dev.livechat.application.port.in.RegisterVisitorCommand;
import dev.livechat.application.port.in.SendAgentMessageCommand;
import dev.livechat.application.port.in.SendVisitorMessageCommand;
import dev.livechat.application.service.LivechatSettings;
import dev.livechat.bootstrap.BcryptPasswordHasher;
import dev.livechat.bootstrap.LivechatServices;
import dev.livechat.bootstrap.SecureRandomIds;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.visitor.Visitor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fills the benchmark database before the server starts, in this JVM and directly on the server's database:
 * <ul>
 *   <li>the rooms that are measured go through the real use cases ({@link LivechatServices} over {@link JdbcStore}),
 *       so they are exactly what the API would have written: an agent, a heavy visitor with many closed rooms full of
 *       messages, visitors with an open room, visitors with a closed room for surveys;</li>
 *   <li>the bulk — other visitors' rooms that only make the store big, and the visitors who will open rooms — is
 *       cloned from those rows by {@code INSERT ... SELECT} over a number range, 50 000 rows per statement, because
 *       a million rooms through the use cases (or HTTP) would take hours on two cores.</li>
 * </ul>
 */
final class Seeder implements AutoCloseable {

    static final String ADMIN_PASSWORD = "bench-admin-pass";
    static final String AGENT_USERNAME = "bench.agent";
    static final String AGENT_PASSWORD = "bench-agent-pass";
    static final String HEAVY_TOKEN = "heavy-visitor";
    static final String SEARCH_TERM = "invoice 4711";
    static final String HOT_TOKEN_PREFIX = "hot-visitor-";
    static final String SURVEY_TOKEN_PREFIX = "survey-visitor-";
    static final String NEW_TOKEN_PREFIX = "new-visitor-";

    private static final int CHUNK = 50_000;

    /** What the load phases need to know about the seeded data. */
    record Seeded(String agentId, String agentToken, String heavyVisitorId, String heavyRoomId, List<String> hotTokens,
                  List<String[]> surveyRooms, int newVisitors) {
    }

    enum Sql {
        H2("SYSTEM_RANGE(%d, %d) s"),
        POSTGRESQL("generate_series(%d, %d) AS s(x)");

        final String range;

        Sql(String range) {
            this.range = range;
        }

        String secondsBefore(String column, String seconds) {
            return this == H2 ? "DATEADD(SECOND, -(" + seconds + "), " + column + ")"
                    : column + " - (" + seconds + ") * INTERVAL '1 second'";
        }
    }

    private final HikariDataSource dataSource;
    private final Sql sql;
    private final LivechatUseCases useCases;
    private final LivechatServices services;

    Seeder(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(2);
        config.setPoolName("seeder");
        this.dataSource = new HikariDataSource(config);
        this.sql = jdbcUrl.startsWith("jdbc:h2:") ? Sql.H2 : Sql.POSTGRESQL;
        JdbcStore store = JdbcStore.open(dataSource);
        this.services = LivechatServices.wire(store.ports(), Clock.systemUTC(), LivechatSettings.defaults("bench"),
                new BcryptPasswordHasher(), new SecureRandomIds());
        this.useCases = services.useCases();
    }

    /**
     * The measured data, through the use cases.
     *
     * @param heavyRooms    rooms of the heavy visitor (chatHistory, searchChats)
     * @param heavyMessages text messages per heavy room, visitor and agent alternating
     * @param hotVisitors   visitors with one open room each (GET livechat/room)
     * @param surveyRooms   visitors with one closed room each (room.survey)
     * @param newVisitors   registered visitors without a room (room opening), cloned in bulk
     */
    Seeded seedMeasuredData(int heavyRooms, int heavyMessages, int hotVisitors, int surveyRooms, int newVisitors)
            throws SQLException {
        services.ensureAdmin().ensureAdmin(new EnsureAdminCommand("admin", ADMIN_PASSWORD));
        Caller admin = login("admin", ADMIN_PASSWORD).caller();
        useCases.createUser().createUser(new CreateUserCommand(admin, "bench.agent@example.com", "Bench Agent",
                AGENT_PASSWORD, AGENT_USERNAME, List.of("user", "livechat-agent"), true, true));
        // The login makes the agent online (an unexpired session) for 90 days: the server routes to it at once.
        Login agent = login(AGENT_USERNAME, AGENT_PASSWORD);

        Visitor heavy = register(HEAVY_TOKEN, "Heavy Visitor");
        String heavyRoomId = null;
        for (int r = 0; r < heavyRooms; r++) {
            String rid = openRoom(HEAVY_TOKEN).id().value();
            heavyRoomId = heavyRoomId == null ? rid : heavyRoomId;
            for (int m = 0; m < heavyMessages; m++) {
                boolean last = m >= heavyMessages - 2;
                if (m % 2 == 0) {
                    // Every tenth room mentions the search term, and only in its last visitor message: a search
                    // has to read every message of the other rooms.
                    String text = last && r % 10 == 0
                            ? "Any news about my refund for " + SEARCH_TERM + "?"
                            : "Message " + m + " of chat " + r + ": where is my order?\nIt was due last week.";
                    useCases.sendVisitorMessage().sendVisitorMessage(new SendVisitorMessageCommand(HEAVY_TOKEN, rid,
                            text, null));
                } else {
                    useCases.sendAgentMessage().sendAgentMessage(new SendAgentMessageCommand(agent.caller(), rid,
                            "Reply " + m + ": let me check that order for you.", null));
                }
            }
            useCases.closeRoomByUser().closeRoomByUser(new CloseRoomByUserCommand(agent.caller(), rid,
                    "Solved in chat " + r, List.of("orders", "delivery")));
        }

        List<String> hotTokens = new ArrayList<>();
        for (int i = 1; i <= hotVisitors; i++) {
            String token = HOT_TOKEN_PREFIX + i;
            register(token, "Hot Visitor " + i);
            String rid = openRoom(token).id().value();
            useCases.sendVisitorMessage().sendVisitorMessage(new SendVisitorMessageCommand(token, rid,
                    "Hello, I need help with my order", null));
            useCases.sendAgentMessage().sendAgentMessage(new SendAgentMessageCommand(agent.caller(), rid,
                    "Hello, how can I help?", null));
            hotTokens.add(token);
        }

        List<String[]> surveys = new ArrayList<>();
        for (int i = 1; i <= surveyRooms; i++) {
            String token = SURVEY_TOKEN_PREFIX + i;
            register(token, "Survey Visitor " + i);
            String rid = openRoom(token).id().value();
            useCases.sendVisitorMessage().sendVisitorMessage(new SendVisitorMessageCommand(token, rid,
                    "Thanks, that was all", null));
            useCases.closeRoomByUser().closeRoomByUser(new CloseRoomByUserCommand(agent.caller(), rid, "Done",
                    List.of()));
            surveys.add(new String[]{token, rid});
        }

        Visitor template = register(NEW_TOKEN_PREFIX + "template", null);
        cloneNewVisitors(template.id().value(), newVisitors);
        return new Seeded(agent.caller().id().value(), agent.token(), heavy.id().value(), heavyRoomId, hotTokens,
                surveys, newVisitors);
    }

    private record Login(String token, Caller caller) {
    }

    private Login login(String username, String password) {
        LoginResult result = useCases.login().login(new LoginCommand(username, false, password));
        Caller caller = useCases.authenticate().authenticate(result.me().id().value(), result.authToken());
        return new Login(result.authToken(), caller);
    }

    private Visitor register(String token, String name) {
        return useCases.registerVisitor().registerVisitor(new RegisterVisitorCommand(token, name, null, null, null));
    }

    private RoomSnapshot openRoom(String token) {
        return useCases.getOrOpenRoom().getOrOpenRoom(new GetRoomCommand(token, null, null, RoomSource.API)).room();
    }

    /** Rooms in the store. */
    long roomCount() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM rooms")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Adds closed rooms of other visitors until the store holds {@code targetRooms} rooms: clones of the heavy
     * visitor's first room (with its tags and its first {@code messagesPerRoom - 1} messages plus its closing message),
     * {@code roomsPerVisitor} rooms per new visitor.
     *
     * @return the number of rooms added
     */
    long fillTo(long targetRooms, int roomsPerVisitor, int messagesPerRoom, String heavyRoomId) throws SQLException {
        long missing = targetRooms - roomCount();
        if (missing <= 0) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // Filler room x is 'F' + x in 16 digits, so 'F0...' (Meteor ids never contain 0); a fill starts at a
            // visitor boundary so that no visitor spans two fills.
            String maxId = single(c, "SELECT MAX(id) FROM rooms WHERE id LIKE ?", "F0%");
            long previous = maxId == null ? 0 : Long.parseLong(maxId.substring(1));
            long first = (previous + roomsPerVisitor - 1) / roomsPerVisitor * roomsPerVisitor + 1;
            long last = first + missing - 1;
            String templateVisitor = single(c, "SELECT v_id FROM rooms WHERE id = ?", heavyRoomId);
            List<String> templateMessages = templateMessages(c, heavyRoomId, messagesPerRoom);
            long guestBase = nextGuestNumbers(c, visitorOf(last, roomsPerVisitor) - visitorOf(first, roomsPerVisitor) + 1);
            for (long from = first; from <= last; from += CHUNK) {
                long to = Math.min(last, from + CHUNK - 1);
                cloneFillerChunk(c, from, to, roomsPerVisitor, heavyRoomId, templateVisitor, templateMessages,
                        guestBase - visitorOf(first, roomsPerVisitor));
                c.commit();
            }
            if (sql == Sql.POSTGRESQL) {
                // What an operator does after a bulk load: without fresh statistics the planner may still believe the
                // tables hold what they held before the fill until autovacuum gets round to them.
                c.setAutoCommit(true);
                try (Statement analyze = c.createStatement()) {
                    for (String table : List.of("visitors", "rooms", "room_tags", "messages")) {
                        analyze.execute("ANALYZE " + table);
                    }
                }
            }
            return missing;
        }
    }

    private static long visitorOf(long room, int roomsPerVisitor) {
        return (room - 1) / roomsPerVisitor + 1;
    }

    private void cloneFillerChunk(Connection c, long from, long to, int roomsPerVisitor, String templateRoom,
                                  String templateVisitor, List<String> templateMessages, long guestOffset)
            throws SQLException {
        String range = String.format(Locale.ROOT, sql.range, from, to);
        String visitorNumber = "((s.x - 1) / " + roomsPerVisitor + " + 1)";
        String roomId = "'F' || LPAD(CAST(s.x AS VARCHAR(20)), 16, '0')";
        String visitorId = "'G' || LPAD(CAST(" + visitorNumber + " AS VARCHAR(20)), 16, '0')";
        String visitorToken = "'filler-token-' || CAST(" + visitorNumber + " AS VARCHAR(20))";
        String username = "'guest-' || CAST(" + visitorNumber + " + " + guestOffset + " AS VARCHAR(20))";
        String shift = "s.x";

        // The visitors whose first room is in this chunk.
        long firstVisitor = (from - 1 + roomsPerVisitor - 1) / roomsPerVisitor + 1;
        long lastVisitor = visitorOf(to, roomsPerVisitor);
        if (firstVisitor <= lastVisitor) {
            String visitorRange = String.format(Locale.ROOT, sql.range, firstVisitor, lastVisitor);
            Map<String, String> visitorColumns = new LinkedHashMap<>();
            visitorColumns.put("id", "'G' || LPAD(CAST(s.x AS VARCHAR(20)), 16, '0')");
            visitorColumns.put("username", "'guest-' || CAST(s.x + " + guestOffset + " AS VARCHAR(20))");
            visitorColumns.put("token", "'filler-token-' || CAST(s.x AS VARCHAR(20))");
            visitorColumns.put("name", "'Filler ' || CAST(s.x AS VARCHAR(20))");
            visitorColumns.put("last_chat_id", "NULL");
            visitorColumns.put("last_chat_ts", "NULL");
            visitorColumns.put("status", "'offline'");
            cloneRows(c, "visitors", visitorColumns, visitorRange, templateVisitor);
        }

        Map<String, String> roomColumns = new LinkedHashMap<>();
        roomColumns.put("id", roomId);
        roomColumns.put("version", "0");
        roomColumns.put("msgs", Integer.toString(templateMessages.size()));
        roomColumns.put("ts", sql.secondsBefore("t.ts", shift));
        roomColumns.put("lm", sql.secondsBefore("t.lm", shift));
        roomColumns.put("updated_at", sql.secondsBefore("t.updated_at", shift));
        roomColumns.put("closed_at", sql.secondsBefore("t.closed_at", shift));
        roomColumns.put("fname", "'Filler ' || CAST(" + visitorNumber + " AS VARCHAR(20))");
        roomColumns.put("v_id", visitorId);
        roomColumns.put("v_username", username);
        roomColumns.put("v_token", visitorToken);
        roomColumns.put("open_visitor_token", "NULL");
        roomColumns.put("last_message_room_id", roomId);
        roomColumns.put("last_message_id", messageId(templateMessages.size()));
        roomColumns.put("last_message_ts", sql.secondsBefore("t.last_message_ts", shift));
        cloneRows(c, "rooms", roomColumns, range, templateRoom);

        try (PreparedStatement tags = c.prepareStatement("INSERT INTO room_tags (room_id, position, tag)"
                + " SELECT " + roomId + ", t.position, t.tag FROM room_tags t CROSS JOIN " + range
                + " WHERE t.room_id = ?")) {
            tags.setString(1, templateRoom);
            tags.executeUpdate();
        }

        for (int k = 1; k <= templateMessages.size(); k++) {
            Map<String, String> messageColumns = new LinkedHashMap<>();
            messageColumns.put("id", messageId(k));
            messageColumns.put("room_id", roomId);
            messageColumns.put("ts", sql.secondsBefore("t.ts", shift));
            messageColumns.put("author_id", "CASE WHEN t.author_id = '" + templateVisitor + "' THEN " + visitorId
                    + " ELSE t.author_id END");
            messageColumns.put("author_username", "CASE WHEN t.author_id = '" + templateVisitor + "' THEN " + username
                    + " ELSE t.author_username END");
            messageColumns.put("visitor_token", "CASE WHEN t.visitor_token IS NULL THEN NULL ELSE " + visitorToken
                    + " END");
            cloneRows(c, "messages", messageColumns, range, templateMessages.get(k - 1));
        }
    }

    /** Id of cloned message {@code k} of room {@code s.x}: 17 characters, unique per (room, k). */
    private static String messageId(int k) {
        return "'M' || LPAD(CAST(s.x AS VARCHAR(20)), 13, '0') || '" + String.format("%03d", k) + "'";
    }

    /** The first {@code count - 1} messages of the room in time order, then its last (closing) message. */
    private static List<String> templateMessages(Connection c, String roomId, int count) throws SQLException {
        List<String> all = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM messages WHERE room_id = ? ORDER BY ts, id")) {
            ps.setString(1, roomId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(rs.getString(1));
                }
            }
        }
        int keep = Math.max(1, Math.min(count, all.size()));
        List<String> chosen = new ArrayList<>(all.subList(0, keep - 1));
        chosen.add(all.get(all.size() - 1));
        return chosen;
    }

    /** INSERT INTO table SELECT (every column, some replaced by expressions over s.x) FROM the template row × range. */
    private static void cloneRows(Connection c, String table, Map<String, String> replaced, String range,
                                  String templateId) throws SQLException {
        List<String> columns = columns(c, table);
        StringBuilder select = new StringBuilder();
        for (String column : columns) {
            if (select.length() > 0) {
                select.append(", ");
            }
            String expression = replaced.get(column);
            select.append(expression != null ? expression : "t." + column);
        }
        String statement = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + select
                + " FROM " + table + " t CROSS JOIN " + range + " WHERE t.id = ?";
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setString(1, templateId);
            ps.executeUpdate();
        }
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            return columns;
        }
    }

    /** Registered visitors without rooms, {@code new-visitor-1..n}, cloned from a visitor registered by the use case. */
    private void cloneNewVisitors(String templateVisitor, int count) throws SQLException {
        if (count <= 0) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long guestBase = nextGuestNumbers(c, count);
            for (long from = 1; from <= count; from += CHUNK) {
                long to = Math.min(count, from + CHUNK - 1);
                Map<String, String> columns = new LinkedHashMap<>();
                columns.put("id", "'W' || LPAD(CAST(s.x AS VARCHAR(20)), 16, '0')");
                columns.put("username", "'guest-' || CAST(s.x + " + (guestBase - 1) + " AS VARCHAR(20))");
                columns.put("token", "'" + NEW_TOKEN_PREFIX + "' || CAST(s.x AS VARCHAR(20))");
                cloneRows(c, "visitors", columns, String.format(Locale.ROOT, sql.range, from, to), templateVisitor);
                c.commit();
            }
        }
    }

    /** Reserves {@code count} guest numbers (contract 1.3: guest-N never reused) and returns the first. */
    private static long nextGuestNumbers(Connection c, long count) throws SQLException {
        long current;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT counter_value FROM counters WHERE counter_name = 'guest-number' FOR UPDATE")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                current = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE counters SET counter_value = ? WHERE counter_name = 'guest-number'")) {
            ps.setLong(1, current + count);
            ps.executeUpdate();
        }
        c.commit();
        return current + 1;
    }

    private static String single(Connection c, String query, String parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
