package dev.livechat.adapter.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.application.port.out.VisitorRepository;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.visitor.Visitor;
import org.bson.Document;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Visitors in {@code rocketchat_livechat_visitor} (unique token index) and the {@code guest-N} counter where
 * Rocket.Chat keeps it: the {@code value} of the {@code rocketchat_settings} document {@code Livechat_guest_count},
 * incremented by one atomic {@code findOneAndUpdate}.
 */
final class MongoVisitorRepository implements VisitorRepository {

    static final String GUEST_COUNTER = "Livechat_guest_count";
    static final Map<String, Constraint> CONSTRAINTS = Map.of(MongoSchema.VISITOR_TOKEN_INDEX, Constraint.VISITOR_TOKEN);

    /** Concurrent upserts of a missing counter can collide on {@code _id}; the losers simply increment again. */
    private static final int COUNTER_ATTEMPTS = 5;

    private final StoreCollections c;

    MongoVisitorRepository(StoreCollections c) {
        this.c = c;
    }

    @Override
    public void insert(Visitor visitor) {
        MongoErrors.run("visitor insert", CONSTRAINTS, () -> c.visitors.insertOne(VisitorMapper.toDocument(visitor)));
    }

    @Override
    public Optional<Visitor> findByToken(VisitorToken token) {
        return VisitorMapper.fromDocument(MongoErrors.call("visitor lookup",
                () -> c.visitors.find(Filters.eq("token", token.value())).projection(StoreCollections.READ).first()));
    }

    @Override
    public Optional<Visitor> findById(VisitorId id) {
        return VisitorMapper.fromDocument(MongoErrors.call("visitor lookup",
                () -> c.visitors.find(Filters.eq("_id", id.value())).projection(StoreCollections.READ).first()));
    }

    @Override
    public void update(Visitor visitor) {
        MongoErrors.run("visitor update", CONSTRAINTS, () -> c.visitors.updateOne(
                Filters.eq("_id", visitor.id().value()), VisitorMapper.toUpdate(visitor)));
    }

    @Override
    public long nextGuestNumber() {
        for (int attempt = 1; ; attempt++) {
            try {
                // The document as it was before the increment, plus one: mongo-java-server can answer a concurrent
                // findAndModify with another caller's later state when asked for the document after the update.
                Document before = c.settings.findOneAndUpdate(Filters.eq("_id", GUEST_COUNTER),
                        Updates.inc("value", 1),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
                if (before == null) {
                    return 1; // this call created the counter with value 1
                }
                Long value = Bsons.longValue(before, "value");
                if (value == null) {
                    throw new IllegalStateException("the guest counter holds no number");
                }
                return value + 1;
            } catch (MongoException e) {
                if (!MongoErrors.isDuplicateKey(e) || attempt == COUNTER_ATTEMPTS) {
                    throw MongoErrors.translate("guest counter", Map.of(), e);
                }
            }
        }
    }

    @Override
    public void delete(VisitorId id) {
        MongoErrors.run("visitor delete", () -> c.visitors.deleteOne(Filters.eq("_id", id.value())));
    }

    @Override
    public void clearDepartment(DepartmentId department, Instant now) {
        // {department: 1}
        MongoErrors.run("visitor department clear", () -> c.visitors.updateMany(
                Filters.eq("department", department.value()),
                Updates.combine(Updates.unset("department"), Updates.set("_updatedAt", Bsons.date(now)))));
    }
}
