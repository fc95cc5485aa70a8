package dev.livechat.adapter.jdbc.internal;

import org.jdbi.v3.core.argument.Argument;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * Explicitly typed statement arguments and result-set reads, so that no value goes through a driver's or Jdbi's
 * default conversions. In particular an {@link Instant} is stored as its UTC date-time truncated to milliseconds, bound
 * with {@code setObject(LocalDateTime)} and read through a UTC calendar, so that the JVM's default time zone (and its
 * daylight-saving gaps) never takes part on the way in or out.
 */
public final class SqlValues {

    private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);
    /**
     * One UTC calendar per thread: creating a calendar per column read was a quarter of the cost of reading a page of
     * rooms (docs/benchmarks.md); drivers use the calendar only during the call.
     */
    private static final ThreadLocal<Calendar> UTC_CALENDAR = ThreadLocal.withInitial(() -> Calendar.getInstance(UTC));

    private SqlValues() {
    }

    public static Argument string(String value) {
        return (position, statement, ctx) -> {
            if (value == null) {
                statement.setNull(position, Types.VARCHAR);
            } else {
                statement.setString(position, value);
            }
        };
    }

    public static Argument timestamp(Instant value) {
        return (position, statement, ctx) -> {
            if (value == null) {
                statement.setNull(position, Types.TIMESTAMP);
            } else {
                statement.setObject(position, toUtcDateTime(value));
            }
        };
    }

    public static Argument bool(boolean value) {
        return (position, statement, ctx) -> statement.setBoolean(position, value);
    }

    public static Argument nullableBool(Boolean value) {
        return (position, statement, ctx) -> {
            if (value == null) {
                statement.setNull(position, Types.BOOLEAN);
            } else {
                statement.setBoolean(position, value);
            }
        };
    }

    public static Argument integer(Integer value) {
        return (position, statement, ctx) -> {
            if (value == null) {
                statement.setNull(position, Types.INTEGER);
            } else {
                statement.setInt(position, value);
            }
        };
    }

    public static Argument bigint(Long value) {
        return (position, statement, ctx) -> {
            if (value == null) {
                statement.setNull(position, Types.BIGINT);
            } else {
                statement.setLong(position, value);
            }
        };
    }

    /** The stored form of an instant: its UTC date-time in whole milliseconds. */
    public static LocalDateTime toUtcDateTime(Instant value) {
        return LocalDateTime.ofInstant(value.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    /**
     * Reads a timestamp column as the UTC instant it stores. Through a UTC calendar rather than
     * {@code getObject(LocalDateTime.class)}: MariaDB Connector/J 3.5 decodes the latter via the JVM's default zone and
     * moves times inside a daylight-saving gap by an hour; a UTC calendar has no gaps on any driver.
     */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column, UTC_CALENDAR.get());
        return value == null ? null : value.toInstant();
    }

    /** This thread's UTC calendar, for timestamp reads (drivers use it only during the call). */
    static Calendar utcCalendar() {
        return UTC_CALENDAR.get();
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    public static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
