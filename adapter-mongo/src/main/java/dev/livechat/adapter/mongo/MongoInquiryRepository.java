package dev.livechat.adapter.mongo;

import com.mongodb.client.model.Filters;
import dev.livechat.application.port.out.InquiryRepository;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.shared.InquiryId;
import dev.livechat.domain.shared.RoomId;

import java.util.Map;
import java.util.Optional;

/** Queue entries in {@code rocketchat_livechat_inquiry}; one per room by a unique index on {@code rid}. */
final class MongoInquiryRepository implements InquiryRepository {

    static final Map<String, Constraint> CONSTRAINTS = Map.of(MongoSchema.INQUIRY_ROOM_INDEX, Constraint.INQUIRY_PER_ROOM);

    private final StoreCollections c;

    MongoInquiryRepository(StoreCollections c) {
        this.c = c;
    }

    @Override
    public void insert(Inquiry inquiry) {
        MongoErrors.run("inquiry insert", CONSTRAINTS, () -> c.inquiries.insertOne(InquiryMapper.toDocument(inquiry)));
    }

    @Override
    public Optional<Inquiry> findById(InquiryId id) {
        return InquiryMapper.fromDocument(MongoErrors.call("inquiry lookup",
                () -> c.inquiries.find(Filters.eq("_id", id.value())).projection(StoreCollections.READ).first()));
    }

    @Override
    public Optional<Inquiry> findByRoomId(RoomId roomId) {
        return InquiryMapper.fromDocument(MongoErrors.call("inquiry lookup",
                () -> c.inquiries.find(Filters.eq("rid", roomId.value())).projection(StoreCollections.READ).first()));
    }

    @Override
    public void update(Inquiry inquiry) {
        MongoErrors.run("inquiry update", CONSTRAINTS, () -> c.inquiries.updateOne(
                Filters.eq("_id", inquiry.id().value()), InquiryMapper.toUpdate(inquiry)));
    }

    @Override
    public void deleteByRoomId(RoomId roomId) {
        MongoErrors.run("inquiry delete", () -> c.inquiries.deleteMany(Filters.eq("rid", roomId.value())));
    }
}
