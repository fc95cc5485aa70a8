package dev.livechat.adapter.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livechat.adapter.http.core.ApiRequest;
import dev.livechat.adapter.http.core.ApiResponse;
import dev.livechat.adapter.http.core.Endpoint;
import dev.livechat.application.port.in.LivechatUseCases;
import dev.livechat.adapter.http.json.Json;
import dev.livechat.adapter.http.json.JsonTime;
import dev.livechat.adapter.http.mapping.TokenVisibility;
import dev.livechat.adapter.http.mapping.WireJson;
import dev.livechat.adapter.http.validation.ObjectSchema;
import dev.livechat.adapter.http.validation.Pagination;
import dev.livechat.adapter.http.validation.Schema;
import dev.livechat.application.port.in.SendAgentMessageCommand;
import dev.livechat.application.port.in.SendVisitorMessageCommand;
import dev.livechat.application.port.in.VisitorMessagesQuery;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.shared.Ids;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/** Visitor and agent messages and the visitor's view of a room's messages (contract 4.10, 4.11, 4.12). */
final class MessageEndpoints {

    private static final int DEFAULT_HISTORY_LIMIT = 20;
    private static final int MAX_HISTORY_LIMIT = 100;

    private static final ObjectSchema VISITOR_MESSAGE = Schema.object()
            .required("token", Schema.string())
            .required("rid", Schema.string())
            .required("msg", Schema.string().minLength(1))
            .optional("_id", Schema.string().pattern(Ids.ID_PATTERN_TEXT))
            .optional("agent", Schema.object()
                    .required("agentId", Schema.string())
                    .required("username", Schema.string())
                    .build())
            .build();

    private static final ObjectSchema HISTORY = Schema.object()
            .required("token", Schema.string())
            .optional("ls", Schema.string().dateTime())
            .optional("end", Schema.string().dateTime())
            .optional("limit", Schema.integer().minimum(0))
            .optional("offset", Pagination.OFFSET)
            .build();

    private static final ObjectSchema AGENT_MESSAGE = Schema.object()
            .required("message", Schema.object()
                    .required("rid", Schema.string())
                    .required("msg", Schema.string().minLength(1))
                    .optional("_id", Schema.string().pattern(Ids.ID_PATTERN_TEXT))
                    .build())
            .build();

    private MessageEndpoints() {
    }

    static List<Endpoint> endpoints(LivechatUseCases useCases, boolean exposeTokens) {
        return List.of(
                Endpoint.visitor("POST", "/api/v1/livechat/message", request -> visitorMessage(useCases, request)),
                Endpoint.visitor("GET", "/api/v1/livechat/messages.history/:rid",
                        request -> history(useCases, request)),
                Endpoint.agent("POST", "/api/v1/chat.sendMessage",
                        request -> agentMessage(useCases, request, exposeTokens)));
    }

    private static ApiResponse visitorMessage(LivechatUseCases useCases, ApiRequest request) {
        ObjectNode body = VISITOR_MESSAGE.validateBody(request.body());
        String token = body.get("token").asText();
        Message message = useCases.sendVisitorMessage().sendVisitorMessage(new SendVisitorMessageCommand(token,
                body.get("rid").asText(), body.get("msg").asText(), Params.text(body, "_id")));
        return ApiResponse.success(Json.object().set("message", WireJson.message(message, Params.visitorView(token))));
    }

    private static ApiResponse history(LivechatUseCases useCases, ApiRequest request) {
        ObjectNode query = HISTORY.validateQuery(request.query());
        String token = query.get("token").asText();
        String end = Params.text(query, "end");
        Instant before = end == null ? null : JsonTime.parseDateTime(end);
        List<Message> messages = useCases.readVisitorMessages().readVisitorMessages(new VisitorMessagesQuery(token,
                request.pathParam("rid"), before, Pagination.from(query).offset(), limit(query.get("limit"))));
        TokenVisibility view = Params.visitorView(token);
        ArrayNode items = Json.array();
        for (Message message : messages) {
            items.add(WireJson.message(message, view));
        }
        return ApiResponse.success(Json.object().set("messages", items));
    }

    /** Default 20; 0 means the default; above 100 clamped (Hardened: bounded work). */
    private static int limit(JsonNode value) {
        if (value == null || value.isNull()) {
            return DEFAULT_HISTORY_LIMIT;
        }
        BigInteger limit = value.bigIntegerValue();
        if (limit.signum() == 0) {
            return DEFAULT_HISTORY_LIMIT;
        }
        return limit.compareTo(BigInteger.valueOf(MAX_HISTORY_LIMIT)) > 0 ? MAX_HISTORY_LIMIT : limit.intValue();
    }

    private static ApiResponse agentMessage(LivechatUseCases useCases, ApiRequest request, boolean exposeTokens) {
        ObjectNode body = AGENT_MESSAGE.validateBody(request.body());
        JsonNode message = body.get("message");
        Message stored = useCases.sendAgentMessage().sendAgentMessage(new SendAgentMessageCommand(request.caller(),
                message.get("rid").asText(), message.get("msg").asText(), Params.text(message, "_id")));
        return ApiResponse.success(Json.object().set("message",
                WireJson.message(stored, TokenVisibility.agent(exposeTokens))));
    }
}
