package dev.livechat.adapter.http.mapping;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livechat.adapter.http.json.JsonTime;
import dev.livechat.application.port.in.UserView;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.department.DepartmentAgent;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.inquiry.InquiryStatus;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageAuthor;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.message.TransferData;
import dev.livechat.domain.room.ResponseBy;
import dev.livechat.domain.room.RoomMetrics;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.room.RoomVisitor;
import dev.livechat.domain.room.ServedBy;
import dev.livechat.domain.room.SurveyFeedback;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.visitor.Visitor;

import java.util.Map;

/**
 * The wire shapes of contract section 2, built from domain objects with the key order of the contract's examples:
 * rooms, messages, visitors, users and inquiries. Absent values are absent keys, never {@code null}.
 */
public final class WireJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WireJson() {
    }

    /** The full room document (contract 2.2). */
    public static ObjectNode room(RoomSnapshot room, TokenVisibility tokens) {
        ObjectNode json = NODES.objectNode();
        json.put("_id", room.id().value());
        json.put("msgs", room.msgs());
        json.put("usersCount", room.usersCount());
        json.put("lm", JsonTime.iso(room.lm()));
        json.put("fname", room.fname());
        json.put("t", "l");
        json.put("ts", JsonTime.iso(room.ts()));
        if (room.departmentId() != null) {
            json.put("departmentId", room.departmentId().value());
        }
        json.set("v", roomVisitor(room.visitor(), tokens));
        json.put("cl", false);
        if (room.open()) {
            json.put("open", true);
        }
        json.put("_updatedAt", JsonTime.iso(room.updatedAt()));
        if (room.lastMessage() != null) {
            json.set("lastMessage", message(room.lastMessage(), tokens));
        }
        if (!room.metrics().isEmpty()) {
            json.set("metrics", metrics(room.metrics()));
        }
        if (room.servedBy() != null) {
            json.set("servedBy", servedBy(room.servedBy()));
        }
        if (room.waitingResponse()) {
            json.put("waitingResponse", true);
        }
        if (room.responseBy() != null) {
            json.set("responseBy", responseBy(room.responseBy()));
        }
        json.set("source", source(room.source()));
        putCloseData(json, room);
        if (!room.tags().isEmpty()) {
            json.set("tags", strings(room.tags()));
        }
        if (room.surveyFeedback() != null) {
            json.set("surveyFeedback", survey(room.surveyFeedback()));
        }
        return json;
    }

    /** The {@code searchChats} projection (contract 3.2 step 4), keys in this order when present. */
    public static ObjectNode roomSearchResult(RoomSnapshot room, TokenVisibility tokens) {
        ObjectNode json = NODES.objectNode();
        json.put("_id", room.id().value());
        json.put("fname", room.fname());
        json.put("ts", JsonTime.iso(room.ts()));
        json.set("v", roomVisitor(room.visitor(), tokens));
        json.put("msgs", room.msgs());
        if (room.servedBy() != null) {
            json.set("servedBy", servedBy(room.servedBy()));
        }
        if (room.closedAt() != null) {
            json.put("closedAt", JsonTime.iso(room.closedAt()));
            json.set("closedBy", closedBy(room));
            json.put("closer", room.closer().wireName());
        }
        if (!room.tags().isEmpty()) {
            json.set("tags", strings(room.tags()));
        }
        if (!room.open() && room.lastMessage() != null && room.lastMessage().type() == MessageType.LIVECHAT_CLOSE) {
            json.set("closingMessage", message(room.lastMessage(), tokens));
        }
        return json;
    }

    /** A message (contract 2.3); the visitor token only where {@code tokens} allows. */
    public static ObjectNode message(Message message, TokenVisibility tokens) {
        ObjectNode json = NODES.objectNode();
        json.put("_id", message.id().value());
        json.put("rid", message.rid().value());
        json.put("msg", message.msg());
        MessageType type = message.type();
        if (type.isSystem()) {
            json.put("t", type.wireName());
            json.put("groupable", false);
        }
        if (type == MessageType.LIVECHAT_CLOSE) {
            json.put("transcriptRequested", false);
        }
        if (tokens.shows(message.visitorToken())) {
            json.put("token", message.visitorToken().value());
        }
        if (message.alias() != null) {
            json.put("alias", message.alias());
        }
        if (message.transferData() != null) {
            json.set("transferData", transferData(message.transferData()));
        }
        json.put("ts", JsonTime.iso(message.ts()));
        json.set("u", author(message.author()));
        json.put("_updatedAt", JsonTime.iso(message.ts()));
        if (type == MessageType.TEXT) {
            json.set("urls", NODES.arrayNode());
            json.set("mentions", NODES.arrayNode());
            json.set("channels", NODES.arrayNode());
            json.set("md", markdown(message));
        }
        return json;
    }

    /** A visitor (contract 2.1); the token only where {@code tokens} allows. */
    public static ObjectNode visitor(Visitor visitor, TokenVisibility tokens) {
        ObjectNode json = NODES.objectNode();
        json.put("_id", visitor.id().value());
        json.put("username", visitor.username());
        json.put("ts", JsonTime.iso(visitor.ts()));
        json.put("_updatedAt", JsonTime.iso(visitor.updatedAt()));
        if (tokens.shows(visitor.token())) {
            json.put("token", visitor.token().value());
        }
        json.put("status", visitor.status());
        visitor.name().ifPresent(name -> json.put("name", name));
        visitor.email().ifPresent(email -> json.set("visitorEmails", NODES.arrayNode().add(NODES.objectNode().put("address", email))));
        visitor.phone().ifPresent(phone -> json.set("phone", NODES.arrayNode().add(NODES.objectNode().put("phoneNumber", phone))));
        visitor.department().ifPresent(department -> json.put("department", department.value()));
        visitor.lastChat().ifPresent(chat -> json.set("lastChat",
                NODES.objectNode().put("_id", chat.id().value()).put("ts", JsonTime.iso(chat.ts()))));
        return json;
    }

    /** The public form of a user (contract 2.6). */
    public static ObjectNode user(UserView user) {
        ObjectNode json = NODES.objectNode();
        json.put("_id", user.id().value());
        json.put("username", user.username());
        if (user.name() != null) {
            json.put("name", user.name());
        }
        if (user.email() != null) {
            json.set("emails", NODES.arrayNode().add(NODES.objectNode()
                    .put("address", user.email().address())
                    .put("verified", user.email().verified())));
        }
        json.put("status", user.status());
        if (user.statusLivechat() != null) {
            json.put("statusLivechat", user.statusLivechat().wireName());
        }
        json.put("active", user.active());
        ArrayNode roles = json.putArray("roles");
        for (Role role : user.roles()) {
            roles.add(role.wireName());
        }
        json.put("type", "user");
        json.put("createdAt", JsonTime.iso(user.createdAt()));
        json.put("_updatedAt", JsonTime.iso(user.updatedAt()));
        return json;
    }

    /** An inquiry (contract 2.4). */
    public static ObjectNode inquiry(Inquiry inquiry, TokenVisibility tokens) {
        ObjectNode json = NODES.objectNode();
        json.put("_id", inquiry.id().value());
        json.put("rid", inquiry.rid().value());
        json.put("name", inquiry.name());
        json.put("ts", JsonTime.iso(inquiry.ts()));
        json.put("message", "");
        json.put("status", inquiry.status().wireName());
        ObjectNode v = json.putObject("v");
        v.put("_id", inquiry.visitor().id().value());
        v.put("username", inquiry.visitor().username());
        if (tokens.shows(inquiry.visitor().token())) {
            v.put("token", inquiry.visitor().token().value());
        }
        v.put("status", inquiry.visitor().status());
        json.put("t", "l");
        if (inquiry.department() != null) {
            json.put("department", inquiry.department().value());
        }
        if (inquiry.status() == InquiryStatus.QUEUED) {
            json.put("queuedAt", JsonTime.iso(inquiry.queuedAt()));
        } else {
            json.put("takenAt", JsonTime.iso(inquiry.takenAt()));
        }
        json.set("source", source(inquiry.source()));
        json.put("_updatedAt", JsonTime.iso(inquiry.updatedAt()));
        return json;
    }

    /** A department (contract 2.5) with its number of agent links. */
    public static ObjectNode department(Department department, int numAgents) {
        ObjectNode json = NODES.objectNode();
        json.put("_id", department.id().value());
        json.put("enabled", department.enabled());
        json.put("name", department.name());
        if (department.description() != null) {
            json.put("description", department.description());
        }
        json.put("showOnRegistration", department.showOnRegistration());
        json.put("showOnOfflineForm", department.showOnOfflineForm());
        json.put("email", department.email());
        json.put("numAgents", numAgents);
        json.put("_updatedAt", JsonTime.iso(department.updatedAt()));
        return json;
    }

    /** A department agent link (contract 2.5); {@code departmentEnabled} is its department's {@code enabled}. */
    public static ObjectNode departmentAgent(DepartmentAgent link, boolean departmentEnabled) {
        return NODES.objectNode()
                .put("_id", link.id())
                .put("agentId", link.agentId().value())
                .put("departmentId", link.departmentId().value())
                .put("departmentEnabled", departmentEnabled)
                .put("username", link.username())
                .put("count", link.count())
                .put("order", link.order());
    }

    /** {@code surveyFeedback} and the {@code data} of a survey answer: name → value in stored order. */
    public static ObjectNode survey(SurveyFeedback feedback) {
        ObjectNode json = NODES.objectNode();
        for (Map.Entry<String, String> answer : feedback.answers().entrySet()) {
            json.put(answer.getKey(), answer.getValue());
        }
        return json;
    }

    private static ObjectNode roomVisitor(RoomVisitor visitor, TokenVisibility tokens) {
        ObjectNode json = NODES.objectNode();
        json.put("_id", visitor.id().value());
        json.put("username", visitor.username());
        if (tokens.shows(visitor.token())) {
            json.put("token", visitor.token().value());
        }
        json.put("status", visitor.status());
        if (visitor.lastMessageTs() != null) {
            json.put("lastMessageTs", JsonTime.iso(visitor.lastMessageTs()));
        }
        return json;
    }

    private static ObjectNode metrics(RoomMetrics metrics) {
        ObjectNode json = NODES.objectNode();
        if (metrics.visitorLastQuery() != null) {
            json.putObject("v").put("lq", JsonTime.iso(metrics.visitorLastQuery()));
        }
        if (metrics.responseCount() != null) {
            ObjectNode response = json.putObject("response");
            response.put("avg", metrics.responseAverageSeconds());
            response.put("total", metrics.responseCount());
            response.put("tt", JsonTime.seconds(metrics.responseTotalTimeMs()));
            response.put("fd", JsonTime.iso(metrics.responseFirstDate()));
            response.put("ft", JsonTime.seconds(metrics.responseFirstTimeMs()));
        }
        if (metrics.reactionFirstDate() != null) {
            ObjectNode reaction = json.putObject("reaction");
            reaction.put("tt", JsonTime.seconds(metrics.reactionTotalTimeMs()));
            reaction.put("fd", JsonTime.iso(metrics.reactionFirstDate()));
            reaction.put("ft", JsonTime.seconds(metrics.reactionFirstTimeMs()));
        }
        if (metrics.agentLastReply() != null) {
            json.putObject("servedBy").put("lr", JsonTime.iso(metrics.agentLastReply()));
        }
        if (metrics.chatDurationMs() != null) {
            json.put("chatDuration", JsonTime.seconds(metrics.chatDurationMs()));
        }
        if (metrics.serviceTimeDurationMs() != null) {
            json.put("serviceTimeDuration", JsonTime.seconds(metrics.serviceTimeDurationMs()));
        }
        return json;
    }

    private static ObjectNode servedBy(ServedBy servedBy) {
        return NODES.objectNode()
                .put("_id", servedBy.id().value())
                .put("username", servedBy.username())
                .put("ts", JsonTime.iso(servedBy.ts()));
    }

    private static ObjectNode responseBy(ResponseBy responseBy) {
        return NODES.objectNode()
                .put("_id", responseBy.id().value())
                .put("username", responseBy.username())
                .put("firstResponseTs", JsonTime.iso(responseBy.firstResponseTs()))
                .put("lastMessageTs", JsonTime.iso(responseBy.lastMessageTs()));
    }

    private static ObjectNode source(RoomSource source) {
        ObjectNode json = NODES.objectNode().put("type", source.type());
        if (source.alias() != null) {
            json.put("alias", source.alias());
        }
        return json;
    }

    private static void putCloseData(ObjectNode json, RoomSnapshot room) {
        if (room.closedAt() != null) {
            json.put("closedAt", JsonTime.iso(room.closedAt()));
            json.put("closer", room.closer().wireName());
            json.set("closedBy", closedBy(room));
        }
    }

    private static ObjectNode closedBy(RoomSnapshot room) {
        return NODES.objectNode()
                .put("_id", room.closedBy().id())
                .put("username", room.closedBy().username());
    }

    private static ObjectNode author(MessageAuthor author) {
        ObjectNode json = NODES.objectNode().put("_id", author.id()).put("username", author.username());
        if (author.name() != null) {
            json.put("name", author.name());
        }
        return json;
    }

    private static ArrayNode markdown(Message message) {
        ArrayNode md = NODES.arrayNode();
        for (String line : message.paragraphs()) {
            ArrayNode value = NODES.arrayNode();
            if (!line.isEmpty()) {
                value.add(NODES.objectNode().put("type", "PLAIN_TEXT").put("value", line));
            }
            md.add(NODES.objectNode().put("type", "PARAGRAPH").set("value", value));
        }
        return md;
    }

    private static ObjectNode transferData(TransferData data) {
        ObjectNode json = NODES.objectNode();
        json.set("transferredBy", party(data.transferredBy()));
        json.put("ts", JsonTime.iso(data.ts()));
        json.put("scope", data.scope());
        if (data.comment() != null) {
            json.put("comment", data.comment());
        }
        if (data.previousDepartment() != null) {
            json.put("previousDepartment", data.previousDepartment());
        }
        if (data.nextDepartment() != null) {
            json.set("nextDepartment", NODES.objectNode()
                    .put("_id", data.nextDepartment().id())
                    .put("name", data.nextDepartment().name()));
        }
        if (data.transferredTo() != null) {
            json.set("transferredTo", party(data.transferredTo()));
        }
        return json;
    }

    private static ObjectNode party(TransferData.Party party) {
        ObjectNode json = NODES.objectNode().put("_id", party.id()).put("username", party.username());
        if (party.name() != null) {
            json.put("name", party.name());
        }
        if (party.type() != null) {
            json.put("type", party.type());
        }
        return json;
    }

    private static ArrayNode strings(Iterable<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
