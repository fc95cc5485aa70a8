package dev.livechat.adapter.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import dev.livechat.application.port.out.LoginTokenRepository;
import dev.livechat.domain.shared.UserId;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Login tokens where Meteor keeps them: {@code users.services.resume.loginTokens}, entries {@code {when, hashedToken}}
 * holding only the hash, plus {@code _lcExpiresAt}. Tokens Rocket.Chat issued have no expiry of their own and expire
 * {@link #RC_DEFAULT_LOGIN_EXPIRATION} after {@code when}, Rocket.Chat's default {@code Accounts_LoginExpiration}.
 */
final class MongoLoginTokenRepository implements LoginTokenRepository {

    static final String TOKENS = "services.resume.loginTokens";
    static final String EXPIRES_AT = "_lcExpiresAt";
    static final Duration RC_DEFAULT_LOGIN_EXPIRATION = Duration.ofDays(90);

    private final StoreCollections c;

    MongoLoginTokenRepository(StoreCollections c) {
        this.c = c;
    }

    /** Adds the token to the user's document; a token for a user that does not exist is refused. */
    @Override
    public void insert(UserId userId, String tokenHash, Instant createdAt, Instant expiresAt) {
        long matched = MongoErrors.call("login token insert", () -> c.users.updateOne(
                Filters.eq("_id", userId.value()),
                Updates.push(TOKENS, new Document("when", Bsons.date(createdAt))
                        .append("hashedToken", tokenHash)
                        .append(EXPIRES_AT, Bsons.date(expiresAt)))).getMatchedCount());
        if (matched == 0) {
            throw new IllegalArgumentException("no user " + userId.value() + " to hold a login token");
        }
    }

    @Override
    public boolean isValid(UserId userId, String tokenHash, Instant now) {
        Document user = MongoErrors.call("login token lookup", () -> c.users
                .find(Filters.and(Filters.eq("_id", userId.value()), Filters.eq(TOKENS + ".hashedToken", tokenHash)))
                .projection(Projections.include(TOKENS))
                .first());
        if (user == null) {
            return false;
        }
        for (Document token : tokens(user)) {
            if (tokenHash.equals(Bsons.string(token, "hashedToken")) && isUnexpired(token, now)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void delete(UserId userId, String tokenHash) {
        MongoErrors.run("login token delete", () -> c.users.updateOne(Filters.eq("_id", userId.value()),
                Updates.pull(TOKENS, new Document("hashedToken", tokenHash))));
    }

    @Override
    public Set<UserId> withValidToken(Collection<UserId> userIds, Instant now) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        List<String> ids = userIds.stream().map(UserId::value).distinct().toList();
        List<Document> users = MongoErrors.call("login token presence", () -> c.users
                .find(Filters.and(Filters.in("_id", ids), Filters.exists(TOKENS + ".hashedToken")))
                .projection(Projections.include(TOKENS))
                .into(new ArrayList<>()));
        Set<UserId> present = new LinkedHashSet<>();
        for (Document user : users) {
            if (hasValidToken(user, now)) {
                present.add(new UserId(user.getString("_id")));
            }
        }
        return present;
    }

    static boolean hasValidToken(Document user, Instant now) {
        return tokens(user).stream().anyMatch(token -> isUnexpired(token, now));
    }

    private static List<Document> tokens(Document user) {
        return Bsons.documents(Bsons.document(Bsons.document(user, "services"), "resume"), "loginTokens");
    }

    private static boolean isUnexpired(Document token, Instant now) {
        Instant expiresAt = Bsons.instant(token, EXPIRES_AT);
        if (expiresAt == null) {
            Instant when = Bsons.instant(token, "when");
            if (when == null || Bsons.string(token, "hashedToken") == null) {
                return false;
            }
            expiresAt = when.plus(RC_DEFAULT_LOGIN_EXPIRATION);
        }
        return expiresAt.isAfter(now);
    }
}
