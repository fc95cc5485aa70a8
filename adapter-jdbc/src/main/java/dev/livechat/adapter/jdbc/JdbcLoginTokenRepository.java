package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.internal.Database;
import dev.livechat.adapter.jdbc.internal.SqlValues;
import dev.livechat.application.port.out.LoginTokenRepository;
import dev.livechat.domain.shared.UserId;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Login token hashes in {@code login_tokens}, keyed by user and hash. */
final class JdbcLoginTokenRepository implements LoginTokenRepository {

    private final Database db;

    JdbcLoginTokenRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(UserId userId, String tokenHash, Instant createdAt, Instant expiresAt) {
        db.execute(handle -> handle.createUpdate("INSERT INTO login_tokens (user_id, token_hash, created_at, expires_at)"
                        + " VALUES (:userId, :tokenHash, :createdAt, :expiresAt)")
                .bind("userId", userId.value())
                .bind("tokenHash", tokenHash)
                .bind("createdAt", SqlValues.timestamp(createdAt))
                .bind("expiresAt", SqlValues.timestamp(expiresAt))
                .execute());
    }

    @Override
    public boolean isValid(UserId userId, String tokenHash, Instant now) {
        // pk_login_tokens
        return db.read(handle -> handle.createQuery("SELECT COUNT(*) FROM login_tokens"
                        + " WHERE user_id = :userId AND token_hash = :tokenHash AND expires_at > :now")
                .bind("userId", userId.value())
                .bind("tokenHash", tokenHash)
                .bind("now", SqlValues.timestamp(now))
                .mapTo(Long.class)
                .one() > 0);
    }

    @Override
    public void delete(UserId userId, String tokenHash) {
        // pk_login_tokens
        db.execute(handle -> handle.createUpdate("DELETE FROM login_tokens WHERE user_id = :userId AND token_hash = :tokenHash")
                .bind("userId", userId.value())
                .bind("tokenHash", tokenHash)
                .execute());
    }

    @Override
    public Set<UserId> withValidToken(Collection<UserId> userIds, Instant now) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        List<String> ids = userIds.stream().map(UserId::value).distinct().toList();
        // pk_login_tokens (user_id prefix): the tokens of each given user
        return db.read(handle -> new HashSet<>(handle.createQuery("SELECT DISTINCT user_id FROM login_tokens"
                        + " WHERE user_id IN (<ids>) AND expires_at > :now")
                .bindList("ids", ids)
                .bind("now", SqlValues.timestamp(now))
                .map((rs, ctx) -> new UserId(rs.getString("user_id")))
                .list()));
    }
}
