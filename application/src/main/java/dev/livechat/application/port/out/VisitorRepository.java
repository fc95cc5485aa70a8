package dev.livechat.application.port.out;

import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.visitor.Visitor;

import java.time.Instant;
import java.util.Optional;

/** Stores visitors; tokens are unique, and the {@code guest-N} counter never repeats a number. */
public interface VisitorRepository {

    /**
     * @throws UniqueConstraintViolation {@code VISITOR_TOKEN} when a visitor with this token exists
     */
    void insert(Visitor visitor);

    Optional<Visitor> findByToken(VisitorToken token);

    Optional<Visitor> findById(VisitorId id);

    /** Replaces the stored visitor with the same id (last writer wins: visitor fields are not contended). */
    void update(Visitor visitor);

    /**
     * The next guest number. Atomic: concurrent callers get distinct numbers; the first is 1, numbers are never
     * reused (not even after a visitor is deleted), and n concurrent calls on a fresh store return exactly 1..n.
     */
    long nextGuestNumber();

    /** Deletes the visitor; its token is unknown afterwards. The guest counter is not touched. Nothing when absent. */
    void delete(VisitorId id);

    /**
     * Removes {@code department} from every visitor registered with it (the department was deleted); their
     * {@code _updatedAt} becomes {@code now}.
     */
    void clearDepartment(DepartmentId department, Instant now);
}
