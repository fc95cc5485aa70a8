package dev.livechat.adapter.mongo;

import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageAuthor;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.message.TransferData;
import dev.livechat.domain.shared.Ids;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.VisitorToken;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps {@link Message} to and from Rocket.Chat's {@code rocketchat_message} document (also embedded as {@code lastMessage}). */
final class MessageMapper {

    private MessageMapper() {
    }

    static Document toDocument(Message m) {
        Document doc = new Document("_id", m.id().value()).append("rid", m.rid().value()).append("msg", m.msg());
        if (m.type().isSystem()) {
            doc.append("t", m.type().wireName()).append("groupable", false);
        }
        if (m.type() == MessageType.LIVECHAT_CLOSE) {
            doc.append("transcriptRequested", false);
        }
        if (m.visitorToken() != null) {
            doc.append("token", m.visitorToken().value());
        }
        if (m.alias() != null) {
            doc.append("alias", m.alias());
        }
        doc.append("ts", Bsons.date(m.ts()));
        Document author = new Document("_id", m.author().id()).append("username", m.author().username());
        if (m.author().name() != null) {
            author.append("name", m.author().name());
        }
        doc.append("u", author);
        doc.append("_updatedAt", Bsons.date(m.ts()));
        if (m.transferData() != null) {
            doc.append("transferData", transferData(m.transferData()));
        }
        if (m.type() == MessageType.TEXT) {
            doc.append("urls", List.of()).append("mentions", List.of()).append("channels", List.of());
            doc.append("md", markdown(m));
        }
        return doc;
    }

    /** The plain-paragraph {@code md} of contract 2.3: one PARAGRAPH per line, an empty line an empty paragraph. */
    private static List<Document> markdown(Message m) {
        List<Document> paragraphs = new ArrayList<>();
        for (String line : m.paragraphs()) {
            List<Document> value = line.isEmpty()
                    ? List.of()
                    : List.of(new Document("type", "PLAIN_TEXT").append("value", line));
            paragraphs.add(new Document("type", "PARAGRAPH").append("value", value));
        }
        return paragraphs;
    }

    private static Document transferData(TransferData t) {
        Document doc = new Document("transferredBy", party(t.transferredBy()))
                .append("ts", Bsons.date(t.ts()))
                .append("scope", t.scope());
        if (t.comment() != null) {
            doc.append("comment", t.comment());
        }
        if (t.previousDepartment() != null) {
            doc.append("previousDepartment", t.previousDepartment());
        }
        if (t.nextDepartment() != null) {
            doc.append("nextDepartment", new Document("_id", t.nextDepartment().id())
                    .append("name", t.nextDepartment().name()));
        }
        if (t.transferredTo() != null) {
            doc.append("transferredTo", party(t.transferredTo()));
        }
        return doc;
    }

    private static Document party(TransferData.Party p) {
        Document doc = new Document("_id", p.id()).append("username", p.username());
        if (p.name() != null) {
            doc.append("name", p.name());
        }
        if (p.type() != null) {
            doc.append("type", p.type());
        }
        return doc;
    }

    /**
     * The message, or empty when the document is not one this project models (a Rocket.Chat message type it does not
     * know, such as {@code livechat_navigation_history}, or an id outside the id pattern).
     */
    static Optional<Message> fromDocument(Document doc) {
        if (doc == null) {
            return Optional.empty();
        }
        Optional<MessageType> type = MessageType.fromWireName(Bsons.string(doc, "t"));
        String id = Bsons.string(doc, "_id");
        String rid = Bsons.string(doc, "rid");
        Document u = Bsons.document(doc, "u");
        if (type.isEmpty() || !Ids.isWellFormed(id) || !Ids.isWellFormed(rid) || u == null
                || Bsons.string(u, "_id") == null || Bsons.string(u, "username") == null
                || Bsons.instant(doc, "ts") == null) {
            return Optional.empty();
        }
        TransferData transfer = transferData(Bsons.document(doc, "transferData"));
        if (type.get() == MessageType.TRANSFER_HISTORY && transfer == null) {
            return Optional.empty();
        }
        String msg = Bsons.string(doc, "msg");
        MessageAuthor author = new MessageAuthor(Bsons.string(u, "_id"), Bsons.string(u, "username"),
                Bsons.string(u, "name"));
        VisitorToken token = VisitorToken.parse(Bsons.string(doc, "token")).orElse(null);
        return Optional.of(new Message(new MessageId(id), new RoomId(rid), msg == null ? "" : msg, type.get(),
                Bsons.instant(doc, "ts"), author, token, Bsons.string(doc, "alias"), transfer));
    }

    private static TransferData transferData(Document doc) {
        if (doc == null) {
            return null;
        }
        TransferData.Party by = party(Bsons.document(doc, "transferredBy"));
        if (by == null || Bsons.instant(doc, "ts") == null || Bsons.string(doc, "scope") == null) {
            return null;
        }
        Document next = Bsons.document(doc, "nextDepartment");
        TransferData.NextDepartment nextDepartment = next == null ? null
                : new TransferData.NextDepartment(Bsons.string(next, "_id"), Bsons.string(next, "name"));
        return new TransferData(by, Bsons.instant(doc, "ts"), Bsons.string(doc, "scope"), Bsons.string(doc, "comment"),
                Bsons.string(doc, "previousDepartment"), nextDepartment, party(Bsons.document(doc, "transferredTo")));
    }

    private static TransferData.Party party(Document doc) {
        if (doc == null) {
            return null;
        }
        return new TransferData.Party(Bsons.string(doc, "_id"), Bsons.string(doc, "username"),
                Bsons.string(doc, "name"), Bsons.string(doc, "type"));
    }
}
