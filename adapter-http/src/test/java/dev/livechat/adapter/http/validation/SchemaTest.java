package dev.livechat.adapter.http.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livechat.adapter.http.json.Json;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.shared.Ids;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaTest {

    static void assertInvalid(ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.style()).isEqualTo(BusinessRuleException.Style.INVALID_PARAMS);
                    assertThat(e.reason()).isEqualTo(message);
                });
    }

    static ObjectNode json(String text) {
        return (ObjectNode) Json.parse(text);
    }

    @Nested
    class Bodies {

        final ObjectSchema close = Schema.object()
                .required("rid", Schema.string())
                .required("token", Schema.string())
                .optional("comment", Schema.string().maxLength(20000))
                .optional("tags", Schema.array(Schema.string().minLength(1).maxLength(256)).maxItems(20))
                .build();

        @Test
        void a_valid_body_passes_and_is_returned() {
            ObjectNode body = json("{\"rid\":\"r\",\"token\":\"t\",\"tags\":[\"a\"]}");

            assertThat(close.validateBody(body)).isSameAs(body);
        }

        @Test
        void value_must_be_an_object() {
            assertInvalid(() -> close.validate(Json.parse("[]")), "must be object");
            assertInvalid(() -> close.validate(Json.parse("null")), "must be object");
        }

        @Test
        void required_keys_are_reported_in_declared_order_before_anything_else() {
            assertInvalid(() -> close.validate(json("{}")), "must have required property 'rid'");
            assertInvalid(() -> close.validate(json("{\"token\":5,\"x\":1}")), "must have required property 'rid'");
            assertInvalid(() -> close.validate(json("{\"rid\":5,\"x\":1}")), "must have required property 'token'");
        }

        @Test
        void required_order_can_differ_from_property_order() {
            ObjectSchema schema = Schema.object()
                    .required("a", Schema.string())
                    .required("b", Schema.string())
                    .requiredOrder("b", "a")
                    .build();

            assertInvalid(() -> schema.validate(json("{}")), "must have required property 'b'");
        }

        @Test
        void unknown_keys_come_after_required_and_before_types() {
            assertInvalid(() -> close.validate(json("{\"rid\":1,\"token\":2,\"x\":1}")),
                    "must NOT have additional properties");
        }

        @Test
        void additional_properties_can_be_allowed() {
            ObjectSchema open = Schema.object().optional("a", Schema.string()).allowAdditionalProperties().build();

            assertThatCode(() -> open.validate(json("{\"x\":1}"))).doesNotThrowAnyException();
        }

        @Test
        void present_keys_are_checked_in_declared_order_not_request_order() {
            assertInvalid(() -> close.validate(json("{\"comment\":5,\"token\":true,\"rid\":\"r\"}")),
                    "must be string");
            assertInvalid(() -> close.validate(json("{\"tags\":\"x\",\"comment\":5,\"token\":\"t\",\"rid\":\"r\"}")),
                    "must be string");
            assertInvalid(() -> close.validate(json("{\"tags\":\"x\",\"token\":\"t\",\"rid\":\"r\"}")),
                    "must be array");
        }

        @Test
        void null_is_a_wrong_type_unless_nullable() {
            assertInvalid(() -> close.validate(json("{\"rid\":null,\"token\":\"t\"}")), "must be string");
            ObjectSchema nullable = Schema.object().optional("a", Schema.string().minLength(3).nullable()).build();
            assertThatCode(() -> nullable.validate(json("{\"a\":null}"))).doesNotThrowAnyException();
            assertInvalid(() -> nullable.validate(json("{\"a\":\"x\"}")), "must NOT have fewer than 3 characters");
        }

        @Test
        void nested_arrays_are_checked_item_by_item_depth_first() {
            assertInvalid(() -> close.validate(json("{\"rid\":\"r\",\"token\":\"t\",\"tags\":[\"a\",\"\"]}")),
                    "must NOT have fewer than 1 characters");
            assertInvalid(() -> close.validate(json("{\"rid\":\"r\",\"token\":\"t\",\"tags\":[\"a\",3]}")),
                    "must be string");
            String tooMany = "[" + "\"t\",".repeat(20) + "\"t\"]";
            assertInvalid(() -> close.validate(json("{\"rid\":\"r\",\"token\":\"t\",\"tags\":" + tooMany + "}")),
                    "must NOT have more than 20 items");
        }

        @Test
        void nested_objects_follow_the_same_order() {
            ObjectSchema survey = Schema.object()
                    .required("rid", Schema.string())
                    .required("data", Schema.array(Schema.object()
                            .required("name", Schema.string().maxLength(64))
                            .required("value", Schema.string().maxLength(5000))
                            .build()).minItems(1).maxItems(20))
                    .build();

            assertInvalid(() -> survey.validate(json("{\"rid\":\"r\",\"data\":[]}")),
                    "must NOT have fewer than 1 items");
            assertInvalid(() -> survey.validate(json("{\"rid\":\"r\",\"data\":[{\"value\":\"v\"}]}")),
                    "must have required property 'name'");
            assertInvalid(() -> survey.validate(json("{\"rid\":\"r\",\"data\":[{\"name\":\"n\",\"value\":\"v\",\"x\":1}]}")),
                    "must NOT have additional properties");
            assertInvalid(() -> survey.validate(json("{\"rid\":\"r\",\"data\":[{\"name\":\"" + "n".repeat(65)
                    + "\",\"value\":\"v\"}]}")), "must NOT have more than 64 characters");
            assertInvalid(() -> survey.validate(json("{\"rid\":\"r\",\"data\":[5]}")), "must be object");
        }
    }

    @Nested
    class Strings {

        @Test
        void lengths_count_utf16_code_units() {
            StringSchema two = Schema.string().maxLength(2);

            assertThatCode(() -> two.validate(Json.parse("\"ab\""))).doesNotThrowAnyException();
            assertInvalid(() -> two.validate(Json.parse("\"😀x\"")), "must NOT have more than 2 characters");
        }

        @Test
        void type_first_then_length_pattern_format_enum() {
            StringSchema all = Schema.string().minLength(2).maxLength(30).pattern("^[a-z0-9:-]+$").dateTime()
                    .oneOf("2024-05-01t10:00:00z");

            assertInvalid(() -> all.validate(Json.parse("5")), "must be string");
            assertInvalid(() -> all.validate(Json.parse("\"a\"")), "must NOT have fewer than 2 characters");
            assertInvalid(() -> all.validate(Json.parse("\"" + "a".repeat(31) + "\"")),
                    "must NOT have more than 30 characters");
            assertInvalid(() -> all.validate(Json.parse("\"AB\"")), "must match pattern \"^[a-z0-9:-]+$\"");
            assertInvalid(() -> all.validate(Json.parse("\"ab\"")), "must match format \"date-time\"");
            assertInvalid(() -> all.validate(Json.parse("\"2024-05-02t10:00:00z\"")),
                    "must be equal to one of the allowed values");
            assertThatCode(() -> all.validate(Json.parse("\"2024-05-01t10:00:00z\""))).doesNotThrowAnyException();
        }

        @Test
        void pattern_is_searched_like_javascript_and_quoted_verbatim() {
            StringSchema id = Schema.string().pattern(Ids.ID_PATTERN_TEXT);
            StringSchema unanchored = Schema.string().pattern("b");

            assertInvalid(() -> id.validate(Json.parse("\"a/b\"")), "must match pattern \"^[A-Za-z0-9_-]{1,64}$\"");
            assertThatCode(() -> unanchored.validate(Json.parse("\"abc\""))).doesNotThrowAnyException();
        }

        @Test
        void enumeration() {
            StringSchema status = Schema.string().oneOf("available", "not-available");

            assertInvalid(() -> status.validate(Json.parse("\"busy\"")), "must be equal to one of the allowed values");
            assertInvalid(() -> status.validate(Json.parse("true")), "must be string");
        }
    }

    @Nested
    class Numbers {

        @Test
        void integer_type_accepts_integral_numbers_only() {
            NumberSchema integer = Schema.integer();

            assertThatCode(() -> integer.validate(Json.parse("5"))).doesNotThrowAnyException();
            assertThatCode(() -> integer.validate(Json.parse("5.0"))).doesNotThrowAnyException();
            assertThatCode(() -> integer.validate(Json.parse("123456789012345678901234567890")))
                    .doesNotThrowAnyException();
            assertInvalid(() -> integer.validate(Json.parse("5.5")), "must be integer");
            assertInvalid(() -> integer.validate(Json.parse("\"5\"")), "must be integer");
            assertInvalid(() -> integer.validate(Json.parse("null")), "must be integer");
        }

        @Test
        void number_type_and_no_coercion() {
            assertThatCode(() -> Schema.number().validate(Json.parse("0.25"))).doesNotThrowAnyException();
            assertInvalid(() -> Schema.number().validate(Json.parse("\"0.25\"")), "must be number");
            assertInvalid(() -> Schema.number().validate(Json.parse("1e400")), "must be number");
            assertInvalid(() -> Schema.bool().validate(Json.parse("\"true\"")), "must be boolean");
            assertInvalid(() -> Schema.bool().validate(Json.parse("1")), "must be boolean");
            assertInvalid(() -> Schema.array(Schema.string()).validate(Json.parse("{}")), "must be array");
            assertInvalid(() -> Schema.object().build().validate(Json.parse("[]")), "must be object");
        }

        @Test
        void range_messages() {
            NumberSchema limit = Schema.integer().minimum(1).maximum(100);

            assertInvalid(() -> limit.validate(Json.parse("0")), "must be >= 1");
            assertInvalid(() -> limit.validate(Json.parse("101")), "must be <= 100");
            assertInvalid(() -> limit.validate(Json.parse("-0.5e3")), "must be >= 1");
        }
    }

    @Nested
    class Queries {

        final ObjectSchema query = Schema.object()
                .optional("searchText", Schema.string().maxLength(256))
                .optional("closedChatsOnly", Schema.bool())
                .optional("limit", Schema.integer().minimum(1).maximum(100))
                .optional("count", Pagination.COUNT)
                .optional("offset", Pagination.OFFSET)
                .build();

        @Test
        void converts_declared_types_and_keeps_request_order() {
            ObjectNode result = query.validateQuery(query("offset", "3", "closedChatsOnly", "true", "searchText", "a b"));

            assertThat(Json.toText(result)).isEqualTo("{\"offset\":3,\"closedChatsOnly\":true,\"searchText\":\"a b\"}");
        }

        @Test
        void repeated_keys_are_arrays_and_fail_the_type() {
            assertInvalid(() -> query.validateQuery(query("searchText", "a", "searchText", "b")), "must be string");
            assertInvalid(() -> query.validateQuery(query("limit", "1", "limit", "2")), "must be integer");
            assertInvalid(() -> query.validateQuery(query("closedChatsOnly", "true", "closedChatsOnly", "true")),
                    "must be boolean");
        }

        @Test
        void query_integers_are_plain_digits() {
            for (String bad : List.of("abc", "1.5", "1e3", "", " 1", "+1", "0x10", "١")) {
                assertInvalid(() -> query.validateQuery(query("limit", bad)), "must be integer");
            }
            assertInvalid(() -> query.validateQuery(query("limit", "-5")), "must be >= 1");
            assertInvalid(() -> query.validateQuery(query("limit", "99999999999999999999999")), "must be <= 100");
        }

        @Test
        void query_booleans_are_exactly_true_or_false() {
            for (String bad : List.of("1", "yes", "TRUE", "", "True")) {
                assertInvalid(() -> query.validateQuery(query("closedChatsOnly", bad)), "must be boolean");
            }
            assertThat(query.validateQuery(query("closedChatsOnly", "false")).get("closedChatsOnly").booleanValue())
                    .isFalse();
        }

        @Test
        void unknown_query_keys_are_refused_literally() {
            assertInvalid(() -> query.validateQuery(query("token[$ne]", "x")), "must NOT have additional properties");
        }
    }

    static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return map;
    }
}
