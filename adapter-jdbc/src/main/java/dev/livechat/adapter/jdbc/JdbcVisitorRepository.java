package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.internal.Columns;
import dev.livechat.adapter.jdbc.internal.Database;
import dev.livechat.adapter.jdbc.internal.PlainQuery;
import dev.livechat.adapter.jdbc.internal.Row;
import dev.livechat.adapter.jdbc.internal.SqlValues;
import dev.livechat.application.port.out.VisitorRepository;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.visitor.Visitor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Visitors in {@code visitors} (token unique) and the {@code guest-N} counter in {@code counters}. */
final class JdbcVisitorRepository implements VisitorRepository {

    private static final String GUEST_COUNTER = "guest-number";

    private final Database db;

    JdbcVisitorRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Visitor visitor) {
        Row row = VisitorMapper.row(visitor);
        db.execute(handle -> row.bindTo(handle.createUpdate(row.insertInto("visitors"))).execute());
    }

    @Override
    public Optional<Visitor> findByToken(VisitorToken token) {
        // ux_visitors_token
        return db.read(handle -> PlainQuery.list(handle, "SELECT * FROM visitors WHERE token = ?", token.value(),
                VisitorMapper::read).stream().findFirst());
    }

    @Override
    public Optional<Visitor> findById(VisitorId id) {
        // pk_visitors
        return db.read(handle -> handle.createQuery("SELECT * FROM visitors WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> VisitorMapper.read(Columns.of(rs, ctx)))
                .findOne());
    }

    @Override
    public void update(Visitor visitor) {
        Row row = VisitorMapper.row(visitor);
        String sql = row.updateSet("visitors", List.of("id")) + " WHERE id = :id"; // pk_visitors
        db.execute(handle -> row.bindTo(handle.createUpdate(sql)).execute());
    }

    @Override
    public long nextGuestNumber() {
        // pk_counters. The UPDATE takes the row lock, so the SELECT in the same transaction reads this caller's number;
        // concurrent callers queue on the lock and each sees the previous one's committed increment.
        return db.atomically(handle -> {
            handle.createUpdate("UPDATE counters SET counter_value = counter_value + 1 WHERE counter_name = :name")
                    .bind("name", GUEST_COUNTER)
                    .execute();
            return handle.createQuery("SELECT counter_value FROM counters WHERE counter_name = :name")
                    .bind("name", GUEST_COUNTER)
                    .mapTo(Long.class)
                    .one();
        });
    }

    @Override
    public void delete(VisitorId id) {
        // pk_visitors
        db.execute(handle -> handle.createUpdate("DELETE FROM visitors WHERE id = :id").bind("id", id.value()).execute());
    }

    @Override
    public void clearDepartment(DepartmentId department, Instant now) {
        // ix_visitors_department
        db.execute(handle -> handle.createUpdate("UPDATE visitors SET department_id = NULL, updated_at = :now"
                        + " WHERE department_id = :department")
                .bind("now", SqlValues.timestamp(now))
                .bind("department", department.value())
                .execute());
    }
}
