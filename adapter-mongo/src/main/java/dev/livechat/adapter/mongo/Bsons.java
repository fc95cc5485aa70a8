package dev.livechat.adapter.mongo;

import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Tolerant readers for documents that Rocket.Chat or this adapter wrote: numbers of any BSON width, BSON dates as
 * instants, absent keys as null.
 */
final class Bsons {

    private Bsons() {
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Document doc, String key) {
        Object value = doc == null ? null : doc.get(key);
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return null;
    }

    static String string(Document doc, String key) {
        Object value = doc == null ? null : doc.get(key);
        return value instanceof String s ? s : null;
    }

    static Document document(Document doc, String key) {
        Object value = doc == null ? null : doc.get(key);
        return value instanceof Document d ? d : null;
    }

    static Long longValue(Document doc, String key) {
        Object value = doc == null ? null : doc.get(key);
        return value instanceof Number n ? n.longValue() : null;
    }

    static int intValue(Document doc, String key, int fallback) {
        Object value = doc == null ? null : doc.get(key);
        return value instanceof Number n ? n.intValue() : fallback;
    }

    static boolean bool(Document doc, String key, boolean fallback) {
        Object value = doc == null ? null : doc.get(key);
        return value instanceof Boolean b ? b : fallback;
    }

    /** The sub-documents of an array key; non-document entries are skipped. */
    static List<Document> documents(Document doc, String key) {
        Object value = doc == null ? null : doc.get(key);
        List<Document> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Document d) {
                    result.add(d);
                }
            }
        }
        return result;
    }

    /** The strings of an array key; other entries are skipped. */
    static List<String> strings(Document doc, String key) {
        Object value = doc == null ? null : doc.get(key);
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof String s) {
                    result.add(s);
                }
            }
        }
        return result;
    }

    /**
     * A duration Rocket.Chat stores in seconds ({@code 0.233}, {@code 600}) as whole milliseconds, rounded to the
     * nearest millisecond so that a value written from milliseconds reads back exactly.
     */
    static Long millisFromSeconds(Document doc, String key) {
        Object value = doc == null ? null : doc.get(key);
        if (value instanceof Number n) {
            return Math.round(n.doubleValue() * 1000.0);
        }
        return null;
    }

    /** Whole milliseconds as Rocket.Chat's seconds. */
    static double seconds(long millis) {
        return millis / 1000.0;
    }
}
