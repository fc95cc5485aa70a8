package dev.livechat.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SecureRandomIdsTest {

    private final SecureRandomIds ids = new SecureRandomIds();

    @Test
    void ids_are_17_characters_of_the_meteor_alphabet_and_distinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = ids.newId();
            assertThat(id).hasSize(17).matches("[" + SecureRandomIds.ALPHABET + "]{17}");
            seen.add(id);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void login_tokens_are_43_url_safe_characters() {
        assertThat(ids.newLoginToken()).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void admin_passwords_are_24_characters_of_the_id_alphabet() {
        assertThat(ids.newAdminPassword()).matches("[" + SecureRandomIds.ALPHABET + "]{24}");
    }
}
