package dev.livechat.application.port.out;

import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.inquiry.InquirySortField;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.InquiryId;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.SortKey;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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

    /**
     * Takes a queued inquiry. Atomic: the inquiry switches from {@code queued} to {@code taken} ({@code takenAt} and
     * {@code _updatedAt} = {@code takenAt}, {@code queuedAt} removed) only if it is queued at that moment, so of
     * concurrent callers exactly one gets it, also across server instances.
     *
     * @return the inquiry as taken, or empty when it does not exist or is not queued (another caller took it)
     */
    Optional<Inquiry> takeIfQueued(InquiryId id, Instant takenAt);

    /**
     * Queued inquiries that {@code filter} lets through, sorted by {@code sort} then id ascending, paged; the total
     * counts every match.
     */
    Page<Inquiry> findQueued(QueueFilter filter, List<SortKey<InquirySortField>> sort, int offset, int count);

    /** Removes the department from every inquiry of it (the department was deleted); {@code _updatedAt} = {@code now}. */
    void clearDepartment(DepartmentId department, Instant now);

    /**
     * Which queued inquiries to list.
     *
     * @param withoutDepartment include inquiries that have no department
     * @param departments       include inquiries of these departments
     */
    record QueueFilter(boolean withoutDepartment, Set<DepartmentId> departments) {

        public QueueFilter {
            departments = Set.copyOf(Objects.requireNonNull(departments, "departments"));
        }
    }
}
