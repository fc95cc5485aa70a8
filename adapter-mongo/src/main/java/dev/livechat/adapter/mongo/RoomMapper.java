package dev.livechat.adapter.mongo;

import dev.livechat.domain.message.Message;
import dev.livechat.domain.room.ClosedBy;
import dev.livechat.domain.room.Closer;
import dev.livechat.domain.room.ResponseBy;
import dev.livechat.domain.room.RoomMetrics;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.room.RoomVisitor;
import dev.livechat.domain.room.ServedBy;
import dev.livechat.domain.room.SurveyFeedback;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.Ids;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import org.bson.Document;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps {@link RoomSnapshot} to and from Rocket.Chat's livechat room document ({@code rocketchat_room}, {@code t: "l"}).
 * Metrics durations are stored in seconds as Rocket.Chat does and read back as whole milliseconds. Updates set and
 * unset only the keys this project models, so Rocket.Chat's other keys ({@code departmentAncestors},
 * {@code customFields}, ...) survive.
 */
final class RoomMapper {

    /** Compare-and-set version; absent on documents Rocket.Chat wrote, which read as version 0. */
    static final String VERSION = "_lcVersion";
    /** The visitor token while the room is open, absent otherwise: the key of the open-room unique index. */
    static final String OPEN_TOKEN = "_lcOpenToken";

    /** Rocket.Chat rooms opened before {@code source} existed have none; they read as this. */
    static final RoomSource UNKNOWN_SOURCE = new RoomSource("other", null);

    private RoomMapper() {
    }

    /** The document of a newly inserted room: version 0 whatever the snapshot says. */
    static Document toDocument(RoomSnapshot room) {
        Document doc = new Document("_id", room.id().value());
        doc.putAll(fields(room));
        doc.put(VERSION, 0L);
        return doc;
    }

    /** {@code $set} and {@code $unset} for an update that stores {@code room} with version {@code version + 1}. */
    static Document toUpdate(RoomSnapshot room) {
        Document set = new Document();
        Document unset = new Document();
        Document all = fields(room);
        for (Map.Entry<String, Object> e : all.entrySet()) {
            switch (e.getKey()) {
                case "v" -> flatten("v", (Document) e.getValue(), set);
                case "metrics" -> flatten("metrics", (Document) e.getValue(), set);
                default -> set.append(e.getKey(), e.getValue());
            }
        }
        set.put(VERSION, room.version() + 1);
        for (String optional : new String[]{"departmentId", "open", "servedBy", "waitingResponse", "responseBy",
                "closedAt", "closer", "closedBy", "tags", "surveyFeedback", OPEN_TOKEN, "v.lastMessageTs"}) {
            if (!set.containsKey(optional)) {
                unset.append(optional, "");
            }
        }
        // Metrics leaf by leaf, never the whole object: Rocket.Chat's own measurements (visitorInactivity) stay.
        for (String leaf : new String[]{"metrics.v.lq", "metrics.servedBy.lr", "metrics.response.fd",
                "metrics.response.ft", "metrics.response.tt", "metrics.response.total", "metrics.response.avg",
                "metrics.reaction.fd", "metrics.reaction.ft", "metrics.reaction.tt", "metrics.chatDuration",
                "metrics.serviceTimeDuration"}) {
            if (!set.containsKey(leaf)) {
                unset.append(leaf, "");
            }
        }
        // lastMessage is never removed: the domain only lacks it before livechat-started, or when Rocket.Chat's
        // lastMessage is of a type this project does not model, which must not be erased.
        Document update = new Document("$set", set);
        if (!unset.isEmpty()) {
            update.append("$unset", unset);
        }
        return update;
    }

    private static void flatten(String prefix, Document doc, Document into) {
        for (Map.Entry<String, Object> e : doc.entrySet()) {
            String path = prefix + "." + e.getKey();
            if (e.getValue() instanceof Document sub) {
                flatten(path, sub, into);
            } else {
                into.append(path, e.getValue());
            }
        }
    }

    /** Every key of the room except {@code _id}, in the order of the contract's examples. */
    private static Document fields(RoomSnapshot room) {
        Document doc = new Document();
        doc.append("msgs", room.msgs())
                .append("usersCount", room.usersCount())
                .append("lm", Bsons.date(room.lm()))
                .append("fname", room.fname())
                .append("t", "l")
                .append("ts", Bsons.date(room.ts()));
        if (room.departmentId() != null) {
            doc.append("departmentId", room.departmentId().value());
        }
        RoomVisitor v = room.visitor();
        Document visitor = new Document("_id", v.id().value())
                .append("username", v.username())
                .append("token", v.token().value())
                .append("status", v.status());
        if (v.lastMessageTs() != null) {
            visitor.append("lastMessageTs", Bsons.date(v.lastMessageTs()));
        }
        doc.append("v", visitor);
        doc.append("cl", false);
        if (room.open()) {
            doc.append("open", true);
        }
        doc.append("_updatedAt", Bsons.date(room.updatedAt()));
        if (room.lastMessage() != null) {
            doc.append("lastMessage", MessageMapper.toDocument(room.lastMessage()));
        }
        if (!room.metrics().isEmpty()) {
            doc.append("metrics", metrics(room.metrics()));
        }
        if (room.servedBy() != null) {
            ServedBy s = room.servedBy();
            doc.append("servedBy", new Document("_id", s.id().value()).append("username", s.username())
                    .append("ts", Bsons.date(s.ts())));
        }
        if (room.waitingResponse()) {
            doc.append("waitingResponse", true);
        }
        if (room.responseBy() != null) {
            ResponseBy r = room.responseBy();
            doc.append("responseBy", new Document("_id", r.id().value()).append("username", r.username())
                    .append("firstResponseTs", Bsons.date(r.firstResponseTs()))
                    .append("lastMessageTs", Bsons.date(r.lastMessageTs())));
        }
        Document source = new Document("type", room.source().type());
        if (room.source().alias() != null) {
            source.append("alias", room.source().alias());
        }
        doc.append("source", source);
        if (room.closedAt() != null) {
            doc.append("closedAt", Bsons.date(room.closedAt()));
        }
        if (room.closer() != null) {
            doc.append("closer", room.closer().wireName());
        }
        if (room.closedBy() != null) {
            doc.append("closedBy", new Document("_id", room.closedBy().id())
                    .append("username", room.closedBy().username()));
        }
        if (!room.tags().isEmpty()) {
            doc.append("tags", room.tags());
        }
        if (room.surveyFeedback() != null) {
            doc.append("surveyFeedback", new Document(new LinkedHashMap<>(room.surveyFeedback().answers())));
        }
        doc.append(VERSION, room.version());
        if (room.open()) {
            doc.append(OPEN_TOKEN, v.token().value());
        }
        return doc;
    }

    private static Document metrics(RoomMetrics m) {
        Document doc = new Document();
        if (m.visitorLastQuery() != null) {
            doc.append("v", new Document("lq", Bsons.date(m.visitorLastQuery())));
        }
        Document response = new Document();
        if (m.responseAverageSeconds() != null) {
            response.append("avg", m.responseAverageSeconds());
        }
        putDate(response, "fd", m.responseFirstDate());
        putSeconds(response, "ft", m.responseFirstTimeMs());
        if (m.responseCount() != null) {
            response.append("total", m.responseCount());
        }
        putSeconds(response, "tt", m.responseTotalTimeMs());
        if (!response.isEmpty()) {
            doc.append("response", response);
        }
        Document reaction = new Document();
        putDate(reaction, "fd", m.reactionFirstDate());
        putSeconds(reaction, "ft", m.reactionFirstTimeMs());
        putSeconds(reaction, "tt", m.reactionTotalTimeMs());
        if (!reaction.isEmpty()) {
            doc.append("reaction", reaction);
        }
        if (m.agentLastReply() != null) {
            doc.append("servedBy", new Document("lr", Bsons.date(m.agentLastReply())));
        }
        putSeconds(doc, "chatDuration", m.chatDurationMs());
        putSeconds(doc, "serviceTimeDuration", m.serviceTimeDurationMs());
        return doc;
    }

    private static void putDate(Document doc, String key, Instant value) {
        if (value != null) {
            doc.append(key, Bsons.date(value));
        }
    }

    private static void putSeconds(Document doc, String key, Long millis) {
        if (millis != null) {
            doc.append(key, Bsons.seconds(millis));
        }
    }

    /**
     * The room a stored document describes. Rocket.Chat documents without this project's keys read as version 0; a
     * room without {@code source} reads as {@link #UNKNOWN_SOURCE}; a closed legacy room without close details reads
     * {@code closedAt} from {@code _updatedAt}, {@code closer} as {@code "user"} and {@code closedBy} as its agent (or
     * visitor).
     *
     * @throws IllegalStateException when the document lacks what every livechat room has ({@code v} with id,
     *                               username and token; {@code ts})
     */
    static RoomSnapshot fromDocument(Document doc) {
        String id = Bsons.string(doc, "_id");
        Document v = Bsons.document(doc, "v");
        Instant ts = Bsons.instant(doc, "ts");
        String visitorId = Bsons.string(v, "_id");
        String visitorUsername = Bsons.string(v, "username");
        String token = Bsons.string(v, "token");
        if (!Ids.isWellFormed(id) || !Ids.isWellFormed(visitorId) || visitorUsername == null
                || !VisitorToken.isAcceptable(token) || ts == null) {
            throw new IllegalStateException("livechat room " + (Ids.isWellFormed(id) ? id : "(malformed id)")
                    + " lacks its visitor or creation time");
        }
        Instant updatedAt = orElse(Bsons.instant(doc, "_updatedAt"), ts);
        Message lastMessage = MessageMapper.fromDocument(Bsons.document(doc, "lastMessage")).orElse(null);
        String status = Bsons.string(v, "status");
        boolean open = Bsons.bool(doc, "open", false);
        ServedBy servedBy = servedBy(Bsons.document(doc, "servedBy"), ts);
        RoomVisitor visitor = new RoomVisitor(new VisitorId(visitorId), visitorUsername, new VisitorToken(token),
                status != null ? status : (open ? RoomVisitor.ONLINE : RoomVisitor.OFFLINE),
                Bsons.instant(v, "lastMessageTs"));

        RoomSnapshot.Builder b = RoomSnapshot.builder()
                .id(new RoomId(id))
                .version(orElse(Bsons.longValue(doc, VERSION), 0L))
                .msgs(Math.max(0, Bsons.intValue(doc, "msgs", 0)))
                .usersCount(Math.max(1, Bsons.intValue(doc, "usersCount", 1)))
                .lm(orElse(Bsons.instant(doc, "lm"), ts))
                .fname(orElse(Bsons.string(doc, "fname"), visitorUsername))
                .ts(ts)
                .departmentId(DepartmentId.parse(Bsons.string(doc, "departmentId")).orElse(null))
                .visitor(visitor)
                .open(open)
                .updatedAt(updatedAt)
                .lastMessage(lastMessage)
                .metrics(metrics(Bsons.document(doc, "metrics")))
                .servedBy(servedBy)
                .waitingResponse(Bsons.bool(doc, "waitingResponse", false))
                .responseBy(responseBy(Bsons.document(doc, "responseBy")))
                .source(source(Bsons.document(doc, "source")))
                .tags(Bsons.strings(doc, "tags"))
                .surveyFeedback(surveyFeedback(Bsons.document(doc, "surveyFeedback")));
        if (!open) {
            Closer closer = closer(Bsons.string(doc, "closer"));
            b.closedAt(orElse(Bsons.instant(doc, "closedAt"), updatedAt))
                    .closer(closer)
                    .closedBy(closedBy(Bsons.document(doc, "closedBy"), closer, servedBy, visitor));
        }
        return b.build();
    }

    private static Closer closer(String wire) {
        return "visitor".equals(wire) ? Closer.VISITOR : Closer.USER;
    }

    private static ClosedBy closedBy(Document doc, Closer closer, ServedBy servedBy, RoomVisitor visitor) {
        String id = Bsons.string(doc, "_id");
        String username = Bsons.string(doc, "username");
        if (id != null && username != null) {
            return new ClosedBy(id, username);
        }
        if (closer == Closer.USER && servedBy != null) {
            return new ClosedBy(servedBy.id().value(), servedBy.username());
        }
        return new ClosedBy(visitor.id().value(), visitor.username());
    }

    private static ServedBy servedBy(Document doc, Instant roomTs) {
        String id = Bsons.string(doc, "_id");
        String username = Bsons.string(doc, "username");
        if (!Ids.isWellFormed(id) || username == null) {
            return null;
        }
        return new ServedBy(new UserId(id), username, orElse(Bsons.instant(doc, "ts"), roomTs));
    }

    /** Rocket.Chat 6.x writes {@code {_id, username, lastMessageTs}}: the turn's first response time is then unknown. */
    private static ResponseBy responseBy(Document doc) {
        String id = Bsons.string(doc, "_id");
        String username = Bsons.string(doc, "username");
        Instant last = Bsons.instant(doc, "lastMessageTs");
        Instant first = orElse(Bsons.instant(doc, "firstResponseTs"), last);
        if (!Ids.isWellFormed(id) || username == null || last == null) {
            return null;
        }
        return new ResponseBy(new UserId(id), username, first, last);
    }

    private static RoomSource source(Document doc) {
        String type = Bsons.string(doc, "type");
        return type == null ? UNKNOWN_SOURCE : new RoomSource(type, Bsons.string(doc, "alias"));
    }

    private static SurveyFeedback surveyFeedback(Document doc) {
        if (doc == null) {
            return null;
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : doc.entrySet()) {
            if (e.getValue() instanceof String s) {
                answers.put(e.getKey(), s);
            }
        }
        return new SurveyFeedback(answers);
    }

    static RoomMetrics metrics(Document doc) {
        if (doc == null) {
            return RoomMetrics.NONE;
        }
        Document response = Bsons.document(doc, "response");
        Document reaction = Bsons.document(doc, "reaction");
        Long total = Bsons.longValue(response, "total");
        return new RoomMetrics(
                Bsons.instant(Bsons.document(doc, "v"), "lq"),
                Bsons.instant(Bsons.document(doc, "servedBy"), "lr"),
                Bsons.instant(response, "fd"),
                Bsons.millisFromSeconds(response, "ft"),
                Bsons.millisFromSeconds(response, "tt"),
                total == null ? null : total.intValue(),
                Bsons.instant(reaction, "fd"),
                Bsons.millisFromSeconds(reaction, "ft"),
                Bsons.millisFromSeconds(reaction, "tt"),
                Bsons.millisFromSeconds(doc, "chatDuration"),
                Bsons.millisFromSeconds(doc, "serviceTimeDuration"));
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
