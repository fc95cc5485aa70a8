package dev.livechat.adapter.http.validation;

import dev.livechat.domain.error.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static dev.livechat.adapter.http.validation.SchemaTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SortParamTest {

    final SortParam sort = SortParam.allowing("ts", "lm", "closedAt", "_updatedAt", "msgs", "fname")
            .byDefault(SortField.desc("ts"));

    @Test
    void absent_empty_text_and_empty_object_mean_the_default() {
        assertThat(sort.parse(null)).containsExactly(SortField.desc("ts"));
        assertThat(sort.parse("")).containsExactly(SortField.desc("ts"));
        assertThat(sort.parse("{}")).containsExactly(SortField.desc("ts"));
        assertThat(sort.defaults()).containsExactly(SortField.desc("ts"));
    }

    @Test
    void keys_are_applied_in_the_given_order() {
        assertThat(sort.parse("{\"msgs\":-1,\"fname\":1,\"ts\":1.0}"))
                .containsExactly(SortField.desc("msgs"), SortField.asc("fname"), SortField.asc("ts"));
        assertThat(sort.parse(" { \"lm\" : 1 } ")).isEqualTo(List.of(SortField.asc("lm")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"ts\":2}",
            "{\"ts\":0}",
            "{\"ts\":\"1\"}",
            "{\"ts\":true}",
            "{\"ts\":null}",
            "{\"ts\":-1.5}",
            "{\"v.token\":1}",
            "{\"TS\":1}",
            "{\"ts\":1,\"ts\":-1}",
            "[]",
            "null",
            "1",
            "\"ts\"",
            "ts",
            "{ts:1}",
            "{\"ts\":1,}",
            "{\"ts\":{\"$gt\":1}}",
    })
    void anything_else_is_an_invalid_sort_with_the_raw_text(String raw) {
        assertThatThrownBy(() -> sort.parse(raw))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.style()).isEqualTo(BusinessRuleException.Style.METEOR);
                    assertThat(e.code()).isEqualTo("error-invalid-sort");
                    assertThat(e.reason()).isEqualTo("Invalid sort parameter provided: \"" + raw + "\"");
                    assertThat(e.details()).isEqualTo(Map.of("helperMethod", "parseJsonQuery"));
                });
    }

    @Test
    void more_than_256_characters_is_an_ajv_length_error() {
        String raw = "{\"ts\":1" + " ".repeat(250) + "}";
        assertThat(raw.length()).isEqualTo(258);

        assertInvalid(() -> sort.parse(raw), "must NOT have more than 256 characters");
        assertInvalid(() -> SortParam.SCHEMA.validate(dev.livechat.adapter.http.json.Json.parse(
                "\"" + "x".repeat(257) + "\"")), "must NOT have more than 256 characters");
        assertThat(sort.parse("{\"ts\":1" + " ".repeat(248) + "}")).containsExactly(SortField.asc("ts"));
    }
}
