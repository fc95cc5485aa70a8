package dev.livechat.adapter.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.livechat.application.port.out.InquiryRepository;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.inquiry.InquirySortField;
import dev.livechat.domain.inquiry.InquiryStatus;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.InquiryId;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.SortKey;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * One {@code findOneAndUpdate} filtered on {@code status: "queued"}: the server applies it to at most one caller.
     * The document before the update is asked for (mongo-java-server can answer another caller's later state for the
     * document after it) and the taken inquiry derived from it.
     */
    @Override
    public Optional<Inquiry> takeIfQueued(InquiryId id, Instant takenAt) {
        Document before = MongoErrors.call("inquiry take", () -> c.inquiries.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id.value()), Filters.eq("status", InquiryStatus.QUEUED.wireName())),
                Updates.combine(
                        Updates.set("status", InquiryStatus.TAKEN.wireName()),
                        Updates.set("takenAt", Bsons.date(takenAt)),
                        Updates.set("_updatedAt", Bsons.date(takenAt)),
                        Updates.unset("queuedAt")),
                new FindOneAndUpdateOptions().projection(StoreCollections.READ).returnDocument(ReturnDocument.BEFORE)));
        return InquiryMapper.fromDocument(before).map(inquiry -> inquiry.take(takenAt));
    }

    @Override
    public Page<Inquiry> findQueued(QueueFilter filter, List<SortKey<InquirySortField>> sort, int offset, int count) {
        List<Bson> scopes = new ArrayList<>();
        if (filter.withoutDepartment()) {
            // Rocket.Chat writes no key, or null, for "no department"
            scopes.add(Filters.eq("department", null));
        }
        if (!filter.departments().isEmpty()) {
            scopes.add(Filters.in("department", filter.departments().stream().map(DepartmentId::value).toList()));
        }
        if (scopes.isEmpty()) {
            return new Page<>(List.of(), 0);
        }
        // {status: 1, ts: 1}
        Bson query = Filters.and(Filters.eq("status", InquiryStatus.QUEUED.wireName()), Filters.or(scopes));
        List<String> fields = sort.stream().map(k -> k.field().wireName()).toList();
        List<Boolean> ascending = sort.stream().map(SortKey::ascending).toList();
        return Paging.page("queued inquiries", c.inquiries, query, Paging.sort(fields, ascending), offset, count,
                InquiryMapper::fromDocument);
    }

    @Override
    public void clearDepartment(DepartmentId department, Instant now) {
        // {department: 1}
        MongoErrors.run("inquiry department clear", () -> c.inquiries.updateMany(
                Filters.eq("department", department.value()),
                Updates.combine(Updates.unset("department"), Updates.set("_updatedAt", Bsons.date(now)))));
    }
}
