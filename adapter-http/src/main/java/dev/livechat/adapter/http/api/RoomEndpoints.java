package dev.livechat.adapter.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livechat.adapter.http.core.ApiRequest;
import dev.livechat.adapter.http.core.ApiResponse;
import dev.livechat.adapter.http.core.Endpoint;
import dev.livechat.application.port.in.LivechatUseCases;
import dev.livechat.adapter.http.json.Json;
import dev.livechat.adapter.http.mapping.TokenVisibility;
import dev.livechat.adapter.http.mapping.WireJson;
import dev.livechat.adapter.http.ratelimit.RateLimitPolicy;
import dev.livechat.adapter.http.validation.MatchPattern;
import dev.livechat.adapter.http.validation.ObjectSchema;
import dev.livechat.adapter.http.validation.Schema;
import dev.livechat.application.port.in.ChangeRoomVisitorCommand;
import dev.livechat.application.port.in.CloseRoomByUserCommand;
import dev.livechat.application.port.in.CloseRoomByVisitorCommand;
import dev.livechat.application.port.in.ClosedRoom;
import dev.livechat.application.port.in.ForwardRoomCommand;
import dev.livechat.application.port.in.GetRoomCommand;
import dev.livechat.application.port.in.RoomResult;
import dev.livechat.application.port.in.SubmitSurveyCommand;
import dev.livechat.application.port.in.SurveyResult;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.room.SurveyAnswer;
import dev.livechat.domain.user.Permission;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Opening, surveying, re-assigning and closing rooms (contract 3.3, 3.4, 3.5, 4.15, 4.16). */
final class RoomEndpoints {

    private static final MatchPattern.ObjectPattern GET_ROOM = MatchPattern.object()
            .required("token", MatchPattern.string())
            .optional("rid", MatchPattern.string())
            .optional("agentId", MatchPattern.string())
            .build();

    private static final ObjectSchema SURVEY = Schema.object()
            .required("token", Schema.string())
            .required("rid", Schema.string())
            .required("data", Schema.array(Schema.object()
                            .required("name", Schema.string().maxLength(SurveyAnswer.MAX_NAME_LENGTH))
                            .required("value", Schema.string().maxLength(SurveyAnswer.MAX_VALUE_LENGTH))
                            .build())
                    .minItems(1).maxItems(20))
            .build();

    /** The seed pages' form: the room goes to {@code visitorId}, whoever has it now. */
    private static final ObjectSchema CHANGE_VISITOR_SEED_FORM = Schema.object()
            .required("rid", Schema.string())
            .required("visitorId", Schema.string())
            .build();

    /** Rocket.Chat's form: a compare-and-set from {@code oldVisitorId} to {@code newVisitorId}. */
    private static final ObjectSchema CHANGE_VISITOR_CODE_FORM = Schema.object()
            .required("rid", Schema.string())
            .required("oldVisitorId", Schema.string())
            .required("newVisitorId", Schema.string())
            .build();

    private static final ObjectSchema CLOSE_BY_VISITOR = Schema.object()
            .required("token", Schema.string())
            .required("rid", Schema.string())
            .build();

    private static final ObjectSchema CLOSE_BY_USER = Schema.object()
            .required("rid", Schema.string())
            .optional("comment", Schema.string().maxLength(Message.MAX_TEXT_LENGTH))
            .optional("tags", Schema.array(Schema.string().minLength(1).maxLength(256)).maxItems(20))
            .optional("generateTranscriptPdf", Schema.bool())
            .optional("transcriptEmail", Schema.object().allowAdditionalProperties().build())
            .build();

    private static final ObjectSchema FORWARD = Schema.object()
            .required("roomId", Schema.string())
            .optional("userId", Schema.string().nullable())
            .optional("departmentId", Schema.string().nullable())
            .optional("comment", Schema.string().maxLength(Message.MAX_TEXT_LENGTH).nullable())
            .optional("clientAction", Schema.bool().nullable())
            .build();

    private RoomEndpoints() {
    }

    static List<Endpoint> endpoints(LivechatUseCases useCases, boolean exposeTokens) {
        return List.of(
                Endpoint.visitor("GET", "/api/v1/livechat/room", request -> getOrOpen(useCases, request))
                        .rateLimited(RateLimitPolicy.requests(5, Duration.ofSeconds(60))),
                Endpoint.visitor("POST", "/api/v1/livechat/room.survey", request -> survey(useCases, request)),
                Endpoint.agent("PUT", "/api/v1/livechat/room.visitor",
                        request -> changeVisitor(useCases, request, exposeTokens)),
                Endpoint.visitor("POST", "/api/v1/livechat/room.close", request -> closeByVisitor(useCases, request)),
                Endpoint.agent("POST", "/api/v1/livechat/room.closeByUser", request -> closeByUser(useCases, request)),
                Endpoint.agent("POST", "/api/v1/livechat/room.forward", request -> forward(useCases, request)));
    }

    private static ApiResponse getOrOpen(LivechatUseCases useCases, ApiRequest request) {
        ObjectNode query = GET_ROOM.checkQuery(request.query());
        String token = query.get("token").asText();
        boolean widget = "l".equals(request.cookie("rc_room_type")) && "t".equals(request.cookie("rc_is_widget"));
        RoomResult result = useCases.getOrOpenRoom().getOrOpenRoom(new GetRoomCommand(token,
                Params.textOrNullWhenEmpty(query, "rid"), Params.textOrNullWhenEmpty(query, "agentId"),
                widget ? RoomSource.WIDGET : RoomSource.API));
        ObjectNode body = Json.object();
        body.set("room", WireJson.room(result.room(), Params.visitorView(token)));
        body.put("newRoom", result.newRoom());
        return ApiResponse.success(body);
    }

    private static ApiResponse survey(LivechatUseCases useCases, ApiRequest request) {
        ObjectNode body = SURVEY.validateBody(request.body());
        List<SurveyAnswer> answers = new ArrayList<>();
        for (JsonNode item : body.get("data")) {
            answers.add(new SurveyAnswer(item.get("name").asText(), item.get("value").asText()));
        }
        SurveyResult result = useCases.submitSurvey().submitSurvey(
                new SubmitSurveyCommand(body.get("token").asText(), body.get("rid").asText(), answers));
        ObjectNode response = Json.object();
        response.put("rid", result.rid());
        response.set("data", WireJson.survey(result.data()));
        return ApiResponse.success(response);
    }

    private static ApiResponse changeVisitor(LivechatUseCases useCases, ApiRequest request, boolean exposeTokens) {
        boolean seedForm = request.body().has("visitorId");
        ObjectNode body = (seedForm ? CHANGE_VISITOR_SEED_FORM : CHANGE_VISITOR_CODE_FORM).validateBody(request.body());
        String rid = body.get("rid").asText();
        ChangeRoomVisitorCommand command = seedForm
                ? new ChangeRoomVisitorCommand(request.caller(), rid, null, body.get("visitorId").asText())
                : new ChangeRoomVisitorCommand(request.caller(), rid, body.get("oldVisitorId").asText(),
                body.get("newVisitorId").asText());
        RoomSnapshot room = useCases.changeRoomVisitor().changeRoomVisitor(command);
        ObjectNode response = Json.object();
        response.put("rid", rid);
        response.set("room", WireJson.room(room, TokenVisibility.agent(exposeTokens)));
        return ApiResponse.success(response);
    }

    private static ApiResponse closeByVisitor(LivechatUseCases useCases, ApiRequest request) {
        ObjectNode body = CLOSE_BY_VISITOR.validateBody(request.body());
        ClosedRoom closed = useCases.closeRoomByVisitor().closeRoomByVisitor(
                new CloseRoomByVisitorCommand(body.get("token").asText(), body.get("rid").asText()));
        return ApiResponse.success(Json.object().put("rid", closed.rid()).put("comment", closed.comment()));
    }

    private static ApiResponse closeByUser(LivechatUseCases useCases, ApiRequest request) {
        ObjectNode body = CLOSE_BY_USER.validateBody(request.body());
        useCases.closeRoomByUser().closeRoomByUser(new CloseRoomByUserCommand(request.caller(),
                body.get("rid").asText(), Params.text(body, "comment"), Params.strings(body, "tags")));
        return ApiResponse.success();
    }

    private static ApiResponse forward(LivechatUseCases useCases, ApiRequest request) {
        ObjectNode body = FORWARD.validateBody(request.body());
        request.requirePermissions(Permission.VIEW_L_ROOM, Permission.TRANSFER_LIVECHAT_GUEST);
        useCases.forwardRoom().forwardRoom(new ForwardRoomCommand(request.caller(), body.get("roomId").asText(),
                Params.text(body, "userId"), Params.text(body, "departmentId"), Params.text(body, "comment")));
        return ApiResponse.success();
    }
}
