package dev.livechat.adapter.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.application.port.out.UserRepository;
import dev.livechat.domain.message.SearchText;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.user.User;
import dev.livechat.domain.user.UserSortField;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * User accounts in Rocket.Chat's {@code users} collection. Case-insensitive uniqueness comes from unique indexes on
 * lower-cased copies of the username and emails; lookups use those copies, or an anchored literal case-insensitive
 * regex for users Rocket.Chat wrote without them.
 */
final class MongoUserRepository implements UserRepository {

    static final Map<String, Constraint> CONSTRAINTS = Map.of(
            MongoSchema.USERNAME_INDEX, Constraint.USERNAME,
            MongoSchema.RC_USERNAME_INDEX, Constraint.USERNAME,
            MongoSchema.USER_EMAIL_INDEX, Constraint.USER_EMAIL,
            MongoSchema.RC_USER_EMAIL_INDEX, Constraint.USER_EMAIL);

    private final StoreCollections c;

    MongoUserRepository(StoreCollections c) {
        this.c = c;
    }

    @Override
    public void insert(User user) {
        MongoErrors.run("user insert", CONSTRAINTS, () -> c.users.insertOne(UserMapper.toDocument(user)));
    }

    @Override
    public Optional<User> findById(UserId id) {
        return UserMapper.fromDocument(MongoErrors.call("user lookup",
                () -> c.users.find(Filters.eq("_id", id.value())).projection(StoreCollections.READ).first()));
    }

    @Override
    public Optional<User> findByUsername(String username) {
        String lower = UserMapper.lower(username);
        Bson filter = Filters.or(
                Filters.eq(UserMapper.USERNAME_LOWER, lower),
                Filters.and(Filters.exists(UserMapper.USERNAME_LOWER, false),
                        Filters.regex("username", Regexes.exactIgnoreCase(username))));
        return first("user lookup by username", filter,
                u -> UserMapper.lower(u.username()).equals(lower));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        String lower = UserMapper.lower(email);
        Bson filter = Filters.or(
                Filters.eq(UserMapper.EMAILS_LOWER, lower),
                Filters.and(Filters.exists(UserMapper.EMAILS_LOWER, false),
                        Filters.regex("emails.address", Regexes.exactIgnoreCase(email))));
        List<Document> docs = MongoErrors.call("user lookup by email",
                () -> c.users.find(filter).projection(StoreCollections.READ).into(new ArrayList<>()));
        for (Document doc : docs) {
            boolean matches = UserMapper.lowerCaseKeys(doc).getList(UserMapper.EMAILS_LOWER, String.class, List.of())
                    .contains(lower);
            Optional<User> user = UserMapper.fromDocument(doc);
            if (matches && user.isPresent()) {
                return user;
            }
        }
        return Optional.empty();
    }

    /** The regex fallback ignores case by the server's rules; {@code check} confirms with {@code Locale.ROOT}. */
    private Optional<User> first(String operation, Bson filter, java.util.function.Predicate<User> check) {
        List<Document> docs = MongoErrors.call(operation,
                () -> c.users.find(filter).projection(StoreCollections.READ).into(new ArrayList<>()));
        return docs.stream().map(UserMapper::fromDocument).flatMap(Optional::stream).filter(check).findFirst();
    }

    @Override
    public void update(User user) {
        MongoErrors.run("user update", CONSTRAINTS, () -> {
            Document stored = c.users.find(Filters.eq("_id", user.id().value()))
                    .projection(Projections.include("roles")).first();
            List<String> foreign = stored == null ? List.of() : UserMapper.foreignRoles(stored);
            c.users.updateOne(Filters.eq("_id", user.id().value()), UserMapper.toUpdate(user, foreign));
        });
    }

    @Override
    public boolean existsWithRole(Role role) {
        return MongoErrors.call("role lookup",
                () -> c.users.find(Filters.eq("roles", role.wireName())).projection(Projections.include("_id"))
                        .first() != null);
    }

    @Override
    public Page<User> findByRole(Role role, String text, List<SortKey<UserSortField>> sort, int offset, int count) {
        Bson byRole = Filters.and(Filters.eq("roles", role.wireName()), Filters.exists("username"));
        Bson filter = byRole;
        if (text != null && !text.isEmpty()) {
            // Literal, case-insensitive substring by SearchText's folding: decided here, not by a server regex.
            List<Document> holders = MongoErrors.call("users by role", () -> c.users.find(byRole)
                    .projection(Projections.include("username", "name")).into(new ArrayList<>()));
            List<Object> ids = new ArrayList<>();
            for (Document holder : holders) {
                String username = Bsons.string(holder, "username");
                String name = Bsons.string(holder, "name");
                if ((username != null && SearchText.containsIgnoreCase(username, text))
                        || (name != null && SearchText.containsIgnoreCase(name, text))) {
                    ids.add(holder.get("_id"));
                }
            }
            filter = Filters.and(byRole, Filters.in("_id", ids));
        }
        Bson query = filter;
        List<String> fields = sort.stream().map(k -> k.field().wireName()).toList();
        List<Boolean> ascending = sort.stream().map(SortKey::ascending).toList();
        return Paging.page("users by role", c.users, query, Paging.sort(fields, ascending), offset, count,
                doc -> UserMapper.fromDocument(doc));
    }
}
