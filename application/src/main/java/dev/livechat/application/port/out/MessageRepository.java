package dev.livechat.application.port.out;

import dev.livechat.domain.message.Message;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores the messages of rooms; message ids are unique across all rooms. */
public interface MessageRepository {

    /**
     * @throws UniqueConstraintViolation {@code MESSAGE_ID} when the id is already used
     */
    void insert(Message message);

    Optional<Message> findById(MessageId id);

    /**
     * The messages a visitor sees in {@code messages.history}: every type except {@code command}, {@code uj} and
     * {@code ul}; only {@code ts < before} when {@code before} is given; newest first (ties by id descending);
     * {@code offset} skipped; at most {@code limit}.
     */
    List<Message> findVisitorVisible(RoomId roomId, Instant before, int offset, int limit);

    /** All messages of the room, oldest first (ties by id ascending). */
    List<Message> findByRoom(RoomId roomId);

    /** Deletes every message of the room; nothing when there are none. */
    void deleteByRoomId(RoomId roomId);
}
