package dev.livechat.adapter.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates, at start-up, the indexes this adapter relies on, after filling this adapter's keys into documents that
 * Rocket.Chat wrote without them.
 *
 * <p>The uniqueness guarantees are unique indexes with names of this adapter's own. Where Rocket.Chat already keeps a
 * non-unique ascending index on the same field ({@code token}, {@code rid}, {@code name}, ...), the unique index is
 * declared descending: MongoDB refuses two indexes with one key pattern and different options, and the direction
 * does not change what "unique" means. The open-room guarantee is a unique <em>sparse</em> index on
 * {@code _lcOpenToken}, which a room carries only while open; a partial index on {@code v.token} would express the
 * same, but mongo-java-server ignores {@code partialFilterExpression}.
 */
final class MongoSchema {

    static final String OPEN_ROOM_INDEX = "livechat_open_room_per_visitor_token";
    static final String VISITOR_TOKEN_INDEX = "livechat_visitor_token_unique";
    static final String USERNAME_INDEX = "livechat_username_ci_unique";
    static final String USER_EMAIL_INDEX = "livechat_user_email_ci_unique";
    static final String INQUIRY_ROOM_INDEX = "livechat_inquiry_per_room_unique";
    static final String DEPARTMENT_NAME_INDEX = "livechat_department_name_unique";
    static final String DEPARTMENT_AGENT_INDEX = "livechat_department_agent_unique";
    /** Rocket.Chat's own unique indexes on users, which can also refuse a write. */
    static final String RC_USERNAME_INDEX = "username_1";
    static final String RC_USER_EMAIL_INDEX = "emails.address_1";

    /** Server error codes for "an index with this name or key pattern exists with other options". */
    private static final List<Integer> INDEX_CONFLICT_CODES = List.of(85, 86);

    private MongoSchema() {
    }

    private static final System.Logger LOG = System.getLogger(MongoSchema.class.getName());

    static void ensure(StoreCollections c) {
        MongoErrors.run("collection creation", c::ensureExist);
        unique(c.rooms, Indexes.ascending(RoomMapper.OPEN_TOKEN), OPEN_ROOM_INDEX, true);
        unique(c.visitors, Indexes.descending("token"), VISITOR_TOKEN_INDEX, false);
        unique(c.users, Indexes.ascending(UserMapper.USERNAME_LOWER), USERNAME_INDEX, true);
        unique(c.users, Indexes.ascending(UserMapper.EMAILS_LOWER), USER_EMAIL_INDEX, true);
        unique(c.inquiries, Indexes.descending("rid"), INQUIRY_ROOM_INDEX, false);
        unique(c.departments, Indexes.descending("name"), DEPARTMENT_NAME_INDEX, false);
        unique(c.departmentAgents, Indexes.descending("departmentId", "agentId"), DEPARTMENT_AGENT_INDEX, false);

        // chatHistory / searchChats / findOpenByVisitorId: rooms of a visitor
        lookup(c.rooms, Indexes.ascending("v._id"));
        // findOpenByVisitorToken
        lookup(c.rooms, Indexes.ascending("v.token"));
        // AgentRouting.findCandidates: open rooms per serving agent
        lookup(c.rooms, Indexes.ascending("servedBy._id"));
        // findByRoom, findVisitorVisible, searchChats' message scan
        lookup(c.messages, Indexes.ascending("rid", "ts"));
        // existsWithRole, findByRole, findCandidates
        lookup(c.users, Indexes.ascending("roles"));
        // isAgentOf, findCandidates by department
        lookup(c.departmentAgents, Indexes.ascending("agentId"));
        // findQueued (inquiries.queued, the queue drain): queued inquiries oldest first
        lookup(c.inquiries, Indexes.ascending("status", "ts"));
        // InquiryRepository.clearDepartment, VisitorRepository.clearDepartment: a deleted department's documents
        lookup(c.inquiries, Indexes.ascending("department"));
        lookup(c.visitors, Indexes.ascending("department"));

        // After the unique indexes exist, so that the backfill itself is checked by them.
        backfillOpenRoomTokens(c);
        backfillUserKeys(c);
    }

    private static void unique(MongoCollection<Document> collection, Bson keys, String name, boolean sparse) {
        MongoErrors.run("index creation " + name, () -> collection.createIndex(keys,
                new IndexOptions().name(name).unique(true).sparse(sparse)));
    }

    /** A query index; one Rocket.Chat already keeps on the same keys with other options serves as well. */
    private static void lookup(MongoCollection<Document> collection, Bson keys) {
        MongoErrors.run("index creation", () -> {
            try {
                collection.createIndex(keys);
            } catch (MongoCommandException e) {
                if (!INDEX_CONFLICT_CODES.contains(e.getErrorCode())) {
                    throw e;
                }
            }
        });
    }

    /** Open livechat rooms Rocket.Chat opened get the open-token key, so the unique index covers them. */
    private static void backfillOpenRoomTokens(StoreCollections c) {
        List<Document> rooms = MongoErrors.call("open room backfill", () -> c.rooms
                .find(Filters.and(Filters.eq("t", "l"), Filters.eq("open", true),
                        Filters.exists(RoomMapper.OPEN_TOKEN, false), Filters.exists("v.token")))
                .projection(Projections.include("v.token"))
                .sort(Sorts.ascending("ts", "_id"))
                .into(new ArrayList<>()));
        for (Document room : rooms) {
            String token = Bsons.string(Bsons.document(room, "v"), "token");
            try {
                MongoErrors.run("open room backfill", MongoRoomRepository.CONSTRAINTS, () -> c.rooms.updateOne(
                        Filters.and(Filters.eq("_id", room.get("_id")), Filters.eq("open", true)),
                        Updates.set(RoomMapper.OPEN_TOKEN, token)));
            } catch (UniqueConstraintViolation e) {
                // Rocket.Chat's check-then-insert left two open rooms for one token: the older keeps the key.
                LOG.log(System.Logger.Level.WARNING, "open livechat room {0} shares its visitor token with another "
                        + "open room; it is left outside the open-room index", room.get("_id"));
            }
        }
    }

    /** Users Rocket.Chat created get the lower-cased username and email keys of the case-insensitive indexes. */
    private static void backfillUserKeys(StoreCollections c) {
        List<Document> users = MongoErrors.call("user backfill", () -> c.users
                .find(Filters.and(Filters.exists(UserMapper.USERNAME_LOWER, false), Filters.exists("username")))
                .projection(Projections.include("username", "emails"))
                .into(new ArrayList<>()));
        for (Document user : users) {
            if (Bsons.string(user, "username") == null) {
                continue;
            }
            try {
                MongoErrors.run("user backfill", MongoUserRepository.CONSTRAINTS, () -> c.users.updateOne(
                        Filters.eq("_id", user.get("_id")), new Document("$set", UserMapper.lowerCaseKeys(user))));
            } catch (UniqueConstraintViolation e) {
                LOG.log(System.Logger.Level.WARNING, "user {0} has a username or email that differs from another "
                        + "user's only in case; it is left outside the case-insensitive indexes", user.get("_id"));
            }
        }
    }
}
