package dev.livechat.adapter.mongo;

import dev.livechat.domain.shared.Ids;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.AgentStatus;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.user.User;
import dev.livechat.domain.user.UserEmail;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps {@link User} to and from Rocket.Chat's {@code users} document. The password hash lives at
 * {@code services.password.bcrypt}, login tokens beside it at {@code services.resume.loginTokens} (written by
 * {@link MongoLoginTokenRepository}, never touched here).
 */
final class UserMapper {

    /** Lower-cased username: the key of the case-insensitive unique index (no collation needed). */
    static final String USERNAME_LOWER = "_lcUsernameLower";
    /** Lower-cased addresses of {@code emails}: the key of the case-insensitive unique email index. */
    static final String EMAILS_LOWER = "_lcEmailsLower";

    private UserMapper() {
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    static Document toDocument(User user) {
        Document doc = new Document("_id", user.id().value())
                .append("createdAt", Bsons.date(user.createdAt()))
                .append("type", "user");
        doc.putAll(fields(user, roleNames(user.roles())));
        doc.append("services", new Document("password", new Document("bcrypt", user.passwordHash())));
        return doc;
    }

    /**
     * The update that stores {@code user}; {@code foreignRoles} are stored roles this project does not know
     * (Rocket.Chat's {@code bot}, {@code owner}, custom roles), which are kept.
     */
    static Document toUpdate(User user, List<String> foreignRoles) {
        List<String> roles = new ArrayList<>(foreignRoles);
        roles.addAll(roleNames(user.roles()));
        Document set = fields(user, roles);
        set.append("services.password.bcrypt", user.passwordHash());
        Document unset = new Document();
        for (String optional : new String[]{"name", "emails", EMAILS_LOWER, "statusLivechat"}) {
            if (!set.containsKey(optional)) {
                unset.append(optional, "");
            }
        }
        Document update = new Document("$set", set);
        if (!unset.isEmpty()) {
            update.append("$unset", unset);
        }
        return update;
    }

    private static Document fields(User user, List<String> roles) {
        Document doc = new Document("username", user.username());
        user.name().ifPresent(name -> doc.append("name", name));
        user.email().ifPresent(email -> doc.append("emails",
                List.of(new Document("address", email.address()).append("verified", email.verified()))));
        doc.append("active", user.active())
                .append("roles", roles);
        user.statusLivechat().ifPresent(status -> doc.append("statusLivechat", status.wireName()));
        doc.append("_updatedAt", Bsons.date(user.updatedAt()));
        doc.append(USERNAME_LOWER, lower(user.username()));
        user.email().ifPresent(email -> doc.append(EMAILS_LOWER, List.of(lower(email.address()))));
        return doc;
    }

    /** The lower-cased keys for a stored document (used to fill them into users Rocket.Chat created). */
    static Document lowerCaseKeys(Document userDoc) {
        Document keys = new Document(USERNAME_LOWER, lower(Bsons.string(userDoc, "username")));
        List<String> emails = new ArrayList<>();
        for (Document email : Bsons.documents(userDoc, "emails")) {
            String address = Bsons.string(email, "address");
            if (address != null && !emails.contains(lower(address))) {
                emails.add(lower(address));
            }
        }
        if (!emails.isEmpty()) {
            keys.append(EMAILS_LOWER, emails);
        }
        return keys;
    }

    private static List<String> roleNames(List<Role> roles) {
        return roles.stream().map(Role::wireName).toList();
    }

    /** Stored roles that are not one of this project's roles. */
    static List<String> foreignRoles(Document doc) {
        return Bsons.strings(doc, "roles").stream().filter(r -> Role.fromWireName(r).isEmpty()).toList();
    }

    /**
     * The user a stored document describes, or empty for documents that are not accounts of this kind (no username
     * yet, malformed id). Rocket.Chat users without a password (OAuth, bots) read with an empty hash, which never
     * matches; an agent without {@code statusLivechat} reads as not available.
     */
    static Optional<User> fromDocument(Document doc) {
        if (doc == null) {
            return Optional.empty();
        }
        String id = Bsons.string(doc, "_id");
        String username = Bsons.string(doc, "username");
        if (!Ids.isWellFormed(id) || username == null) {
            return Optional.empty();
        }
        List<Role> roles = new ArrayList<>();
        for (String name : Bsons.strings(doc, "roles")) {
            Role.fromWireName(name).filter(r -> !roles.contains(r)).ifPresent(roles::add);
        }
        AgentStatus status = null;
        if (roles.contains(Role.LIVECHAT_AGENT)) {
            status = AgentStatus.fromWireName(Bsons.string(doc, "statusLivechat")).orElse(AgentStatus.NOT_AVAILABLE);
        }
        UserEmail email = null;
        List<Document> emails = Bsons.documents(doc, "emails");
        if (!emails.isEmpty() && Bsons.string(emails.get(0), "address") != null) {
            email = new UserEmail(Bsons.string(emails.get(0), "address"), Bsons.bool(emails.get(0), "verified", false));
        }
        String hash = Bsons.string(Bsons.document(Bsons.document(doc, "services"), "password"), "bcrypt");
        Instant createdAt = Bsons.instant(doc, "createdAt");
        Instant updatedAt = Bsons.instant(doc, "_updatedAt");
        if (createdAt == null) {
            createdAt = updatedAt != null ? updatedAt : Instant.EPOCH;
        }
        return Optional.of(User.restore(new UserId(id), username, Bsons.string(doc, "name"), email,
                hash == null ? "" : hash, Bsons.bool(doc, "active", true), roles, status, createdAt,
                updatedAt != null ? updatedAt : createdAt));
    }
}
