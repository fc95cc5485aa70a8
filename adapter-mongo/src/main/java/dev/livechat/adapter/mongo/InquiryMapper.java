package dev.livechat.adapter.mongo;

import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.inquiry.InquiryStatus;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.room.RoomVisitor;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.Ids;
import dev.livechat.domain.shared.InquiryId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import org.bson.Document;

import java.time.Instant;
import java.util.Optional;

/** Maps {@link Inquiry} to and from Rocket.Chat's {@code rocketchat_livechat_inquiry} document. */
final class InquiryMapper {

    private InquiryMapper() {
    }

    static Document toDocument(Inquiry inquiry) {
        Document doc = new Document("_id", inquiry.id().value());
        doc.putAll(fields(inquiry));
        return doc;
    }

    static Document toUpdate(Inquiry inquiry) {
        Document set = new Document();
        for (var e : fields(inquiry).entrySet()) {
            if (e.getValue() instanceof Document v && e.getKey().equals("v")) {
                v.forEach((key, value) -> set.append("v." + key, value));
            } else {
                set.append(e.getKey(), e.getValue());
            }
        }
        Document unset = new Document();
        for (String optional : new String[]{"department", "queuedAt", "takenAt", "v.lastMessageTs"}) {
            if (!set.containsKey(optional)) {
                unset.append(optional, "");
            }
        }
        Document update = new Document("$set", set);
        if (!unset.isEmpty()) {
            update.append("$unset", unset);
        }
        return update;
    }

    private static Document fields(Inquiry inquiry) {
        RoomVisitor v = inquiry.visitor();
        Document visitor = new Document("_id", v.id().value())
                .append("username", v.username())
                .append("token", v.token().value())
                .append("status", v.status());
        if (v.lastMessageTs() != null) {
            visitor.append("lastMessageTs", Bsons.date(v.lastMessageTs()));
        }
        Document doc = new Document("rid", inquiry.rid().value())
                .append("name", inquiry.name())
                .append("ts", Bsons.date(inquiry.ts()))
                .append("message", "")
                .append("status", inquiry.status().wireName())
                .append("v", visitor)
                .append("t", "l");
        if (inquiry.department() != null) {
            doc.append("department", inquiry.department().value());
        }
        if (inquiry.queuedAt() != null) {
            doc.append("queuedAt", Bsons.date(inquiry.queuedAt()));
        }
        if (inquiry.takenAt() != null) {
            doc.append("takenAt", Bsons.date(inquiry.takenAt()));
        }
        Document source = new Document("type", inquiry.source().type());
        if (inquiry.source().alias() != null) {
            source.append("alias", inquiry.source().alias());
        }
        doc.append("source", source).append("_updatedAt", Bsons.date(inquiry.updatedAt()));
        return doc;
    }

    /**
     * The inquiry a stored document describes, or empty when it is not one this project models (Rocket.Chat's
     * {@code ready} status, no visitor token). A queued inquiry without {@code queuedAt} reads it from {@code ts}.
     */
    static Optional<Inquiry> fromDocument(Document doc) {
        if (doc == null) {
            return Optional.empty();
        }
        String id = Bsons.string(doc, "_id");
        String rid = Bsons.string(doc, "rid");
        Document v = Bsons.document(doc, "v");
        String status = Bsons.string(doc, "status");
        Instant ts = Bsons.instant(doc, "ts");
        if (!Ids.isWellFormed(id) || !Ids.isWellFormed(rid) || v == null || !Ids.isWellFormed(Bsons.string(v, "_id"))
                || Bsons.string(v, "username") == null || !VisitorToken.isAcceptable(Bsons.string(v, "token"))
                || ts == null || !("queued".equals(status) || "taken".equals(status))) {
            return Optional.empty();
        }
        InquiryStatus inquiryStatus = InquiryStatus.fromWireName(status);
        Instant queuedAt = null;
        Instant takenAt = null;
        if (inquiryStatus == InquiryStatus.QUEUED) {
            queuedAt = Bsons.instant(doc, "queuedAt") != null ? Bsons.instant(doc, "queuedAt") : ts;
        } else {
            takenAt = Bsons.instant(doc, "takenAt") != null ? Bsons.instant(doc, "takenAt") : ts;
        }
        String visitorStatus = Bsons.string(v, "status");
        RoomVisitor visitor = new RoomVisitor(new VisitorId(Bsons.string(v, "_id")), Bsons.string(v, "username"),
                new VisitorToken(Bsons.string(v, "token")), visitorStatus != null ? visitorStatus : RoomVisitor.ONLINE,
                Bsons.instant(v, "lastMessageTs"));
        Document source = Bsons.document(doc, "source");
        RoomSource roomSource = Bsons.string(source, "type") == null ? RoomMapper.UNKNOWN_SOURCE
                : new RoomSource(Bsons.string(source, "type"), Bsons.string(source, "alias"));
        String name = Bsons.string(doc, "name");
        Instant updatedAt = Bsons.instant(doc, "_updatedAt");
        return Optional.of(new Inquiry(new InquiryId(id), new RoomId(rid), name != null ? name : visitor.username(), ts,
                inquiryStatus, visitor, DepartmentId.parse(Bsons.string(doc, "department")).orElse(null), queuedAt,
                takenAt, roomSource, updatedAt != null ? updatedAt : ts));
    }
}
