package dev.livechat.adapter.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.result.UpdateResult;
import dev.livechat.application.port.out.ConcurrentUpdateException;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Livechat rooms in {@code rocketchat_room}. One open room per visitor token is the unique sparse index on
 * {@code _lcOpenToken}, a key the room document carries exactly while it is open; updates are compare-and-set on
 * {@code _lcVersion}, both in one single-document write.
 */
final class MongoRoomRepository implements RoomRepository {

    static final Map<String, Constraint> CONSTRAINTS = Map.of(MongoSchema.OPEN_ROOM_INDEX, Constraint.OPEN_ROOM_PER_VISITOR);

    private final StoreCollections c;

    MongoRoomRepository(StoreCollections c) {
        this.c = c;
    }

    static Bson livechat() {
        return Filters.eq("t", "l");
    }

    @Override
    public void insert(RoomSnapshot room) {
        MongoErrors.run("room insert", CONSTRAINTS, () -> c.rooms.insertOne(RoomMapper.toDocument(room)));
    }

    @Override
    public Optional<Room> findById(RoomId id) {
        Document doc = MongoErrors.call("room lookup",
                () -> c.rooms.find(Filters.and(Filters.eq("_id", id.value()), livechat())).projection(StoreCollections.READ).first());
        return Optional.ofNullable(doc).map(d -> Room.restore(RoomMapper.fromDocument(d)));
    }

    /** By {@code v.token} and {@code open} (not the index key), so that rooms Rocket.Chat opened are found too. */
    @Override
    public Optional<Room> findOpenByVisitorToken(VisitorToken token) {
        Document doc = MongoErrors.call("open room lookup", () -> c.rooms
                .find(Filters.and(livechat(), Filters.eq("open", true), Filters.eq("v.token", token.value()))).projection(StoreCollections.READ)
                .sort(Sorts.ascending("ts", "_id"))
                .first());
        return Optional.ofNullable(doc).map(d -> Room.restore(RoomMapper.fromDocument(d)));
    }

    @Override
    public List<Room> findOpenByVisitorId(VisitorId visitorId) {
        List<Document> docs = MongoErrors.call("open rooms lookup", () -> c.rooms
                .find(Filters.and(livechat(), Filters.eq("open", true), Filters.eq("v._id", visitorId.value()))).projection(StoreCollections.READ)
                .sort(Sorts.ascending("ts", "_id"))
                .into(new ArrayList<>()));
        return docs.stream().map(d -> Room.restore(RoomMapper.fromDocument(d))).toList();
    }

    @Override
    public void update(RoomSnapshot room) {
        UpdateResult result = MongoErrors.call("room update", CONSTRAINTS, () -> c.rooms.updateOne(
                Filters.and(Filters.eq("_id", room.id().value()), livechat(), versionIs(room.version())),
                RoomMapper.toUpdate(room)));
        if (result.getMatchedCount() == 0) {
            throw new ConcurrentUpdateException("room " + room.id().value());
        }
    }

    /** Version 0 also matches a document without the key (written by Rocket.Chat). */
    private static Bson versionIs(long version) {
        if (version == 0) {
            return Filters.in(RoomMapper.VERSION, Arrays.asList(0L, null));
        }
        return Filters.eq(RoomMapper.VERSION, version);
    }

    @Override
    public List<RoomId> findIdsByVisitorId(VisitorId visitorId) {
        // {v._id: 1}
        return MongoErrors.call("rooms of a visitor", () -> c.rooms
                .find(Filters.and(livechat(), Filters.eq("v._id", visitorId.value())))
                .projection(com.mongodb.client.model.Projections.include("_id"))
                .map(d -> Bsons.string(d, "_id"))
                .into(new ArrayList<>()))
                .stream()
                .filter(dev.livechat.domain.shared.Ids::isWellFormed)
                .map(RoomId::new)
                .toList();
    }

    @Override
    public void delete(RoomId id) {
        MongoErrors.run("room delete", () -> c.rooms.deleteOne(Filters.and(Filters.eq("_id", id.value()), livechat())));
    }
}
