package dev.livechat.adapter.http.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLogTest {

    @Test
    void token_query_parameters_are_redacted() {
        assertThat(AccessLog.redactedTarget("/api/v1/livechat/room", "token=secret&rid=R1"))
                .isEqualTo("/api/v1/livechat/room?token=[redacted]&rid=R1");
        assertThat(AccessLog.redactedTarget("/api/v1/livechat/room", "rid=R1&%74oken=secret&TOKEN=s2&token"))
                .isEqualTo("/api/v1/livechat/room?rid=R1&%74oken=[redacted]&TOKEN=[redacted]&token");
    }

    @Test
    void the_visitor_token_path_segment_is_redacted() {
        assertThat(AccessLog.redactedTarget("/api/v1/livechat/visitor/my%2Fsecret", null))
                .isEqualTo("/api/v1/livechat/visitor/[redacted]");
        assertThat(AccessLog.redactedTarget("/api/v1/livechat/visitor/a/b/c", null))
                .isEqualTo("/api/v1/livechat/visitor/[redacted]");
        assertThat(AccessLog.redactedTarget("/api/v1/livechat/visitor", null)).isEqualTo("/api/v1/livechat/visitor");
        assertThat(AccessLog.redactedTarget("/api/v1/livechat/visitors.chatHistory/room/R/visitor/V", null))
                .isEqualTo("/api/v1/livechat/visitors.chatHistory/room/R/visitor/V");
    }

    @Test
    void control_characters_cannot_forge_lines_and_long_targets_are_cut() {
        assertThat(AccessLog.redactedTarget("/a\r\nINFO fake", "x=\u0007")).isEqualTo("/a??INFO fake?x=?");
        assertThat(AccessLog.redactedTarget("/" + "a".repeat(5000), null)).hasSize(2048 + "...(truncated)".length());
    }
}
