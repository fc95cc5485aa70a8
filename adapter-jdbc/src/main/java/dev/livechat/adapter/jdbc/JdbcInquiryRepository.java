package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.internal.Database;
import dev.livechat.adapter.jdbc.internal.Row;
import dev.livechat.application.port.out.InquiryRepository;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.shared.InquiryId;
import dev.livechat.domain.shared.RoomId;

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
}
