package dev.livechat.domain.inquiry;

import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.room.RoomVisitor;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.InquiryId;
import dev.livechat.domain.shared.RoomId;

import java.time.Instant;
import java.util.Objects;

/**
 * The queue entry of an open room (contract 2.4): {@code queued} until an agent serves the room, then {@code taken};
 * deleted when the room closes.
 *
 * @param id         inquiry id
 * @param rid        the room
 * @param name       the room's {@code fname}
 * @param ts         creation time
 * @param status     queued or taken
 * @param visitor    the room's visitor at creation
 * @param department the room's department, or null
 * @param queuedAt   when it last entered the queue; set while queued
 * @param takenAt    when it was last taken; set while taken
 * @param source     as the room
 * @param updatedAt  {@code _updatedAt}
 */
public record Inquiry(InquiryId id, RoomId rid, String name, Instant ts, InquiryStatus status, RoomVisitor visitor,
                      DepartmentId department, Instant queuedAt, Instant takenAt, RoomSource source,
                      Instant updatedAt) {

    public Inquiry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rid, "rid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(visitor, "visitor");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if ((status == InquiryStatus.QUEUED) != (queuedAt != null) || (status == InquiryStatus.TAKEN) != (takenAt != null)) {
            throw new IllegalArgumentException("queuedAt is set exactly while queued, takenAt exactly while taken");
        }
    }

    /** The queued inquiry of a newly opened room. */
    public static Inquiry queue(InquiryId id, RoomSnapshot room, Instant now) {
        return new Inquiry(id, room.id(), room.fname(), now, InquiryStatus.QUEUED, room.visitor(), room.departmentId(),
                now, null, room.source(), now);
    }

    /** Taken by an agent at {@code now}. */
    public Inquiry take(Instant now) {
        return new Inquiry(id, rid, name, ts, InquiryStatus.TAKEN, visitor, department, null, now, source, now);
    }

    /** Back in the queue at {@code now} (a forward to a department under Manual_Selection). */
    public Inquiry requeue(Instant now) {
        return new Inquiry(id, rid, name, ts, InquiryStatus.QUEUED, visitor, department, now, null, source, now);
    }

    /** The visitor re-registered with a new name. */
    public Inquiry renamed(String newName, Instant now) {
        return new Inquiry(id, rid, newName, ts, status, visitor, department, queuedAt, takenAt, source, now);
    }

    /** The room moved to another department. */
    public Inquiry inDepartment(DepartmentId newDepartment, Instant now) {
        return new Inquiry(id, rid, name, ts, status, visitor, newDepartment, queuedAt, takenAt, source, now);
    }
}
