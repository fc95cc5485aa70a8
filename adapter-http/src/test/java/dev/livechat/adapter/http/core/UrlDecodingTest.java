package dev.livechat.adapter.http.core;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UrlDecodingTest {

    @Test
    void form_decoding_turns_plus_into_space_and_keeps_keys_literal() {
        Map<String, List<String>> query = UrlDecoding.parseQuery("token%5B%24ne%5D=x&a+b=c+d%2B&e=%C3%A9");

        assertThat(query).containsExactly(
                Map.entry("token[$ne]", List.of("x")),
                Map.entry("a b", List.of("c d+")),
                Map.entry("e", List.of("é")));
    }

    @Test
    void repeated_keys_keep_every_value_in_first_appearance_order() {
        Map<String, List<String>> query = UrlDecoding.parseQuery("b=1&a=2&b=3&c&&=z&d=");

        assertThat(query).containsExactly(
                Map.entry("b", List.of("1", "3")),
                Map.entry("a", List.of("2")),
                Map.entry("c", List.of("")),
                Map.entry("", List.of("z")),
                Map.entry("d", List.of("")));
    }

    @Test
    void malformed_escapes_stay_literal_and_bad_utf8_is_replaced() {
        assertThat(UrlDecoding.decodeFormComponent("%zz%4%")).isEqualTo("%zz%4%");
        assertThat(UrlDecoding.decodeFormComponent("%C3%28")).isEqualTo("\uFFFD(");
        assertThat(UrlDecoding.decodePathSegment("a+b%2Fc")).isEqualTo("a+b/c");
    }

    @Test
    void a_decoded_nul_becomes_the_replacement_character_so_it_never_reaches_a_store() {
        assertThat(UrlDecoding.decodeFormComponent("a%00b")).isEqualTo("a\uFFFDb");
        assertThat(UrlDecoding.decodePathSegment("%00%C3%A9%00")).isEqualTo("\uFFFDé\uFFFD");
        assertThat(UrlDecoding.parseQuery("tok%00en=x%00")).containsExactly(Map.entry("tok\uFFFDen", List.of("x\uFFFD")));
    }

    @Test
    void absent_and_empty_queries() {
        assertThat(UrlDecoding.parseQuery(null)).isEmpty();
        assertThat(UrlDecoding.parseQuery("")).isEmpty();
    }
}
