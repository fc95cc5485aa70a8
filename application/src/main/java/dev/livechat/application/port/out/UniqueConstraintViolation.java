package dev.livechat.application.port.out;

import java.util.Objects;

/**
 * A write refused by one of the store's uniqueness guarantees. Adapters translate their driver's duplicate-key error
 * into this, naming the guarantee; it never reaches a client as such.
 */
public final class UniqueConstraintViolation extends RuntimeException {

    /** The uniqueness guarantees the contract relies on (contract 7, start-up). */
    public enum Constraint {
        /** At most one open room per visitor token (contract 6.4). */
        OPEN_ROOM_PER_VISITOR,
        MESSAGE_ID,
        VISITOR_TOKEN,
        /** Case-insensitive. */
        USERNAME,
        /** Case-insensitive. */
        USER_EMAIL,
        INQUIRY_PER_ROOM,
        DEPARTMENT_NAME
    }

    private final Constraint constraint;

    public UniqueConstraintViolation(Constraint constraint) {
        super("unique constraint violated: " + constraint, null, false, false);
        this.constraint = Objects.requireNonNull(constraint);
    }

    public Constraint constraint() {
        return constraint;
    }
}
