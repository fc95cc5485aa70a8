package dev.livechat.adapter.jdbc.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LikePatternTest {

    @Test
    void folds_and_escapes_every_character_like_interprets() {
        assertThat(LikePattern.containsFolded("100% _Sure_!")).isEqualTo("%100!% !_sure!_!!%");
        assertThat(LikePattern.containsFolded("C:\\Path")).isEqualTo("%c:\\path%");
        assertThat(LikePattern.containsFolded("ΟΔΟΣ İ")).isEqualTo("%οδοσ i%");
        assertThat(LikePattern.containsFolded("")).isEqualTo("%%");
    }
}
