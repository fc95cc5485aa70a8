package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.internal.Database;
import dev.livechat.adapter.jdbc.internal.Row;
import dev.livechat.adapter.jdbc.internal.SortSql;
import dev.livechat.adapter.jdbc.internal.SqlValues;
import dev.livechat.application.port.out.InquiryRepository;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.inquiry.InquirySortField;
import dev.livechat.domain.inquiry.InquiryStatus;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.SortKey;
import org.jdbi.v3.core.statement.Query;
import dev.livechat.domain.shared.InquiryId;
import dev.livechat.domain.shared.RoomId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Inquiries in {@code inquiries}; the unique index on {@code room_id} keeps one per room. */
final class JdbcInquiryRepository implements InquiryRepository {

    private final Database db;

    JdbcInquiryRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Inquiry inquiry) {
        Row row = InquiryMapper.row(inquiry);
        db.execute(handle -> row.bindTo(handle.createUpdate(row.insertInto("inquiries"))).execute());
    }

    @Override
    public Optional<Inquiry> findById(InquiryId id) {
        // pk_inquiries
        return findOne("id", id.value());
    }

    @Override
    public Optional<Inquiry> findByRoomId(RoomId roomId) {
        // ux_inquiries_room_id
        return findOne("room_id", roomId.value());
    }

    private Optional<Inquiry> findOne(String column, String value) {
        return db.read(handle -> handle.createQuery("SELECT * FROM inquiries WHERE " + column + " = :value")
                .bind("value", value)
                .map((rs, ctx) -> InquiryMapper.read(rs))
                .findOne());
    }

    @Override
    public void update(Inquiry inquiry) {
        Row row = InquiryMapper.row(inquiry);
        String sql = row.updateSet("inquiries", List.of("id")) + " WHERE id = :id"; // pk_inquiries
        db.execute(handle -> row.bindTo(handle.createUpdate(sql)).execute());
    }

    @Override
    public void deleteByRoomId(RoomId roomId) {
        // ux_inquiries_room_id
        db.execute(handle -> handle.createUpdate("DELETE FROM inquiries WHERE room_id = :roomId")
                .bind("roomId", roomId.value())
                .execute());
    }

    @Override
    public Optional<Inquiry> takeIfQueued(InquiryId id, Instant takenAt) {
        // pk_inquiries. The row lock of the UPDATE makes a concurrent taker wait; it then re-reads the committed row,
        // finds it taken and updates nothing.
        return db.atomically(handle -> {
            int updated = handle.createUpdate("UPDATE inquiries SET status = :taken, taken_at = :at, queued_at = NULL,"
                            + " updated_at = :at WHERE id = :id AND status = :queued")
                    .bind("taken", InquiryStatus.TAKEN.wireName())
                    .bind("queued", InquiryStatus.QUEUED.wireName())
                    .bind("at", SqlValues.timestamp(takenAt))
                    .bind("id", id.value())
                    .execute();
            if (updated == 0) {
                return Optional.<Inquiry>empty();
            }
            return handle.createQuery("SELECT * FROM inquiries WHERE id = :id")
                    .bind("id", id.value())
                    .map((rs, ctx) -> InquiryMapper.read(rs))
                    .findOne();
        });
    }

    @Override
    public Page<Inquiry> findQueued(QueueFilter filter, List<SortKey<InquirySortField>> sort, int offset, int count) {
        List<DepartmentId> departments = List.copyOf(filter.departments());
        List<String> scopes = new ArrayList<>();
        if (filter.withoutDepartment()) {
            scopes.add("department_id IS NULL");
        }
        if (!departments.isEmpty()) {
            scopes.add("department_id IN (" + JdbcDepartmentRepository.placeholders("d", departments.size()) + ")");
        }
        if (scopes.isEmpty()) {
            return new Page<>(List.of(), 0);
        }
        // ix_inquiries_status_ts: queued inquiries in time order
        String where = " FROM inquiries WHERE status = :queued AND (" + String.join(" OR ", scopes) + ")";
        SortSql order = new SortSql();
        for (SortKey<InquirySortField> key : sort) {
            switch (key.field()) {
                case TS -> order.notNull("ts", key.ascending());
                case UPDATED_AT -> order.notNull("updated_at", key.ascending());
            }
        }
        return db.read(handle -> {
            Query total = bindScope(handle.createQuery("SELECT COUNT(*)" + where), departments);
            long matching = total.mapTo(Long.class).one();
            Query page = bindScope(handle.createQuery("SELECT *" + where + order.thenById("id")
                    + " LIMIT :count OFFSET :offset"), departments)
                    .bind("count", count)
                    .bind("offset", offset);
            return new Page<>(page.map((rs, ctx) -> InquiryMapper.read(rs)).list(), matching);
        });
    }

    private static Query bindScope(Query query, List<DepartmentId> departments) {
        query.bind("queued", InquiryStatus.QUEUED.wireName());
        for (int i = 0; i < departments.size(); i++) {
            query.bind("d" + i, departments.get(i).value());
        }
        return query;
    }

    @Override
    public void clearDepartment(DepartmentId department, Instant now) {
        // ix_inquiries_department
        db.execute(handle -> handle.createUpdate("UPDATE inquiries SET department_id = NULL, updated_at = :now"
                        + " WHERE department_id = :department")
                .bind("now", SqlValues.timestamp(now))
                .bind("department", department.value())
                .execute());
    }
}
