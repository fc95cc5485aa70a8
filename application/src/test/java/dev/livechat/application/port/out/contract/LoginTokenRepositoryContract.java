package dev.livechat.application.port.out.contract;

import dev.livechat.application.port.out.LoginTokenRepository;
import dev.livechat.application.port.out.StorePorts;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.livechat.application.port.out.contract.ContractFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link LoginTokenRepository} guarantees: per-user token hashes valid until they expire or are deleted. */
public abstract class LoginTokenRepositoryContract {

    /** Standard Base64 of a SHA-256 digest: 44 characters including {@code +}, {@code /} and {@code =}. */
    private static final String HASH_A = "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=";
    private static final String HASH_B = "/xY+2kR9fLq0mZ8pWc3vTn6sHj1bGd4eA5uI7oKlN0E=";

    private StorePorts stores;
    private LoginTokenRepository tokens;
    private User faria;
    private User omar;
    private ContractFixtures f;

    /** A fresh, empty store for each test. */
    protected abstract StorePorts newStores();

    @BeforeEach
    public final void freshStore() {
        stores = newStores();
        tokens = stores.loginTokens();
        f = new ContractFixtures(stores);
        faria = f.agent("faria");
        omar = f.agent("omar");
    }

    @Test
    public final void aTokenIsValidUntilItsExpiryExclusive() {
        tokens.insert(faria.id(), HASH_A, at(0), at(10_000));

        assertThat(tokens.isValid(faria.id(), HASH_A, at(0))).isTrue();
        assertThat(tokens.isValid(faria.id(), HASH_A, at(9_999))).isTrue();
        assertThat(tokens.isValid(faria.id(), HASH_A, at(10_000))).isFalse();
        assertThat(tokens.isValid(faria.id(), HASH_A, at(10_001))).isFalse();
    }

    @Test
    public final void aTokenBelongsToOneUserAndIsComparedExactly() {
        tokens.insert(faria.id(), HASH_A, at(0), at(10_000));

        assertThat(tokens.isValid(omar.id(), HASH_A, at(1))).isFalse();
        assertThat(tokens.isValid(faria.id(), HASH_B, at(1))).isFalse();
        assertThat(tokens.isValid(faria.id(), HASH_A.toLowerCase(java.util.Locale.ROOT), at(1))).isFalse();
        assertThat(tokens.isValid(faria.id(), HASH_A.substring(0, 43), at(1))).isFalse();
        assertThat(tokens.isValid(new UserId("unknownUser"), HASH_A, at(1))).isFalse();
    }

    @Test
    public final void deleteRemovesOnlyThatTokenOfThatUser() {
        tokens.insert(faria.id(), HASH_A, at(0), at(10_000));
        tokens.insert(faria.id(), HASH_B, at(1), at(10_000));
        tokens.insert(omar.id(), HASH_A, at(2), at(10_000));

        tokens.delete(faria.id(), HASH_A);
        tokens.delete(faria.id(), "neverIssued");

        assertThat(tokens.isValid(faria.id(), HASH_A, at(3))).isFalse();
        assertThat(tokens.isValid(faria.id(), HASH_B, at(3))).isTrue();
        assertThat(tokens.isValid(omar.id(), HASH_A, at(3))).isTrue();
    }

    @Test
    public final void withValidTokenNamesTheAskedUsersThatHoldAnUnexpiredToken() {
        User idle = f.agent("idle");
        User expired = f.agent("expired");
        tokens.insert(faria.id(), HASH_A, at(0), at(1_000));
        tokens.insert(faria.id(), HASH_B, at(0), at(100_000));
        tokens.insert(omar.id(), HASH_A, at(0), at(100_000));
        tokens.insert(expired.id(), HASH_A, at(0), at(5_000));

        assertThat(tokens.withValidToken(List.of(faria.id(), idle.id(), expired.id()), at(5_000)))
                .containsExactlyInAnyOrder(faria.id());
        assertThat(tokens.withValidToken(List.of(faria.id(), omar.id(), expired.id()), at(4_999)))
                .containsExactlyInAnyOrder(faria.id(), omar.id(), expired.id());
        assertThat(tokens.withValidToken(List.of(), at(0))).isEmpty();
        assertThat(tokens.withValidToken(List.of(idle.id(), new UserId("unknownUser")), at(0))).isEmpty();
    }
}
