package dev.livechat.adapter.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.livechat.adapter.jdbc.JdbcVisitorChatSearch.PageQuery;
import dev.livechat.adapter.jdbc.testing.StoreFixture;
import dev.livechat.adapter.jdbc.testing.TestDatabase;
import dev.livechat.application.port.out.VisitorChatSearch.ChatSearchFilter;
import dev.livechat.domain.room.RoomSortField;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.shared.VisitorId;
import org.assertj.core.api.SoftAssertions;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

/**
 * The plans PostgreSQL chooses for the statements behind the seed endpoints, on a realistically sized, analysed schema:
 * none may read the whole {@code rooms} or {@code messages} table. The statements are the adapter's own
 * ({@link PageQuery}, {@link JdbcRoomRepository#FIND_OPEN_BY_VISITOR_TOKEN}), explained with the bindings it uses.
 * <p>
 * Data, generated set-based: {@value #VISITORS} visitors with {@value #ROOMS_PER_VISITOR} rooms each (the last one
 * open), {@value #MESSAGES_PER_ROOM} messages per room, and one heavy visitor with {@value #HEAVY_ROOMS} rooms and
 * {@value #HEAVY_MESSAGES} messages, for whom a plain {@code EXISTS} text probe turns into a hash semi-join over every
 * matching message of the table.
 */
class PostgresQueryPlanTest {

    static final int VISITORS = 12_000;
    static final int ROOMS_PER_VISITOR = 5;
    static final int MESSAGES_PER_ROOM = 4;
    static final int HEAVY_ROOMS = 5_000;
    static final int HEAVY_MESSAGES = 20_000;

    @RegisterExtension
    static final StoreFixture FIXTURE = StoreFixture.on(TestDatabase.POSTGRESQL);

    private static final List<SortKey<RoomSortField>> NEWEST_FIRST = List.of(new SortKey<>(RoomSortField.TS, false));
    private static final ChatSearchFilter HISTORY = new ChatSearchFilter(null, false, false, null);

    @Test
    void no_endpoint_statement_reads_the_whole_rooms_or_messages_table() {
        HikariDataSource dataSource = FIXTURE.newDataSource(2, 10_000);
        JdbcStore.open(dataSource);
        Jdbi jdbi = Jdbi.create(dataSource);
        // The count statement shares the page's bindings without using count and offset, as in the adapter.
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        jdbi.useHandle(PostgresQueryPlanTest::load);

        SoftAssertions softly = new SoftAssertions();
        jdbi.useHandle(handle -> {
            assertDataSizes(handle, softly);
            for (String visitor : List.of("v42", "heavy")) {
                VisitorId id = new VisitorId(visitor);
                explain(handle, visitor + " chatHistory", PageQuery.of(id, HISTORY, NEWEST_FIRST, 0, 25), softly);
                explain(handle, visitor + " searchChats flags and source", PageQuery.of(id,
                        new ChatSearchFilter(null, true, true, "widget"), NEWEST_FIRST, 0, 25), softly);
                for (String text : List.of("invoice", "e", "not in any message")) {
                    explain(handle, visitor + " searchChats text '" + text + "'", PageQuery.of(id,
                            new ChatSearchFilter(text, false, false, null), NEWEST_FIRST, 0, 25), softly);
                }
            }
            explain(handle, "open room by token", JdbcRoomRepository.FIND_OPEN_BY_VISITOR_TOKEN
                    .replace("?", ":token"), Map.of("token", "token-42"), softly);
            explain(handle, "open rooms by visitor", JdbcRoomRepository.FIND_OPEN_BY_VISITOR_ID,
                    Map.of("visitorId", "v42", "open", true), softly);
        });
        softly.assertAll();
    }

    /**
     * Set-based generation: visitor {@code vN} (N = 1..VISITORS) has token {@code token-N} and rooms {@code rN-1} ..
     * {@code rN-5}, one minute apart, the last one open; every room has four messages, a quarter of them
     * {@code livechat-close}, the texts drawn from a few support topics.
     */
    private static void load(Handle handle) {
        handle.execute("INSERT INTO visitors (id, username, token, ts, updated_at, status)"
                + " SELECT 'v' || g, 'guest-' || g, 'token-' || g, TIMESTAMP '2024-01-01' + g * INTERVAL '1 second',"
                + " TIMESTAMP '2024-01-01', 'online' FROM generate_series(1, " + VISITORS + ") g");
        handle.execute("INSERT INTO visitors (id, username, token, ts, updated_at, status)"
                + " VALUES ('heavy', 'guest-heavy', 'token-heavy', TIMESTAMP '2024-01-01', TIMESTAMP '2024-01-01',"
                + " 'online')");
        handle.execute("INSERT INTO rooms (id, version, msgs, users_count, lm, fname, ts, v_id, v_username, v_token,"
                + " v_status, is_open, open_visitor_token, updated_at, waiting_response, source_type,"
                + " source_type_folded, has_survey_feedback, served_by_id, served_by_username, closed_at, closer)"
                + " SELECT 'r' || v || '-' || n, 0, " + MESSAGES_PER_ROOM + ", 2,"
                + " TIMESTAMP '2024-01-01' + (n * " + VISITORS + " + v) * INTERVAL '1 minute', 'Guest ' || v,"
                + " TIMESTAMP '2024-01-01' + (n * " + VISITORS + " + v) * INTERVAL '1 minute', 'v' || v,"
                + " 'guest-' || v, 'token-' || v, 'online', n = " + ROOMS_PER_VISITOR + ","
                + " CASE WHEN n = " + ROOMS_PER_VISITOR + " THEN 'token-' || v END, TIMESTAMP '2024-01-01', false,"
                + " CASE WHEN v % 3 = 0 THEN 'api' ELSE 'widget' END,"
                + " CASE WHEN v % 3 = 0 THEN 'api' ELSE 'widget' END, false,"
                + " CASE WHEN (v + n) % 7 <> 0 THEN 'agent-' || (v % 20) END,"
                + " CASE WHEN (v + n) % 7 <> 0 THEN 'agent.' || (v % 20) END,"
                + " CASE WHEN n < " + ROOMS_PER_VISITOR + " THEN TIMESTAMP '2024-01-02' END,"
                + " CASE WHEN n < " + ROOMS_PER_VISITOR + " THEN 'visitor' END"
                + " FROM generate_series(1, " + VISITORS + ") v, generate_series(1, " + ROOMS_PER_VISITOR + ") n");
        handle.execute("INSERT INTO rooms (id, version, msgs, users_count, lm, fname, ts, v_id, v_username, v_token,"
                + " v_status, is_open, updated_at, waiting_response, source_type, source_type_folded,"
                + " has_survey_feedback, closed_at, closer)"
                + " SELECT 'rheavy-' || n, 0, 4, 2, TIMESTAMP '2024-01-01' + n * INTERVAL '1 minute', 'Heavy',"
                + " TIMESTAMP '2024-01-01' + n * INTERVAL '1 minute', 'heavy', 'guest-heavy', 'token-heavy', 'online',"
                + " false, TIMESTAMP '2024-01-02', false, 'widget', 'widget', false, TIMESTAMP '2024-01-02', 'visitor'"
                + " FROM generate_series(1, " + HEAVY_ROOMS + ") n");
        String topic = "(ARRAY['my Invoice', 'the delivery', 'a REFUND', 'my password', 'the order status'])";
        handle.execute("INSERT INTO messages (id, room_id, msg, msg_folded, msg_type, ts, author_id, author_username)"
                + " SELECT 'm' || r.id || '-' || k, r.id, 'Question ' || k || ' about ' || " + topic
                + "[(length(r.id) + k) % 5 + 1], lower('Question ' || k || ' about ' || " + topic
                + "[(length(r.id) + k) % 5 + 1]), CASE WHEN k = " + MESSAGES_PER_ROOM + " THEN 'livechat-close' END,"
                + " r.ts + k * INTERVAL '1 second', r.v_id, r.v_username"
                + " FROM rooms r, generate_series(1, " + MESSAGES_PER_ROOM + ") k WHERE r.v_id <> 'heavy'");
        handle.execute("INSERT INTO messages (id, room_id, msg, msg_folded, ts, author_id, author_username)"
                + " SELECT 'mheavy-' || g, 'rheavy-' || (g % " + HEAVY_ROOMS + " + 1), 'Heavy message ' || g,"
                + " 'heavy message ' || g, TIMESTAMP '2024-01-01' + g * INTERVAL '1 second', 'heavy', 'guest-heavy'"
                + " FROM generate_series(1, " + HEAVY_MESSAGES + ") g");
        handle.execute("ANALYZE");
    }

    private static void explain(Handle handle, String what, PageQuery query, SoftAssertions softly) {
        explain(handle, what + " (total)", query.countSql(), query.bindings(), softly);
        explain(handle, what + " (page)", query.pageSql(), query.bindings(), softly);
    }

    private static void explain(Handle handle, String what, String sql, Map<String, ?> bindings,
                                SoftAssertions softly) {
        String plan = handle.createQuery("EXPLAIN (FORMAT JSON) " + sql).bindMap(bindings).mapTo(String.class).one();
        // PostgreSQL's own JSON path walks the plan tree: every node, and the sequential scans among them.
        List<String> nodes = handle.createQuery("SELECT concat_ws(' ', n ->> 'Node Type', n ->> 'Relation Name',"
                        + " n ->> 'Index Name') FROM jsonb_path_query(CAST(:plan AS jsonb),"
                        + " 'strict $.** ? (exists (@.\"Node Type\"))') n")
                .bind("plan", plan).mapTo(String.class).list();
        List<String> fullScans = handle.createQuery("SELECT n ->> 'Relation Name' FROM jsonb_path_query("
                        + "CAST(:plan AS jsonb), 'strict $.** ? (@.\"Node Type\" == \"Seq Scan\")') n")
                .bind("plan", plan).mapTo(String.class).list();
        System.out.println("[plan] " + what + ": " + String.join(" > ", nodes));
        softly.assertThat(fullScans).as("sequential scans in the plan of %s: %s", what, nodes)
                .doesNotContain("rooms", "messages");
    }

    private static void assertDataSizes(Handle handle, SoftAssertions softly) {
        String sizes = handle.createQuery("SELECT (SELECT COUNT(*) FROM rooms) || ' rooms, '"
                + " || (SELECT COUNT(*) FROM messages) || ' messages, ' || (SELECT COUNT(*) FROM visitors)"
                + " || ' visitors'").mapTo(String.class).one();
        System.out.println("[plan] data: " + sizes);
        softly.assertThat(sizes).as("generated data").isEqualTo((VISITORS * ROOMS_PER_VISITOR + HEAVY_ROOMS)
                + " rooms, " + (VISITORS * ROOMS_PER_VISITOR * MESSAGES_PER_ROOM + HEAVY_MESSAGES) + " messages, "
                + (VISITORS + 1) + " visitors");
    }
}
