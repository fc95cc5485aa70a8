package dev.livechat.adapter.http.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wire formats of time (contract 1.2): ISO-8601 UTC timestamps with exactly three fraction digits, durations in
 * seconds from whole milliseconds, and the {@code date-time} format check of Ajv (ajv-formats, full mode).
 */
public final class JsonTime {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final Pattern DATE = Pattern.compile("^(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)$");
    private static final Pattern TIME = Pattern.compile(
            "^(\\d\\d):(\\d\\d):(\\d\\d)(\\.\\d+)?(z|([+-])(\\d\\d)(?::?(\\d\\d))?)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR = Pattern.compile("[tT\\s]");
    private static final int[] DAYS = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private JsonTime() {
    }

    /**
     * Formats an instant as the API writes every timestamp.
     *
     * @return e.g. {@code 2024-05-01T10:00:00.000Z} (UTC, always three fraction digits, sub-millisecond part dropped)
     */
    public static String iso(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return ISO_MILLIS.format(instant); // signed or five-digit years: the formatter's rules
        }
        // Written by hand: DateTimeFormatter took a tenth of the CPU of a chat history page (docs/benchmarks.md).
        char[] text = new char[24];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, t.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, t.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, t.getHour(), 2);
        text[13] = ':';
        digits(text, 14, t.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, t.getSecond(), 2);
        text[19] = '.';
        digits(text, 20, t.getNano() / 1_000_000, 3);
        text[23] = 'Z';
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        int v = value;
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + v % 10);
            v /= 10;
        }
    }

    /**
     * A duration in seconds from whole milliseconds, exact and without exponent once serialized by {@link Json}.
     *
     * @return e.g. {@code 34.74} for 34740 ms, {@code 600} for 600000 ms, {@code 0.233} for 233 ms
     */
    public static BigDecimal seconds(long millis) {
        BigDecimal value = BigDecimal.valueOf(millis, 3).stripTrailingZeros();
        // stripTrailingZeros turns 600.000 into 6E+2; a non-negative scale keeps toString() exponent-free as well.
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /**
     * Ajv's {@code format: "date-time"} check (RFC 3339 with a mandatory time zone; calendar-valid dates; leap seconds
     * only at 23:59:60 UTC).
     *
     * @return true when {@code text} is a valid date-time
     */
    public static boolean isDateTime(String text) {
        if (text == null) {
            return false;
        }
        String[] parts = SEPARATOR.split(text, -1);
        return parts.length == 2 && isDate(parts[0]) && isTime(parts[1]);
    }

    /**
     * Parses a value that passed {@link #isDateTime(String)} into an instant (a leap second counts as the next second).
     *
     * @throws IllegalArgumentException when the text is not a valid date-time
     */
    public static Instant parseDateTime(String text) {
        if (!isDateTime(text)) {
            throw new IllegalArgumentException("not a date-time");
        }
        String[] parts = SEPARATOR.split(text, -1);
        Matcher d = DATE.matcher(parts[0]);
        Matcher t = TIME.matcher(parts[1]);
        if (!d.matches() || !t.matches()) {
            throw new IllegalArgumentException("not a date-time");
        }
        LocalDate date = LocalDate.of(Integer.parseInt(d.group(1)), Integer.parseInt(d.group(2)),
                Integer.parseInt(d.group(3)));
        int second = Integer.parseInt(t.group(3));
        boolean leap = second == 60;
        long nanos = 0;
        if (t.group(4) != null) {
            String fraction = (t.group(4).substring(1) + "000000000").substring(0, 9);
            nanos = Long.parseLong(fraction);
        }
        LocalTime time = LocalTime.of(Integer.parseInt(t.group(1)), Integer.parseInt(t.group(2)), leap ? 59 : second);
        ZoneOffset offset;
        if (t.group(5).equalsIgnoreCase("z")) {
            offset = ZoneOffset.UTC;
        } else {
            int sign = t.group(6).equals("-") ? -1 : 1;
            int hours = Integer.parseInt(t.group(7));
            int minutes = t.group(8) == null ? 0 : Integer.parseInt(t.group(8));
            offset = ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60));
        }
        Instant instant = date.atTime(time).toInstant(offset).plusNanos(nanos);
        return leap ? instant.plusSeconds(1) : instant;
    }

    private static boolean isDate(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            return false;
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        boolean leapYear = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return day <= (month == 2 && leapYear ? 29 : DAYS[month]);
    }

    private static boolean isTime(String text) {
        Matcher m = TIME.matcher(text);
        if (!m.matches() || m.group(5) == null) {
            return false; // a time zone is mandatory in date-time
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        int second = Integer.parseInt(m.group(3));
        int tzSign = "-".equals(m.group(6)) ? -1 : 1;
        int tzHour = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
        int tzMinute = m.group(8) == null ? 0 : Integer.parseInt(m.group(8));
        if (tzHour > 23 || tzMinute > 59) {
            return false;
        }
        if (hour <= 23 && minute <= 59 && second < 60) {
            return true;
        }
        // A leap second is valid only at 23:59:60 UTC.
        int utcMinute = minute - tzMinute * tzSign;
        int utcHour = hour - tzHour * tzSign - (utcMinute < 0 ? 1 : 0);
        return (utcHour == 23 || utcHour == -1) && (utcMinute == 59 || utcMinute == -1) && second < 61;
    }
}
