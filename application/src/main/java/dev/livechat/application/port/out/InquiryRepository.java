package dev.livechat.application.port.out;

import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.shared.InquiryId;
import dev.livechat.domain.shared.RoomId;

import java.util.Optional;

/** Stores the queue entries of open rooms: at most one per room. */
public interface InquiryRepository {

    /**
     * @throws UniqueConstraintViolation {@code INQUIRY_PER_ROOM} when the room already has one
     */
    void insert(Inquiry inquiry);

    Optional<Inquiry> findById(InquiryId id);

    Optional<Inquiry> findByRoomId(RoomId roomId);

    /** Replaces the stored inquiry with the same id. */
    void update(Inquiry inquiry);

    /** Deletes the room's inquiry; nothing when absent. */
    void deleteByRoomId(RoomId roomId);
}
