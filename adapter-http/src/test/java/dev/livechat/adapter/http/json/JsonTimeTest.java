package dev.livechat.adapter.http.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTimeTest {

    @Test
    void timestamps_are_utc_with_exactly_three_fraction_digits() {
        assertThat(JsonTime.iso(Instant.parse("2024-05-01T10:00:00Z"))).isEqualTo("2024-05-01T10:00:00.000Z");
        assertThat(JsonTime.iso(Instant.parse("2024-05-01T10:00:00.012Z"))).isEqualTo("2024-05-01T10:00:00.012Z");
        assertThat(JsonTime.iso(Instant.parse("2024-05-01T10:00:00.123999Z"))).isEqualTo("2024-05-01T10:00:00.123Z");
        assertThat(JsonTime.iso(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01T00:00:00Z", "0999-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999999999Z",
            "2000-02-29T12:00:00.5Z", "2024-12-31T23:59:59.001Z", "9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z",
            "-0001-12-31T23:59:59Z", "-1000000-06-15T08:09:10.011Z"})
    void timestamps_match_the_iso_millis_pattern_at_the_edges(String text) {
        Instant instant = Instant.parse(text);

        assertThat(JsonTime.iso(instant)).isEqualTo(java.time.format.DateTimeFormatter
                .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC).format(instant));
    }

    @Test
    void timestamps_match_the_iso_millis_pattern_over_four_centuries() {
        java.time.format.DateTimeFormatter pattern = java.time.format.DateTimeFormatter
                .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);
        java.util.Random random = new java.util.Random(6);
        long from = Instant.parse("1800-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2200-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochMilli(from + (long) (random.nextDouble() * (to - from)))
                    .plusNanos(random.nextInt(1_000_000));
            assertThat(JsonTime.iso(instant)).isEqualTo(pattern.format(instant));
        }
    }

    @ParameterizedTest
    @CsvSource({
            "34740, 34.74",
            "600000, 600",
            "233, 0.233",
            "452688, 452.688",
            "0, 0",
            "1, 0.001",
            "10, 0.01",
            "1000, 1",
            "86400000000, 86400000",
    })
    void durations_are_seconds_from_whole_milliseconds_without_exponent(long millis, String expected) {
        ObjectNode node = Json.object();
        node.put("d", JsonTime.seconds(millis));

        assertThat(Json.toText(node)).isEqualTo("{\"d\":" + expected + "}");
        assertThat(JsonTime.seconds(millis).toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2024-05-01T10:00:00.000Z",
            "2024-05-01T10:00:00Z",
            "2024-05-01t10:00:00z",
            "2024-05-01 10:00:00+01:00",
            "2024-05-01T10:00:00.123456789-0530",
            "2024-05-01T10:00:00+01",
            "2024-02-29T00:00:00Z",
            "2016-12-31T23:59:60Z",
            "2016-12-31T15:59:60-08:00",
    })
    void valid_date_times(String text) {
        assertThat(JsonTime.isDateTime(text)).isTrue();
        assertThat(JsonTime.parseDateTime(text)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2024-05-01",
            "2024-05-01T10:00:00",
            "2024-05-01T10:00Z",
            "2024-02-30T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "2024-13-01T00:00:00Z",
            "2024-00-01T00:00:00Z",
            "2024-05-01T24:00:00Z",
            "2024-05-01T10:60:00Z",
            "2016-12-31T22:59:60Z",
            "2024-05-01T10:00:00+24:00",
            "2024-05-01T10:00:00.Z",
            "24-05-01T10:00:00Z",
            "2024-05-01TT10:00:00Z",
            "",
            "yesterday",
    })
    void invalid_date_times(String text) {
        assertThat(JsonTime.isDateTime(text)).isFalse();
        assertThatThrownBy(() -> JsonTime.parseDateTime(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parses_offsets_and_fractions_into_instants() {
        assertThat(JsonTime.parseDateTime("2024-05-01T12:00:00.5+02:00")).isEqualTo("2024-05-01T10:00:00.500Z");
        assertThat(JsonTime.parseDateTime("2024-05-01 10:00:00Z")).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(JsonTime.parseDateTime("2016-12-31T23:59:60Z")).isEqualTo("2017-01-01T00:00:00Z");
    }
}
