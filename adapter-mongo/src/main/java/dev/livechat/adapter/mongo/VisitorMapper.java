package dev.livechat.adapter.mongo;

import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.Ids;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.visitor.LastChat;
import dev.livechat.domain.visitor.Visitor;
import org.bson.Document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Maps {@link Visitor} to and from Rocket.Chat's {@code rocketchat_livechat_visitor} document. */
final class VisitorMapper {

    private VisitorMapper() {
    }

    static Document toDocument(Visitor visitor) {
        Document doc = new Document("_id", visitor.id().value());
        doc.putAll(fields(visitor));
        return doc;
    }

    /** Sets the modelled keys and removes the absent optional ones; Rocket.Chat's other keys stay. */
    static Document toUpdate(Visitor visitor) {
        Document set = fields(visitor);
        Document unset = new Document();
        for (String optional : new String[]{"name", "visitorEmails", "phone", "department", "lastChat"}) {
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

    private static Document fields(Visitor visitor) {
        Document doc = new Document("username", visitor.username())
                .append("ts", Bsons.date(visitor.ts()))
                .append("_updatedAt", Bsons.date(visitor.updatedAt()))
                .append("token", visitor.token().value())
                .append("status", visitor.status());
        visitor.name().ifPresent(name -> doc.append("name", name));
        visitor.email().ifPresent(email -> doc.append("visitorEmails", List.of(new Document("address", email))));
        visitor.phone().ifPresent(phone -> doc.append("phone", List.of(new Document("phoneNumber", phone))));
        visitor.department().ifPresent(d -> doc.append("department", d.value()));
        visitor.lastChat().ifPresent(chat -> doc.append("lastChat",
                new Document("_id", chat.id().value()).append("ts", Bsons.date(chat.ts()))));
        return doc;
    }

    /**
     * The visitor a stored document describes, or empty when it lacks an id, username or acceptable token. The first
     * entry of {@code visitorEmails} and {@code phone} is the visitor's email and phone.
     */
    static Optional<Visitor> fromDocument(Document doc) {
        if (doc == null) {
            return Optional.empty();
        }
        String id = Bsons.string(doc, "_id");
        String username = Bsons.string(doc, "username");
        String token = Bsons.string(doc, "token");
        if (!Ids.isWellFormed(id) || username == null || !VisitorToken.isAcceptable(token)) {
            return Optional.empty();
        }
        Instant ts = Bsons.instant(doc, "ts");
        Instant updatedAt = Bsons.instant(doc, "_updatedAt");
        if (ts == null) {
            ts = updatedAt != null ? updatedAt : Instant.EPOCH;
        }
        List<Document> emails = Bsons.documents(doc, "visitorEmails");
        List<Document> phones = Bsons.documents(doc, "phone");
        Document lastChat = Bsons.document(doc, "lastChat");
        LastChat chat = null;
        if (lastChat != null && Ids.isWellFormed(Bsons.string(lastChat, "_id")) && Bsons.instant(lastChat, "ts") != null) {
            chat = new LastChat(new RoomId(Bsons.string(lastChat, "_id")), Bsons.instant(lastChat, "ts"));
        }
        String status = Bsons.string(doc, "status");
        return Optional.of(Visitor.restore(new VisitorId(id), username, ts, updatedAt != null ? updatedAt : ts,
                new VisitorToken(token), status != null ? status : Visitor.ONLINE, Bsons.string(doc, "name"),
                emails.isEmpty() ? null : Bsons.string(emails.get(0), "address"),
                phones.isEmpty() ? null : Bsons.string(phones.get(0), "phoneNumber"),
                DepartmentId.parse(Bsons.string(doc, "department")).orElse(null), chat));
    }
}
