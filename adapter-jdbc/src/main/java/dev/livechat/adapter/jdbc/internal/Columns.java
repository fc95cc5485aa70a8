package dev.livechat.adapter.jdbc.internal;

import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current row of a result set, read by column label through positions resolved once per SQL text. Reading by
 * label made H2 build a map of every column label of every result set anew (upper-casing and hashing each label of
 * the ~70 columns of {@code rooms}: about a fifth of {@code GET livechat/room}, docs/benchmarks.md), because each
 * execution uses a new prepared statement. The columns a statement returns depend only on its text while the schema
 * stands, so their positions are kept per statement text (bounded; beyond the bound, resolved per result set).
 */
public final class Columns {

    private static final int MAX_STATEMENTS = 512;
    private static final Map<String, Map<String, Integer>> POSITIONS = new ConcurrentHashMap<>();

    private final ResultSet rs;
    private final Map<String, Integer> positions;

    private Columns(ResultSet rs, Map<String, Integer> positions) {
        this.rs = rs;
        this.positions = positions;
    }

    /** The current row of {@code rs}, produced by the statement of {@code ctx}. */
    public static Columns of(ResultSet rs, StatementContext ctx) throws SQLException {
        return of(rs, ctx.getRawSql());
    }

    /** The current row of {@code rs}, produced by {@code sql}. */
    public static Columns of(ResultSet rs, String sql) throws SQLException {
        Map<String, Integer> positions = sql == null ? null : POSITIONS.get(sql);
        if (positions == null) {
            positions = positions(rs.getMetaData());
            if (sql != null && POSITIONS.size() < MAX_STATEMENTS) {
                POSITIONS.putIfAbsent(sql, positions);
            }
        }
        return new Columns(rs, positions);
    }

    /** Lower-case label to 1-based position; the first of equal labels wins, as with {@code ResultSet.findColumn}. */
    private static Map<String, Integer> positions(ResultSetMetaData metaData) throws SQLException {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            positions.putIfAbsent(metaData.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
        }
        return Map.copyOf(positions);
    }

    private int position(String label) throws SQLException {
        Integer position = positions.get(label);
        return position != null ? position : rs.findColumn(label);
    }

    public String string(String label) throws SQLException {
        return rs.getString(position(label));
    }

    public long bigint(String label) throws SQLException {
        return rs.getLong(position(label));
    }

    public int integer(String label) throws SQLException {
        return rs.getInt(position(label));
    }

    public boolean bool(String label) throws SQLException {
        return rs.getBoolean(position(label));
    }

    /** A timestamp column as the UTC instant it stores (see {@link SqlValues#instant(ResultSet, String)}). */
    public Instant instant(String label) throws SQLException {
        Timestamp value = rs.getTimestamp(position(label), SqlValues.utcCalendar());
        return value == null ? null : value.toInstant();
    }

    public Long nullableLong(String label) throws SQLException {
        long value = rs.getLong(position(label));
        return rs.wasNull() ? null : value;
    }

    public Integer nullableInt(String label) throws SQLException {
        int value = rs.getInt(position(label));
        return rs.wasNull() ? null : value;
    }
}
