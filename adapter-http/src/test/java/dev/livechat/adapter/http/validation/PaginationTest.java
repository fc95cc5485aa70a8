package dev.livechat.adapter.http.validation;

import dev.livechat.domain.error.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.livechat.adapter.http.validation.SchemaTest.assertInvalid;
import static dev.livechat.adapter.http.validation.SchemaTest.query;
import static org.assertj.core.api.Assertions.assertThat;

class PaginationTest {

    @Test
    void defaults() {
        assertThat(Pagination.parse(query())).isEqualTo(new Pagination(50, 0));
    }

    @ParameterizedTest
    @CsvSource({
            "0, 50",
            "1, 1",
            "007, 7",
            "100, 100",
            "101, 100",
            "99999999999999999999999999, 100",
    })
    void count_defaults_and_clamps(String text, int expected) {
        assertThat(Pagination.parse(query("count", text)).count()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "0, 0",
            "25, 25",
            "2147483647, 2147483647",
    })
    void offsets(String text, int expected) {
        assertThat(Pagination.parse(query("offset", text)).offset()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "1e3", "", " ", "0x1", "+5", "5 "})
    void non_digits_are_must_be_integer(String text) {
        assertInvalid(() -> Pagination.parse(query("count", text)), "must be integer");
        assertInvalid(() -> Pagination.parse(query("offset", text)), "must be integer");
    }

    @Test
    void negative_values_are_must_be_at_least_zero() {
        assertInvalid(() -> Pagination.parse(query("count", "-5")), "must be >= 0");
        assertInvalid(() -> Pagination.parse(query("offset", "-1")), "must be >= 0");
    }

    @Test
    void offsets_above_the_maximum() {
        assertInvalid(() -> Pagination.parse(query("offset", "2147483648")), "must be <= 2147483647");
        assertInvalid(() -> Pagination.parse(query("offset", "99999999999999999999")), "must be <= 2147483647");
    }

    @Test
    void repeated_parameters_are_must_be_integer() {
        assertInvalid(() -> Pagination.parse(query("count", "1", "count", "2")), "must be integer");
        assertInvalid(() -> Pagination.parse(query("offset", "1", "offset", "1")), "must be integer");
    }

    @Test
    void count_is_checked_before_offset() {
        assertInvalid(() -> Pagination.parse(query("offset", "x", "count", "-1")), "must be >= 0");
    }

    @Test
    void works_from_a_validated_endpoint_query() {
        ObjectSchema schema = Schema.object()
                .optional("count", Pagination.COUNT)
                .optional("offset", Pagination.OFFSET)
                .build();

        assertThat(Pagination.from(schema.validateQuery(query("offset", "10", "count", "0"))))
                .isEqualTo(new Pagination(50, 10));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> schema.validateQuery(query("page", "1")))).isInstanceOf(BusinessRuleException.class);
    }
}
