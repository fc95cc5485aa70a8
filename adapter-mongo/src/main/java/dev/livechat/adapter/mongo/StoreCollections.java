package dev.livechat.adapter.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/** Rocket.Chat's collection names, plus the one collection of this adapter's own (the routing lease). */
final class StoreCollections {

    static final String ROOMS = "rocketchat_room";
    static final String MESSAGES = "rocketchat_message";
    static final String VISITORS = "rocketchat_livechat_visitor";
    static final String USERS = "users";
    static final String INQUIRIES = "rocketchat_livechat_inquiry";
    static final String DEPARTMENTS = "rocketchat_livechat_department";
    static final String DEPARTMENT_AGENTS = "rocketchat_livechat_department_agents";
    static final String SETTINGS = "rocketchat_settings";
    /** Not a Rocket.Chat collection: holds the routing lease document. */
    static final String LOCKS = "livechat_adapter_locks";

    /**
     * The projection of every whole-document read: Rocket.Chat keys the adapter never reads (custom fields, the login
     * tokens of an account). Having a projection at all also matters for the in-process test server: mongo-java-server
     * updates documents in place and, without a projection, encodes the live document after releasing its lock, so a
     * concurrent reader can receive a half-updated document (an old {@code msgs} with a new version would defeat the
     * compare-and-set); with a projection it copies the document while holding the lock.
     */
    static final org.bson.conversions.Bson READ = com.mongodb.client.model.Projections.exclude(
            "livechatData", "customFields", "services.resume");

    private final MongoDatabase db;

    final MongoCollection<Document> rooms;
    final MongoCollection<Document> messages;
    final MongoCollection<Document> visitors;
    final MongoCollection<Document> users;
    final MongoCollection<Document> inquiries;
    final MongoCollection<Document> departments;
    final MongoCollection<Document> departmentAgents;
    final MongoCollection<Document> settings;
    final MongoCollection<Document> locks;

    StoreCollections(MongoDatabase db) {
        this.db = db;
        rooms = db.getCollection(ROOMS);
        messages = db.getCollection(MESSAGES);
        visitors = db.getCollection(VISITORS);
        users = db.getCollection(USERS);
        inquiries = db.getCollection(INQUIRIES);
        departments = db.getCollection(DEPARTMENTS);
        departmentAgents = db.getCollection(DEPARTMENT_AGENTS);
        settings = db.getCollection(SETTINGS);
        locks = db.getCollection(LOCKS);
    }

    /**
     * Creates the collections that do not exist yet, so that start-up rather than the first (possibly concurrent)
     * writes creates them, and every collection the adapter reads exists even on an empty database.
     */
    void ensureExist() {
        java.util.Set<String> existing = db.listCollectionNames().into(new java.util.HashSet<>());
        for (String name : java.util.List.of(ROOMS, MESSAGES, VISITORS, USERS, INQUIRIES, DEPARTMENTS,
                DEPARTMENT_AGENTS, SETTINGS, LOCKS)) {
            if (!existing.contains(name)) {
                try {
                    db.createCollection(name);
                } catch (com.mongodb.MongoCommandException e) {
                    if (e.getErrorCode() != NAMESPACE_EXISTS) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Another instance created the collection between the listing and the creation. */
    private static final int NAMESPACE_EXISTS = 48;
}
