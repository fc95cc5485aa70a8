package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.internal.Database;
import dev.livechat.adapter.jdbc.internal.LikePattern;
import dev.livechat.adapter.jdbc.internal.Row;
import dev.livechat.adapter.jdbc.internal.SortSql;
import dev.livechat.application.port.out.UserRepository;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.user.User;
import dev.livechat.domain.user.UserSortField;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Users in {@code users} (username and email unique ignoring case via their lower-case columns) and {@code user_roles}. */
final class JdbcUserRepository implements UserRepository {

    private final Database db;

    JdbcUserRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(User user) {
        Row row = UserMapper.row(user);
        db.atomically(handle -> {
            row.bindTo(handle.createUpdate(row.insertInto("users"))).execute();
            insertRoles(handle, user);
            return null;
        });
    }

    @Override
    public Optional<User> findById(UserId id) {
        // pk_users
        return findOne("id = :key", id.value());
    }

    @Override
    public Optional<User> findByUsername(String username) {
        // ux_users_username_lower
        return findOne("username_lower = :key", UserMapper.lower(username));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        // ux_users_email_lower
        return findOne("email_lower = :key", UserMapper.lower(email));
    }

    private Optional<User> findOne(String condition, String key) {
        return db.read(handle -> load(handle, handle.createQuery("SELECT * FROM users WHERE " + condition)
                .bind("key", key)).stream().findFirst());
    }

    @Override
    public void update(User user) {
        Row row = UserMapper.row(user);
        String sql = row.updateSet("users", List.of("id")) + " WHERE id = :id"; // pk_users
        db.atomically(handle -> {
            row.bindTo(handle.createUpdate(sql)).execute();
            handle.createUpdate("DELETE FROM user_roles WHERE user_id = :id").bind("id", user.id().value()).execute();
            insertRoles(handle, user);
            return null;
        });
    }

    @Override
    public boolean existsWithRole(Role role) {
        // ix_user_roles_role
        return db.read(handle -> handle.createQuery("SELECT COUNT(*) FROM user_roles WHERE role = :role")
                .bind("role", role.wireName())
                .mapTo(Long.class)
                .one() > 0);
    }

    @Override
    public Page<User> findByRole(Role role, String text, List<SortKey<UserSortField>> sort, int offset, int count) {
        // ix_user_roles_role finds the role's holders; each is then read by pk_users. The text filter scans only them.
        String where = " FROM users u WHERE EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = :role)"
                + (text == null ? "" : " AND (u.username_lower LIKE :pattern ESCAPE '!' OR u.name_folded LIKE :pattern ESCAPE '!')");
        String pattern = text == null ? null : LikePattern.containsFolded(text);
        SortSql order = new SortSql();
        for (SortKey<UserSortField> key : sort) {
            switch (key.field()) {
                case USERNAME -> order.notNull("u.username", key.ascending());
                case NAME -> order.nullable("u.name", key.ascending());
            }
        }
        String pageSql = "SELECT u.*" + where + order.thenById("u.id") + " LIMIT :count OFFSET :offset";
        return db.read(handle -> {
            long total = handle.createQuery("SELECT COUNT(*)" + where)
                    .bind("role", role.wireName())
                    .bind("pattern", pattern)
                    .mapTo(Long.class)
                    .one();
            List<User> items = load(handle, handle.createQuery(pageSql)
                    .bind("role", role.wireName())
                    .bind("pattern", pattern)
                    .bind("count", count)
                    .bind("offset", offset));
            return new Page<>(items, total);
        });
    }

    private static void insertRoles(Handle handle, User user) {
        if (user.roles().isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(
                "INSERT INTO user_roles (user_id, position, role) VALUES (:userId, :position, :role)");
        for (int i = 0; i < user.roles().size(); i++) {
            batch.bind("userId", user.id().value()).bind("position", i).bind("role", user.roles().get(i).wireName()).add();
        }
        batch.execute();
    }

    /** The users of a {@code users} query, in its order, each with its roles (one extra query for all of them). */
    private static List<User> load(Handle handle, Query userQuery) {
        List<UserMapper.Stored> rows = userQuery.map((rs, ctx) -> UserMapper.read(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<Role>> roles = new HashMap<>();
        // pk_user_roles (user_id, position)
        handle.createQuery("SELECT user_id, role FROM user_roles WHERE user_id IN (<ids>) ORDER BY user_id, position")
                .bindList("ids", rows.stream().map(UserMapper.Stored::id).toList())
                .map((rs, ctx) -> Map.entry(rs.getString("user_id"), UserMapper.role(rs.getString("role"))))
                .forEach(e -> roles.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<User> users = new ArrayList<>(rows.size());
        for (UserMapper.Stored row : rows) {
            users.add(row.toUser(roles.getOrDefault(row.id(), List.of())));
        }
        return users;
    }
}
