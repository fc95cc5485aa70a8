package dev.livechat.adapter.mongo;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import dev.livechat.application.port.out.AgentRouting;
import dev.livechat.domain.routing.AgentCandidate;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.Ids;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.AgentStatus;
import dev.livechat.domain.user.Role;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Auto_Selection's read model over Rocket.Chat's collections (agents in {@code users}, department links, open rooms
 * by {@code servedBy._id}, the last assignment in Rocket.Chat's own {@code users.lastRoutingTime}) and the routing
 * lock: a {@link RoutingLease} held until the current {@link MongoTransactionRunner} unit of work ends.
 */
final class MongoAgentRouting implements AgentRouting {

    static final String LAST_ROUTING_TIME = "lastRoutingTime";
    private static final Object ROUTING_LOCK = new Object();

    private final StoreCollections c;
    private final MongoTransactionRunner tx;
    private final RoutingLease lease;

    MongoAgentRouting(StoreCollections c, MongoTransactionRunner tx, RoutingLease lease) {
        this.c = c;
        this.tx = tx;
        this.lease = lease;
    }

    /**
     * @throws IllegalStateException outside {@link MongoTransactionRunner#inTransaction}: the lock is released when
     *                               the unit of work ends, so there must be one
     */
    @Override
    public void lockRouting() {
        MongoTransactionRunner.Unit unit = tx.currentUnit();
        if (unit == null) {
            throw new IllegalStateException("lockRouting() must run inside TransactionRunner.inTransaction");
        }
        if (unit.holds(ROUTING_LOCK)) {
            return;
        }
        unit.hold(ROUTING_LOCK, lease.acquire());
    }

    @Override
    public List<AgentCandidate> findCandidates(DepartmentId departmentOrNull, Instant now) {
        return MongoErrors.call("routing candidates", () -> {
            List<Bson> filters = new ArrayList<>(List.of(
                    Filters.eq("roles", Role.LIVECHAT_AGENT.wireName()),
                    Filters.eq("active", true),
                    Filters.eq("statusLivechat", AgentStatus.AVAILABLE.wireName())));
            if (departmentOrNull != null) {
                Document department = c.departments.find(Filters.eq("_id", departmentOrNull.value()))
                        .projection(Projections.include("enabled")).first();
                if (department == null || !Bsons.bool(department, "enabled", true)) {
                    return List.of();
                }
                List<String> members = c.departmentAgents.find(Filters.eq("departmentId", departmentOrNull.value()))
                        .projection(Projections.include("agentId"))
                        .map(link -> Bsons.string(link, "agentId"))
                        .into(new ArrayList<>());
                filters.add(Filters.in("_id", members));
            }
            List<Document> agents = c.users.find(Filters.and(filters))
                    .projection(Projections.include("username", LAST_ROUTING_TIME, MongoLoginTokenRepository.TOKENS))
                    .into(new ArrayList<>());
            List<Document> present = agents.stream()
                    .filter(a -> Ids.isWellFormed(Bsons.string(a, "_id")) && Bsons.string(a, "username") != null)
                    .filter(a -> MongoLoginTokenRepository.hasValidToken(a, now))
                    .toList();
            if (present.isEmpty()) {
                return List.of();
            }
            List<String> ids = present.stream().map(a -> Bsons.string(a, "_id")).toList();
            Map<String, Integer> openRooms = new HashMap<>();
            c.rooms.aggregate(List.of(
                            Aggregates.match(Filters.and(Filters.eq("t", "l"), Filters.eq("open", true),
                                    Filters.in("servedBy._id", ids))),
                            Aggregates.group("$servedBy._id", Accumulators.sum("rooms", 1))))
                    .forEach(g -> openRooms.put(Bsons.string(g, "_id"), Bsons.intValue(g, "rooms", 0)));
            return present.stream()
                    .map(a -> new AgentCandidate(new UserId(Bsons.string(a, "_id")), Bsons.string(a, "username"),
                            openRooms.getOrDefault(Bsons.string(a, "_id"), 0), Bsons.instant(a, LAST_ROUTING_TIME)))
                    .sorted(Comparator.comparing(AgentCandidate::username))
                    .toList();
        });
    }

    @Override
    public void recordAssignment(UserId agentId, Instant at) {
        MongoErrors.run("routing assignment", () -> c.users.updateOne(Filters.eq("_id", agentId.value()),
                Updates.set(LAST_ROUTING_TIME, Bsons.date(at))));
    }
}
