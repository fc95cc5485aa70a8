package dev.livechat.adapter.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.livechat.application.port.out.MessageRepository;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Messages in {@code rocketchat_message}; ids are unique through the collection's {@code _id} index. Queries select
 * the message types this project models by {@code t} ({@code null} matches Rocket.Chat's text messages, which have
 * none), so Rocket.Chat's other types never disturb offsets and limits.
 */
final class MongoMessageRepository implements MessageRepository {

    static final Map<String, Constraint> CONSTRAINTS = Map.of("_id_", Constraint.MESSAGE_ID);

    private final StoreCollections c;

    MongoMessageRepository(StoreCollections c) {
        this.c = c;
    }

    static Bson typeIn(MessageType... types) {
        List<String> wire = new ArrayList<>();
        for (MessageType type : types) {
            wire.add(type.wireName());
        }
        return Filters.in("t", wire);
    }

    @Override
    public void insert(Message message) {
        MongoErrors.run("message insert", CONSTRAINTS, () -> c.messages.insertOne(MessageMapper.toDocument(message)));
    }

    @Override
    public Optional<Message> findById(MessageId id) {
        return MessageMapper.fromDocument(MongoErrors.call("message lookup",
                () -> c.messages.find(Filters.eq("_id", id.value())).projection(StoreCollections.READ).first()));
    }

    @Override
    public List<Message> findVisitorVisible(RoomId roomId, Instant before, int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("rid", roomId.value()),
                typeIn(MessageType.TEXT, MessageType.LIVECHAT_STARTED, MessageType.TRANSFER_HISTORY,
                        MessageType.LIVECHAT_CLOSE)));
        if (before != null) {
            filters.add(Filters.lt("ts", Bsons.date(before)));
        }
        return read("visitor messages", Filters.and(filters), Sorts.descending("ts", "_id"), offset, limit);
    }

    @Override
    public List<Message> findByRoom(RoomId roomId) {
        return read("room messages", Filters.and(Filters.eq("rid", roomId.value()), typeIn(MessageType.values())),
                Sorts.ascending("ts", "_id"), 0, 0);
    }

    private List<Message> read(String operation, Bson filter, Bson sort, int offset, int limit) {
        List<Document> docs = MongoErrors.call(operation, () -> c.messages.find(filter).projection(StoreCollections.READ).sort(sort)
                .skip(Math.max(0, offset)).limit(limit).into(new ArrayList<>()));
        return docs.stream().map(MessageMapper::fromDocument).flatMap(Optional::stream).toList();
    }

    /** Searchable messages (contract 3.2): text messages and the {@code livechat-close} message. */
    static Bson searchable() {
        return Filters.in("t", Arrays.asList(null, MessageType.LIVECHAT_CLOSE.wireName()));
    }

    @Override
    public void deleteByRoomId(RoomId roomId) {
        // {rid: 1, ts: 1}
        MongoErrors.run("message delete", () -> c.messages.deleteMany(Filters.eq("rid", roomId.value())));
    }
}
