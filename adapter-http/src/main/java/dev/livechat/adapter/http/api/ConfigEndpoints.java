package dev.livechat.adapter.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livechat.adapter.http.core.ApiRequest;
import dev.livechat.adapter.http.core.ApiResponse;
import dev.livechat.adapter.http.core.Endpoint;
import dev.livechat.adapter.http.json.Json;
import dev.livechat.adapter.http.json.JsonTime;
import dev.livechat.adapter.http.validation.ObjectSchema;
import dev.livechat.adapter.http.validation.Schema;
import dev.livechat.application.port.in.LivechatUseCases;
import dev.livechat.application.port.in.UserView;
import dev.livechat.application.port.in.WidgetConfig;
import dev.livechat.application.port.in.WidgetConfigQuery;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.SurveyFeedback;
import dev.livechat.domain.visitor.Visitor;

import java.util.List;

/** The reduced widget configuration, {@code GET livechat/config} (contract 4.18). */
final class ConfigEndpoints {

    private static final ObjectSchema QUERY = Schema.object()
            .optional("token", Schema.string())
            .optional("department", Schema.string())
            .build();

    private ConfigEndpoints() {
    }

    static List<Endpoint> endpoints(LivechatUseCases useCases) {
        return List.of(Endpoint.visitor("GET", "/api/v1/livechat/config", request -> config(useCases, request)));
    }

    private static ApiResponse config(LivechatUseCases useCases, ApiRequest request) {
        ObjectNode query = QUERY.validateQuery(request.query());
        WidgetConfig config = useCases.widgetConfig().widgetConfig(new WidgetConfigQuery(
                Params.textOrNullWhenEmpty(query, "token"), Params.textOrNullWhenEmpty(query, "department")));
        ObjectNode json = Json.object();
        json.put("enabled", true);
        json.set("settings", settings());
        json.set("survey", survey());
        ArrayNode departments = json.putArray("departments");
        for (Department department : config.departments()) {
            departments.addObject()
                    .put("_id", department.id().value())
                    .put("name", department.name())
                    .put("showOnRegistration", department.showOnRegistration())
                    .put("showOnOfflineForm", department.showOnOfflineForm());
        }
        json.put("online", config.online());
        if (config.guest() != null) {
            json.set("guest", guest(config.guest()));
        }
        if (config.room() != null) {
            json.set("room", room(config.room()));
        }
        if (config.agent() != null) {
            json.set("agent", agent(config.agent()));
        }
        return ApiResponse.success((ObjectNode) Json.object().set("config", json));
    }

    /** Fixed values (contract 4.18): the project has no widget appearance or transcript settings. */
    private static ObjectNode settings() {
        return Json.object()
                .put("registrationForm", true)
                .put("allowSwitchingDepartments", true)
                .put("nameFieldRegistrationForm", true)
                .put("emailFieldRegistrationForm", true)
                .put("displayOfflineForm", false)
                .put("videoCall", false)
                .put("fileUpload", false)
                .put("language", "en")
                .put("transcript", false)
                .put("historyMonitorType", "url")
                .put("forceAcceptDataProcessingConsent", false)
                .put("showConnecting", false)
                .put("agentHiddenInfo", false)
                .put("clearLocalStorageWhenChatEnded", false)
                .put("limitTextLength", Message.MAX_TEXT_LENGTH);
    }

    private static ObjectNode survey() {
        ObjectNode survey = Json.object();
        ArrayNode items = survey.putArray("items");
        SurveyFeedback.RATING_ITEMS.forEach(items::add);
        ArrayNode values = survey.putArray("values");
        SurveyFeedback.RATING_VALUES.forEach(values::add);
        return survey;
    }

    /** The caller's own visitor: the token it presented is its own (contract 1.13). */
    private static ObjectNode guest(Visitor visitor) {
        ObjectNode guest = Json.object()
                .put("_id", visitor.id().value())
                .put("username", visitor.username())
                .put("token", visitor.token().value());
        visitor.name().ifPresent(name -> guest.put("name", name));
        visitor.email().ifPresent(email -> guest.putArray("visitorEmails").addObject().put("address", email));
        visitor.department().ifPresent(department -> guest.put("department", department.value()));
        return guest;
    }

    private static ObjectNode room(RoomSnapshot room) {
        ObjectNode json = Json.object().put("_id", room.id().value());
        if (room.departmentId() != null) {
            json.put("departmentId", room.departmentId().value());
        }
        if (room.servedBy() != null) {
            json.putObject("servedBy")
                    .put("_id", room.servedBy().id().value())
                    .put("username", room.servedBy().username())
                    .put("ts", JsonTime.iso(room.servedBy().ts()));
        }
        json.put("open", true);
        return json;
    }

    private static ObjectNode agent(UserView agent) {
        ObjectNode json = Json.object().put("_id", agent.id().value()).put("username", agent.username());
        if (agent.name() != null) {
            json.put("name", agent.name());
        }
        json.put("status", agent.status());
        return json;
    }
}
