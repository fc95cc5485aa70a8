package dev.livechat.domain.room;

import dev.livechat.domain.message.Message;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.RoomId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The complete state of a {@link Room}, immutable: what stores persist and what {@link Room#restore} rebuilds from.
 * The compact constructor checks the invariants every stored room satisfies.
 *
 * @param id room id
 * @param version optimistic-concurrency version, advanced by the store on every update
 * @param msgs number of stored messages of every kind
 * @param usersCount 1 at creation, +1 per assignment
 * @param lm ts of the last message that updated lastMessage
 * @param fname visitor name at creation, else username
 * @param ts creation time
 * @param departmentId department, or null
 * @param visitor {@code v}
 * @param open true while open
 * @param updatedAt {@code _updatedAt}
 * @param lastMessage snapshot of the last message that updates it; null only before livechat-started
 * @param metrics measurements; {@link RoomMetrics#NONE} when none
 * @param servedBy serving agent, or null
 * @param waitingResponse true while the visitor waits for an agent reply
 * @param responseBy who answered the current turn, or null
 * @param source {@code source}
 * @param closedAt close time, or null while open
 * @param closer who closed, or null while open
 * @param closedBy closing user or visitor, or null while open
 * @param tags close tags; empty when none
 * @param surveyFeedback the survey, or null
 */
public record RoomSnapshot(RoomId id,
                           long version,
                           int msgs,
                           int usersCount,
                           Instant lm,
                           String fname,
                           Instant ts,
                           DepartmentId departmentId,
                           RoomVisitor visitor,
                           boolean open,
                           Instant updatedAt,
                           Message lastMessage,
                           RoomMetrics metrics,
                           ServedBy servedBy,
                           boolean waitingResponse,
                           ResponseBy responseBy,
                           RoomSource source,
                           Instant closedAt,
                           Closer closer,
                           ClosedBy closedBy,
                           List<String> tags,
                           SurveyFeedback surveyFeedback) {

    public RoomSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lm, "lm");
        Objects.requireNonNull(fname, "fname");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(visitor, "visitor");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(source, "source");
        metrics = metrics == null ? RoomMetrics.NONE : metrics;
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (msgs < 0 || usersCount < 1) {
            throw new IllegalArgumentException("msgs must be >= 0 and usersCount >= 1");
        }
        if (open && (closedAt != null || closer != null || closedBy != null)) {
            throw new IllegalArgumentException("an open room has no close data");
        }
        if (!open && (closedAt == null || closer == null || closedBy == null)) {
            throw new IllegalArgumentException("a closed room has closedAt, closer and closedBy");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this snapshot's values, to derive a changed snapshot. */
    public Builder toBuilder() {
        return Builder.from(this);
    }

    /** Builds snapshots field by field (adapters' mappers and the aggregate's transitions use it). */
    public static final class Builder {
        private RoomId id;
        private long version;
        private int msgs;
        private int usersCount;
        private Instant lm;
        private String fname;
        private Instant ts;
        private DepartmentId departmentId;
        private RoomVisitor visitor;
        private boolean open;
        private Instant updatedAt;
        private Message lastMessage;
        private RoomMetrics metrics;
        private ServedBy servedBy;
        private boolean waitingResponse;
        private ResponseBy responseBy;
        private RoomSource source;
        private Instant closedAt;
        private Closer closer;
        private ClosedBy closedBy;
        private List<String> tags;
        private SurveyFeedback surveyFeedback;

        private Builder() {
        }

        static Builder from(RoomSnapshot s) {
            Builder b = new Builder();
            b.id = s.id;
            b.version = s.version;
            b.msgs = s.msgs;
            b.usersCount = s.usersCount;
            b.lm = s.lm;
            b.fname = s.fname;
            b.ts = s.ts;
            b.departmentId = s.departmentId;
            b.visitor = s.visitor;
            b.open = s.open;
            b.updatedAt = s.updatedAt;
            b.lastMessage = s.lastMessage;
            b.metrics = s.metrics;
            b.servedBy = s.servedBy;
            b.waitingResponse = s.waitingResponse;
            b.responseBy = s.responseBy;
            b.source = s.source;
            b.closedAt = s.closedAt;
            b.closer = s.closer;
            b.closedBy = s.closedBy;
            b.tags = s.tags;
            b.surveyFeedback = s.surveyFeedback;
            return b;
        }

        public Builder id(RoomId id) {
            this.id = id;
            return this;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public Builder msgs(int msgs) {
            this.msgs = msgs;
            return this;
        }

        public Builder usersCount(int usersCount) {
            this.usersCount = usersCount;
            return this;
        }

        public Builder lm(Instant lm) {
            this.lm = lm;
            return this;
        }

        public Builder fname(String fname) {
            this.fname = fname;
            return this;
        }

        public Builder ts(Instant ts) {
            this.ts = ts;
            return this;
        }

        public Builder departmentId(DepartmentId departmentId) {
            this.departmentId = departmentId;
            return this;
        }

        public Builder visitor(RoomVisitor visitor) {
            this.visitor = visitor;
            return this;
        }

        public Builder open(boolean open) {
            this.open = open;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder lastMessage(Message lastMessage) {
            this.lastMessage = lastMessage;
            return this;
        }

        public Builder metrics(RoomMetrics metrics) {
            this.metrics = metrics;
            return this;
        }

        public Builder servedBy(ServedBy servedBy) {
            this.servedBy = servedBy;
            return this;
        }

        public Builder waitingResponse(boolean waitingResponse) {
            this.waitingResponse = waitingResponse;
            return this;
        }

        public Builder responseBy(ResponseBy responseBy) {
            this.responseBy = responseBy;
            return this;
        }

        public Builder source(RoomSource source) {
            this.source = source;
            return this;
        }

        public Builder closedAt(Instant closedAt) {
            this.closedAt = closedAt;
            return this;
        }

        public Builder closer(Closer closer) {
            this.closer = closer;
            return this;
        }

        public Builder closedBy(ClosedBy closedBy) {
            this.closedBy = closedBy;
            return this;
        }

        public Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder surveyFeedback(SurveyFeedback surveyFeedback) {
            this.surveyFeedback = surveyFeedback;
            return this;
        }

        public RoomSnapshot build() {
            return new RoomSnapshot(id, version, msgs, usersCount, lm, fname, ts, departmentId, visitor, open, updatedAt, lastMessage, metrics, servedBy, waitingResponse, responseBy, source, closedAt, closer, closedBy, tags, surveyFeedback);
        }
    }
}
