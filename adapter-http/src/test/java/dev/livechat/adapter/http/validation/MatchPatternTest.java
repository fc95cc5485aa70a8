package dev.livechat.adapter.http.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livechat.adapter.http.json.Json;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static dev.livechat.adapter.http.validation.SchemaTest.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatchPatternTest {

    /** The body of {@code POST livechat/visitor} (contract 4.8). */
    static final MatchPattern.ObjectPattern VISITOR_BODY = MatchPattern.object()
            .required("visitor", MatchPattern.object()
                    .required("token", MatchPattern.string().maxLength(256))
                    .optional("name", MatchPattern.string().maxLength(256).nullable())
                    .optional("email", MatchPattern.string().maxLength(254).nullable())
                    .optional("department", MatchPattern.string().maxLength(256).nullable())
                    .optional("phone", MatchPattern.string().maxLength(64).nullable())
                    .optional("customFields", MatchPattern.arrayOf(MatchPattern.object()
                            .required("key", MatchPattern.string())
                            .required("value", MatchPattern.string())
                            .required("overwrite", MatchPattern.bool())
                            .build()).nullable())
                    .build())
            .build();

    /** The query of {@code GET livechat/room} (contract 3.3). */
    static final MatchPattern.ObjectPattern ROOM_QUERY = MatchPattern.object()
            .required("token", MatchPattern.string())
            .optional("rid", MatchPattern.string())
            .optional("agentId", MatchPattern.string())
            .build();

    static void assertMatchError(ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOf(MatchValidationException.class)
                .hasMessage(message);
    }

    static void checkBody(String json) {
        VISITOR_BODY.check(Json.parse(json));
    }

    @Test
    void a_valid_body_passes() {
        assertThatCode(() -> checkBody("{\"visitor\":{\"token\":\"t\",\"name\":null,\"customFields\":"
                + "[{\"key\":\"k\",\"value\":\"v\",\"overwrite\":true}]}}")).doesNotThrowAnyException();
    }

    @Test
    void the_contract_examples_of_livechat_visitor() {
        assertMatchError(() -> checkBody("{}"), "Match error: Missing key 'visitor'");
        assertMatchError(() -> checkBody("{\"foo\":1,\"visitor\":{}}"), "Match error: Unknown key in field foo");
        assertMatchError(() -> checkBody("{\"visitor\":\"x\"}"),
                "Match error: Expected object, got string in field visitor");
        assertMatchError(() -> checkBody("{\"visitor\":{}}"), "Match error: Missing key 'token' in field visitor");
        assertMatchError(() -> checkBody("{\"visitor\":{\"token\":{}}}"),
                "Match error: Expected string, got object in field visitor.token");
        assertMatchError(() -> checkBody("{\"visitor\":{\"token\":\"" + "t".repeat(257) + "\"}}"),
                "Match error: Failed Match.Where validation in field visitor.token");
        assertMatchError(() -> checkBody("{\"visitor\":{\"token\":\"t\",\"username\":\"u\"}}"),
                "Match error: Unknown key in field visitor.username");
        assertMatchError(() -> checkBody("{\"visitor\":{\"token\":\"t\",\"customFields\":[{\"key\":\"k\",\"value\":\"v\"}]}}"),
                "Match error: Missing key 'overwrite' in field visitor.customFields[0]");
    }

    @Test
    void type_names_follow_javascript_typeof() {
        assertMatchError(() -> checkBody("{\"visitor\":{\"token\":5}}"),
                "Match error: Expected string, got number in field visitor.token");
        assertMatchError(() -> checkBody("{\"visitor\":{\"token\":true}}"),
                "Match error: Expected string, got boolean in field visitor.token");
        assertMatchError(() -> checkBody("{\"visitor\":{\"token\":[\"a\"]}}"),
                "Match error: Expected string, got object in field visitor.token");
        assertMatchError(() -> checkBody("{\"visitor\":{\"token\":null}}"),
                "Match error: Expected string, got null in field visitor.token");
        assertMatchError(() -> checkBody("{\"visitor\":null}"),
                "Match error: Expected object, got null in field visitor");
        assertMatchError(() -> checkBody("{\"visitor\":[]}"), "Match error: Expected plain object in field visitor");
        assertMatchError(() -> checkBody("{\"visitor\":{\"token\":\"t\",\"customFields\":{}}}"),
                "Match error: Expected array, got object in field visitor.customFields");
        assertMatchError(() -> checkBody("{\"visitor\":{\"token\":\"t\",\"customFields\":[{\"key\":\"k\",\"value\":\"v\","
                + "\"overwrite\":\"yes\"}]}}"),
                "Match error: Expected boolean, got string in field visitor.customFields[0].overwrite");
        assertMatchError(() -> MatchPattern.number().check(Json.parse("\"1\"")), "Match error: Expected number, got string");
    }

    @Test
    void optional_keys_present_with_null_need_a_nullable_pattern() {
        assertMatchError(() -> ROOM_QUERY.check(Json.parse("{\"token\":\"t\",\"rid\":null}")),
                "Match error: Expected string, got null in field rid");
        assertThatCode(() -> checkBody("{\"visitor\":{\"token\":\"t\",\"email\":null,\"customFields\":null}}"))
                .doesNotThrowAnyException();
        assertMatchError(() -> checkBody("{\"visitor\":{\"token\":\"t\",\"email\":7}}"),
                "Match error: Expected string, got number in field visitor.email");
    }

    @Test
    void keys_are_examined_in_request_order_and_missing_keys_come_last() {
        assertMatchError(() -> checkBody("{\"visitor\":{\"name\":5,\"zzz\":1}}"),
                "Match error: Expected string, got number in field visitor.name");
        assertMatchError(() -> checkBody("{\"visitor\":{\"zzz\":1,\"name\":5}}"),
                "Match error: Unknown key in field visitor.zzz");
        assertMatchError(() -> checkBody("{\"visitor\":{\"name\":\"" + "n".repeat(257) + "\"}}"),
                "Match error: Failed Match.Where validation in field visitor.name");
        assertMatchError(() -> checkBody("{\"visitor\":{\"name\":\"n\"}}"),
                "Match error: Missing key 'token' in field visitor");
    }

    @Test
    void array_index_keys_come_first_as_in_javascript() {
        assertMatchError(() -> ROOM_QUERY.check(Json.parse("{\"token\":5,\"1\":\"x\"}")),
                "Match error: Unknown key in field [1]");
        assertMatchError(() -> ROOM_QUERY.check(Json.parse("{\"token\":5,\"01\":\"x\"}")),
                "Match error: Expected string, got number in field token");
    }

    @Test
    void non_identifier_keys_use_json_array_notation() {
        assertMatchError(() -> ROOM_QUERY.checkQuery(query("token[$ne]", "x")),
                "Match error: Unknown key in field [\"token[$ne]\"]");
        assertMatchError(() -> ROOM_QUERY.check(Json.parse("{\"a b\":1}")),
                "Match error: Unknown key in field [\"a b\"]");
        assertMatchError(() -> ROOM_QUERY.check(Json.parse("{\"class\":1}")),
                "Match error: Unknown key in field [\"class\"]");
        assertMatchError(() -> ROOM_QUERY.check(Json.parse("{\"$ok_1\":1}")), "Match error: Unknown key in field $ok_1");
        assertMatchError(() -> ROOM_QUERY.check(Json.parse("{\"q\\\"\\n\":1}")),
                "Match error: Unknown key in field [\"q\\\"\\n\"]");
        assertMatchError(() -> checkBody("{\"visitor\":{\"token\":\"t\",\"a-b\":1}}"),
                "Match error: Unknown key in field visitor[\"a-b\"]");
    }

    @Test
    void query_strings_the_contract_examples_of_livechat_room() {
        assertMatchError(() -> ROOM_QUERY.checkQuery(query("token", "t", "foo", "1")),
                "Match error: Unknown key in field foo");
        assertMatchError(() -> ROOM_QUERY.checkQuery(query()), "Match error: Missing key 'token'");
        assertMatchError(() -> ROOM_QUERY.checkQuery(query("token", "a", "token", "b")),
                "Match error: Expected string, got object in field token");
        ObjectNode ok = ROOM_QUERY.checkQuery(query("rid", "", "token", "t"));
        assertThat(Json.toText(ok)).isEqualTo("{\"rid\":\"\",\"token\":\"t\"}");
    }

    @Test
    void exception_exposes_reason_and_path() {
        MatchValidationException e = new MatchValidationException("Unknown key", "visitor.x");

        assertThat(e.reason()).isEqualTo("Unknown key");
        assertThat(e.path()).isEqualTo("visitor.x");
        assertThat(new MatchValidationException("Missing key 'token'", "").getMessage())
                .isEqualTo("Match error: Missing key 'token'");
    }
}
