package dev.livechat.application.port.out;

import dev.livechat.domain.shared.UserId;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/** Stores login tokens, only as {@code base64(SHA-256(token))}; a token is valid until it expires or is deleted. */
public interface LoginTokenRepository {

    void insert(UserId userId, String tokenHash, Instant createdAt, Instant expiresAt);

    /** True when this user holds this token hash and it expires after {@code now}. */
    boolean isValid(UserId userId, String tokenHash, Instant now);

    /** Deletes this one token of the user (logout); nothing when absent. */
    void delete(UserId userId, String tokenHash);

    /** The users among {@code userIds} who hold at least one token expiring after {@code now} (presence, contract 1.11). */
    Set<UserId> withValidToken(Collection<UserId> userIds, Instant now);
}
