package dev.livechat.adapter.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.Ids;
import dev.livechat.domain.shared.UserId;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Departments in {@code rocketchat_livechat_department} (unique name index) and their agent links in
 * {@code rocketchat_livechat_department_agents} (unique per department and agent); {@code numAgents} counts the links
 * as Rocket.Chat keeps it.
 */
final class MongoDepartmentRepository implements DepartmentRepository {

    static final Map<String, Constraint> CONSTRAINTS = Map.of(MongoSchema.DEPARTMENT_NAME_INDEX, Constraint.DEPARTMENT_NAME);

    private final StoreCollections c;

    MongoDepartmentRepository(StoreCollections c) {
        this.c = c;
    }

    @Override
    public void insert(Department d) {
        Document doc = new Document("_id", d.id().value())
                .append("enabled", d.enabled())
                .append("name", d.name());
        if (d.description() != null) {
            doc.append("description", d.description());
        }
        doc.append("showOnRegistration", d.showOnRegistration())
                .append("showOnOfflineForm", d.showOnOfflineForm())
                .append("email", d.email())
                .append("numAgents", 0)
                .append("_updatedAt", Bsons.date(d.updatedAt()));
        MongoErrors.run("department insert", CONSTRAINTS, () -> c.departments.insertOne(doc));
    }

    @Override
    public Optional<Department> findById(DepartmentId id) {
        return fromDocument(MongoErrors.call("department lookup",
                () -> c.departments.find(Filters.eq("_id", id.value())).projection(StoreCollections.READ).first()));
    }

    @Override
    public Optional<Department> findByName(String name) {
        return fromDocument(MongoErrors.call("department lookup",
                () -> c.departments.find(Filters.eq("name", name)).projection(StoreCollections.READ).first()));
    }

    /** One upsert keyed by department and agent; only a newly created link counts into {@code numAgents}. */
    @Override
    public void addAgent(DepartmentId departmentId, UserId agentId, String username, int count, int order) {
        MongoErrors.run("department agent link", () -> {
            Document department = c.departments.find(Filters.eq("_id", departmentId.value()))
                    .projection(Projections.include("enabled")).first();
            boolean enabled = department != null && Bsons.bool(department, "enabled", true);
            UpdateResult result;
            try {
                result = c.departmentAgents.updateOne(
                        Filters.and(Filters.eq("departmentId", departmentId.value()),
                                Filters.eq("agentId", agentId.value())),
                        Updates.combine(
                                Updates.setOnInsert("_id", MeteorIds.newId()),
                                Updates.set("departmentEnabled", enabled),
                                Updates.set("username", username),
                                Updates.set("count", count),
                                Updates.set("order", order)),
                        new UpdateOptions().upsert(true));
            } catch (MongoException e) {
                if (MongoErrors.isDuplicateKey(e)) {
                    return; // a concurrent call created the same link: idempotent
                }
                throw e;
            }
            if (result.getUpsertedId() != null) {
                c.departments.updateOne(Filters.eq("_id", departmentId.value()), Updates.inc("numAgents", 1));
            }
        });
    }

    @Override
    public boolean isAgentOf(UserId agentId, DepartmentId departmentId) {
        return MongoErrors.call("department agent lookup", () -> c.departmentAgents
                .find(Filters.and(Filters.eq("departmentId", departmentId.value()), Filters.eq("agentId", agentId.value())))
                .projection(Projections.include("_id"))
                .first() != null);
    }

    /** Deletes the links one by one, so that each deleted link is taken off its department's {@code numAgents}. */
    @Override
    public void removeAgentFromAll(UserId agentId) {
        MongoErrors.run("department agent unlink", () -> {
            List<Document> links = c.departmentAgents.find(Filters.eq("agentId", agentId.value()))
                    .projection(Projections.include("departmentId"))
                    .into(new ArrayList<>());
            for (Document link : links) {
                if (c.departmentAgents.deleteOne(Filters.eq("_id", link.get("_id"))).getDeletedCount() == 1) {
                    c.departments.updateOne(Filters.and(Filters.eq("_id", Bsons.string(link, "departmentId")),
                            Filters.gt("numAgents", 0)), Updates.inc("numAgents", -1));
                }
            }
        });
    }

    /** Rocket.Chat departments without {@code email} read with an empty one. */
    private static Optional<Department> fromDocument(Document doc) {
        if (doc == null) {
            return Optional.empty();
        }
        String id = Bsons.string(doc, "_id");
        String name = Bsons.string(doc, "name");
        if (!Ids.isWellFormed(id) || name == null || name.isBlank()) {
            return Optional.empty();
        }
        String email = Bsons.string(doc, "email");
        java.time.Instant updatedAt = Bsons.instant(doc, "_updatedAt");
        return Optional.of(new Department(new DepartmentId(id), Bsons.bool(doc, "enabled", true), name,
                Bsons.string(doc, "description"), Bsons.bool(doc, "showOnRegistration", true),
                Bsons.bool(doc, "showOnOfflineForm", true), email == null ? "" : email,
                updatedAt != null ? updatedAt : java.time.Instant.EPOCH));
    }
}
