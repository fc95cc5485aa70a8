package dev.livechat.bootstrap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BcryptPasswordHasherTest {

    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher();

    @Test
    void hashes_verify_and_use_bcrypt_cost_10() {
        String hash = hasher.hash("correct horse");

        assertThat(hash).startsWith("$2b$10$");
        assertThat(hasher.matches("correct horse", hash)).isTrue();
        assertThat(hasher.matches("wrong horse", hash)).isFalse();
    }

    @Test
    void verifies_a_hash_made_the_meteor_way_by_another_implementation() {
        // bcryptjs 3.0.3 (Node): hashSync(sha256hex("password"), 10), the scheme of Meteor's accounts-password.
        String meteorHash = "$2b$10$Eju/NzlEjkESuiY9LYzSbu9s7XWzBz0ohYWK5WyZyFmdSmO6l1ymC";

        assertThat(hasher.matches("password", meteorHash)).isTrue();
        assertThat(hasher.matches("Password", meteorHash)).isFalse();
    }

    @Test
    void malformed_hashes_never_match() {
        assertThat(hasher.matches("x", "not-a-hash")).isFalse();
        assertThat(hasher.matches("x", "")).isFalse();
        assertThat(hasher.matches("x", null)).isFalse();
    }
}
