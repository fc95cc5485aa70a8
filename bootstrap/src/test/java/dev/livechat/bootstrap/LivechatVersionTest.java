package dev.livechat.bootstrap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LivechatVersionTest {

    @Test
    void reports_the_project_version_filtered_at_build_time() {
        assertThat(Livechat.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
