package dev.livechat.adapter.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.department.DepartmentAgent;
import dev.livechat.domain.department.DepartmentSortField;
import dev.livechat.domain.message.SearchText;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.Ids;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.shared.UserId;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    @Override
    public void update(Department d) {
        Document set = new Document("enabled", d.enabled())
                .append("name", d.name())
                .append("showOnRegistration", d.showOnRegistration())
                .append("showOnOfflineForm", d.showOnOfflineForm())
                .append("email", d.email())
                .append("_updatedAt", Bsons.date(d.updatedAt()));
        Document update = new Document("$set", set);
        if (d.description() != null) {
            set.append("description", d.description());
        } else {
            update.append("$unset", new Document("description", ""));
        }
        MongoErrors.run("department update", CONSTRAINTS, () -> {
            if (c.departments.updateOne(Filters.eq("_id", d.id().value()), update).getMatchedCount() == 1) {
                // Rocket.Chat keeps the department's enabled flag on each link as well
                c.departmentAgents.updateMany(Filters.eq("departmentId", d.id().value()),
                        Updates.set("departmentEnabled", d.enabled()));
            }
        });
    }

    /** The links first, then the department: an interrupted delete leaves a department that can be deleted again. */
    @Override
    public void delete(DepartmentId id) {
        MongoErrors.run("department delete", () -> {
            c.departmentAgents.deleteMany(Filters.eq("departmentId", id.value()));
            c.departments.deleteOne(Filters.eq("_id", id.value()));
        });
    }

    /** The text filter is decided here with {@code SearchText} (literal, per-character folding), never as a regex. */
    @Override
    public Page<Department> find(String text, boolean enabledOnly, List<SortKey<DepartmentSortField>> sort, int offset,
                                 int count) {
        Bson filter = enabledOnly ? Filters.ne("enabled", false) : new Document();
        if (text != null) {
            Bson base = filter;
            List<Object> ids = MongoErrors.call("departments by name", () -> c.departments.find(base)
                    .projection(Projections.include("name"))
                    .into(new ArrayList<>()))
                    .stream()
                    .filter(doc -> Bsons.string(doc, "name") != null
                            && SearchText.containsIgnoreCase(Bsons.string(doc, "name"), text))
                    .map(doc -> doc.get("_id"))
                    .toList();
            filter = Filters.and(base, Filters.in("_id", ids));
        }
        List<String> fields = sort.stream().map(k -> k.field().wireName()).toList();
        List<Boolean> ascending = sort.stream().map(SortKey::ascending).toList();
        return Paging.page("departments", c.departments, filter, Paging.sort(fields, ascending), offset, count,
                MongoDepartmentRepository::fromDocument);
    }

    @Override
    public List<DepartmentAgent> findAgents(DepartmentId id) {
        // livechat_department_agent_unique (departmentId prefix)
        List<Document> links = MongoErrors.call("department agents", () -> c.departmentAgents
                .find(Filters.eq("departmentId", id.value()))
                .sort(Sorts.ascending("username", "agentId"))
                .into(new ArrayList<>()));
        List<DepartmentAgent> agents = new ArrayList<>();
        for (Document link : links) {
            String linkId = Bsons.string(link, "_id");
            String agentId = Bsons.string(link, "agentId");
            String username = Bsons.string(link, "username");
            if (linkId != null && Ids.isWellFormed(agentId) && username != null) {
                agents.add(new DepartmentAgent(linkId, id, new UserId(agentId), username,
                        Bsons.intValue(link, "count", 0), Bsons.intValue(link, "order", 0)));
            }
        }
        return agents;
    }

    /**
     * Deletes the links of agents not listed, upserts the listed ones (a new link gets a Meteor id), then sets
     * {@code numAgents} to the number of links: each step is a single-document or single-collection write.
     */
    @Override
    public void replaceAgents(DepartmentId id, List<AgentLink> links) {
        Map<UserId, AgentLink> wanted = new LinkedHashMap<>();
        links.forEach(link -> wanted.putIfAbsent(link.agentId(), link));
        MongoErrors.run("department agents replace", () -> {
            Document department = c.departments.find(Filters.eq("_id", id.value()))
                    .projection(Projections.include("enabled")).first();
            boolean enabled = department != null && Bsons.bool(department, "enabled", true);
            List<String> keep = wanted.keySet().stream().map(UserId::value).toList();
            c.departmentAgents.deleteMany(Filters.and(Filters.eq("departmentId", id.value()),
                    Filters.nin("agentId", keep)));
            for (AgentLink link : wanted.values()) {
                Bson key = Filters.and(Filters.eq("departmentId", id.value()),
                        Filters.eq("agentId", link.agentId().value()));
                Bson changes = Updates.combine(
                        Updates.setOnInsert("_id", MeteorIds.newId()),
                        Updates.set("departmentEnabled", enabled),
                        Updates.set("username", link.username()),
                        Updates.set("count", link.count()),
                        Updates.set("order", link.order()));
                try {
                    c.departmentAgents.updateOne(key, changes, new UpdateOptions().upsert(true));
                } catch (MongoException e) {
                    if (!MongoErrors.isDuplicateKey(e)) {
                        throw e;
                    }
                    // a concurrent upsert created the link first: update it
                    c.departmentAgents.updateOne(key, Updates.combine(
                            Updates.set("username", link.username()),
                            Updates.set("count", link.count()),
                            Updates.set("order", link.order())));
                }
            }
            long numAgents = c.departmentAgents.countDocuments(Filters.eq("departmentId", id.value()));
            c.departments.updateOne(Filters.eq("_id", id.value()), Updates.set("numAgents", (int) numAgents));
        });
    }

    /** Counted from the links themselves, not from {@code numAgents}, which another writer may have left stale. */
    @Override
    public Map<DepartmentId, Integer> countAgents(Collection<DepartmentId> ids) {
        Map<DepartmentId, Integer> counts = new HashMap<>();
        ids.forEach(id -> counts.put(id, 0));
        if (counts.isEmpty()) {
            return Map.of();
        }
        List<String> wanted = counts.keySet().stream().map(DepartmentId::value).toList();
        MongoErrors.run("department agent counts", () -> c.departmentAgents.aggregate(List.of(
                        Aggregates.match(Filters.in("departmentId", wanted)),
                        Aggregates.group("$departmentId", Accumulators.sum("links", 1))))
                .forEach(group -> DepartmentId.parse(Bsons.string(group, "_id"))
                        .ifPresent(id -> counts.put(id, Bsons.intValue(group, "links", 0)))));
        return Map.copyOf(counts);
    }

    @Override
    public List<DepartmentId> findDepartmentsOfAgent(UserId agentId) {
        // {agentId: 1}
        return MongoErrors.call("departments of an agent", () -> c.departmentAgents
                .find(Filters.eq("agentId", agentId.value()))
                .projection(Projections.include("departmentId"))
                .map(link -> Bsons.string(link, "departmentId"))
                .into(new ArrayList<>()))
                .stream()
                .map(DepartmentId::parse)
                .flatMap(Optional::stream)
                .toList();
    }

    /** Rocket.Chat departments without {@code email} read with an empty one. */
    static Optional<Department> fromDocument(Document doc) {
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
