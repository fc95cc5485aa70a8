package dev.livechat.adapter.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void parses_a_plain_object_keeping_key_order() {
        JsonNode node = Json.parse("{\"b\":1,\"a\":[true,null,\"x\"],\"c\":{\"d\":1.5}}");

        assertThat(node.isObject()).isTrue();
        assertThat(Json.toText(node)).isEqualTo("{\"b\":1,\"a\":[true,null,\"x\"],\"c\":{\"d\":1.5}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"a\":1,\"a\":2}",
            "{\"a\":{\"b\":1,\"b\":1}}",
            "[{\"x\":1,\"y\":2,\"x\":3}]",
            "{\"a\":1,}",
            "[1,2,]",
            "{\"a\":NaN}",
            "{\"a\":Infinity}",
            "{\"a\":-Infinity}",
            "{/* comment */\"a\":1}",
            "{\"a\":1} // comment",
            "# comment\n{}",
            "{'a':1}",
            "{\"a\":'x'}",
            "{a:1}",
            "{\"a\":01}",
            "{\"a\":+1}",
            "{\"a\":.5}",
            "{} {}",
            "{}x",
            "",
            "   ",
            "{\"a\":\"tab\there\"}",
            "{\"a\":\"unterminated}",
            "{\"a\"}",
    })
    void rejects_everything_that_is_not_strict_json(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(Json.InvalidJsonException.class);
        assertThatThrownBy(() -> Json.parse(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Json.InvalidJsonException.class);
    }

    @Test
    void nesting_depth_64_passes_and_65_fails_for_arrays() {
        assertThat(Json.parse(nestedArrays(64)).isArray()).isTrue();
        assertThatThrownBy(() -> Json.parse(nestedArrays(65))).isInstanceOf(Json.InvalidJsonException.class);
    }

    @Test
    void nesting_depth_64_passes_and_65_fails_for_objects() {
        assertThat(Json.parse(nestedObjects(64)).isObject()).isTrue();
        assertThatThrownBy(() -> Json.parse(nestedObjects(65))).isInstanceOf(Json.InvalidJsonException.class);
    }

    @Test
    void objects_and_arrays_both_count_towards_the_depth() {
        // {"a":[{"a":[ ... ]}]} alternating: 64 levels in total pass, 65 fail.
        assertThat(Json.parse(alternating(64))).isNotNull();
        assertThatThrownBy(() -> Json.parse(alternating(65))).isInstanceOf(Json.InvalidJsonException.class);
        assertThatThrownBy(() -> Json.parse(alternating(65).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Json.InvalidJsonException.class);
    }

    @Test
    void a_deep_document_of_many_siblings_is_fine() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 10_000; i++) {
            sb.append(i == 0 ? "" : ",").append("[[1]]");
        }
        assertThat(Json.parse(sb.append("]").toString()).size()).isEqualTo(10_000);
    }

    @Test
    void rejects_invalid_utf8() {
        byte[][] invalid = {
                bytes("{\"a\":\"", 0xC3, 0x28, "\"}"),       // bad continuation byte
                bytes("{\"a\":\"", 0xC0, 0xAF, "\"}"),       // overlong '/'
                bytes("{\"a\":\"", 0xED, 0xA0, 0x80, "\"}"), // encoded surrogate
                bytes("{\"a\":\"", 0xE2, 0x82, "\"}"),       // truncated sequence
                bytes("{\"a\":\"", 0xFF, "\"}"),             // never valid
                bytes("{\"a\":\"", 0xF4, 0x90, 0x80, 0x80, "\"}"), // above U+10FFFF
        };
        for (byte[] body : invalid) {
            assertThatThrownBy(() -> Json.parse(body)).isInstanceOf(Json.InvalidJsonException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"a\":\"x\\u0000y\"}",
            "{\"a\\u0000\":\"x\"}",
            "{\"a\":[\"\\u0000\"]}",
            "{\"a\":{\"b\":\"\\ud800\"}}",
            "{\"a\":\"\\udc00x\"}",
            "{\"a\":\"x\\ud83d\"}",
            "{\"\\ud83d\":1}",
            "{\"a\":\"\\ude00\\ud83d\"}",
    })
    void rejects_nul_and_unpaired_surrogates_in_strings_and_keys(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(Json.InvalidJsonException.class);
        assertThatThrownBy(() -> Json.parse(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Json.InvalidJsonException.class);
    }

    @Test
    void accepts_escaped_surrogate_pairs_and_other_control_characters() {
        JsonNode node = Json.parse("{\"a\":\"\\ud83d\\ude00 \\u0001\\n\"}");

        assertThat(node.get("a").textValue()).isEqualTo("\uD83D\uDE00 \u0001\n");
        assertThat(Json.isStorableText("a\uD83D\uDE00b")).isTrue();
        assertThat(Json.isStorableText("\uD83D")).isFalse();
        assertThat(Json.isStorableText("a\u0000")).isFalse();
    }

    @Test
    void accepts_valid_multibyte_utf8() {
        JsonNode node = Json.parse("{\"name\":\"Mária 😀 中\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(node.get("name").textValue()).isEqualTo("Mária 😀 中");
    }

    @Test
    void top_level_values_of_other_types_parse_so_that_callers_can_say_must_be_object() {
        assertThat(Json.parse("[]").isArray()).isTrue();
        assertThat(Json.parse("null").isNull()).isTrue();
        assertThat(Json.parse("\"x\"").isTextual()).isTrue();
        assertThat(Json.parse("5").isNumber()).isTrue();
    }

    @Test
    void writes_decimals_without_exponent() {
        ObjectNode node = Json.object();
        node.put("a", new BigDecimal("6E+2"));
        node.put("b", new BigDecimal("1E-7"));

        assertThat(Json.toText(node)).isEqualTo("{\"a\":600,\"b\":0.0000001}");
    }

    @Test
    void writes_non_ascii_as_utf8_and_escapes_control_characters() {
        ObjectNode node = Json.object();
        node.put("t", "é\n\u0001\"");

        assertThat(new String(Json.toBytes(node), StandardCharsets.UTF_8)).isEqualTo("{\"t\":\"é\\n\\u0001\\\"\"}");
    }

    private static String nestedArrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String nestedObjects(int depth) {
        return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }

    private static String alternating(int depth) {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            boolean object = i % 2 == 0;
            open.append(object ? (i == depth - 1 ? "{" : "{\"a\":") : "[");
            close.insert(0, object ? "}" : "]");
        }
        return open.append(close).toString();
    }

    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
