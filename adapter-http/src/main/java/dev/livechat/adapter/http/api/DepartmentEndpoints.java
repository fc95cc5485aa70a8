package dev.livechat.adapter.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livechat.adapter.http.core.ApiRequest;
import dev.livechat.adapter.http.core.ApiResponse;
import dev.livechat.adapter.http.core.Endpoint;
import dev.livechat.adapter.http.json.Json;
import dev.livechat.adapter.http.mapping.WireJson;
import dev.livechat.adapter.http.validation.ObjectSchema;
import dev.livechat.adapter.http.validation.Pagination;
import dev.livechat.adapter.http.validation.Schema;
import dev.livechat.adapter.http.validation.SortField;
import dev.livechat.adapter.http.validation.SortParam;
import dev.livechat.application.port.in.CreateDepartmentCommand;
import dev.livechat.application.port.in.DeleteDepartmentCommand;
import dev.livechat.application.port.in.DepartmentAgentData;
import dev.livechat.application.port.in.DepartmentData;
import dev.livechat.application.port.in.DepartmentDetails;
import dev.livechat.application.port.in.DepartmentsQuery;
import dev.livechat.application.port.in.GetDepartmentQuery;
import dev.livechat.application.port.in.LivechatUseCases;
import dev.livechat.application.port.in.UpdateDepartmentCommand;
import dev.livechat.domain.department.DepartmentAgent;
import dev.livechat.domain.department.DepartmentSortField;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.error.PermissionDeniedException;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.user.Permission;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Departments and their agents (contract 2.5, 4.7, 7a). */
final class DepartmentEndpoints {

    private static final String COLLECTION = "/api/v1/livechat/department";
    private static final String ONE = "/api/v1/livechat/department/:_id";
    private static final String TOO_SHORT = "must NOT have fewer than 1 characters";

    private static final ObjectSchema DEPARTMENT = Schema.object()
            .required("name", Schema.string().maxLength(256).minLength(1))
            .required("email", Schema.string().maxLength(254))
            .required("enabled", Schema.bool())
            .required("showOnRegistration", Schema.bool())
            .required("showOnOfflineForm", Schema.bool())
            .optional("description", Schema.string().maxLength(1024))
            .build();

    private static final ObjectSchema BODY = Schema.object()
            .required("department", DEPARTMENT)
            .optional("agents", Schema.array(Schema.object()
                    .required("agentId", Schema.string())
                    .optional("count", Schema.integer())
                    .optional("order", Schema.integer())
                    .build()).maxItems(100))
            .build();

    private static final ObjectSchema LIST_QUERY = Schema.object()
            .optional("text", Schema.string().maxLength(256))
            .optional("enabled", Schema.string().oneOf("true", "false"))
            .optional("count", Pagination.COUNT)
            .optional("offset", Pagination.OFFSET)
            .optional("sort", SortParam.SCHEMA)
            .build();

    private static final ObjectSchema GET_QUERY = Schema.object()
            .optional("includeAgents", Schema.string().oneOf("true", "false"))
            .build();

    private static final SortParam DEPARTMENT_SORT = SortParam.allowing("name", "_updatedAt")
            .byDefault(SortField.asc("name"));

    private DepartmentEndpoints() {
    }

    static List<Endpoint> endpoints(LivechatUseCases useCases) {
        return List.of(
                Endpoint.agent("POST", COLLECTION, request -> create(useCases, request)),
                Endpoint.agent("GET", COLLECTION, request -> list(useCases, request)),
                Endpoint.agent("GET", ONE, request -> get(useCases, request)),
                Endpoint.agent("PUT", ONE, request -> update(useCases, request)),
                Endpoint.agent("DELETE", ONE, request -> delete(useCases, request)));
    }

    private static ApiResponse create(LivechatUseCases useCases, ApiRequest request) {
        ObjectNode body = validateBody(request.body());
        request.requirePermissions(Permission.MANAGE_LIVECHAT_DEPARTMENTS);
        DepartmentDetails saved = useCases.createDepartment().createDepartment(new CreateDepartmentCommand(
                request.caller(), data(body.get("department")), agents(body)));
        return detailsResponse(saved);
    }

    private static ApiResponse update(LivechatUseCases useCases, ApiRequest request) {
        ObjectNode body = validateBody(request.body());
        request.requirePermissions(Permission.MANAGE_LIVECHAT_DEPARTMENTS);
        DepartmentDetails saved = useCases.updateDepartment().updateDepartment(new UpdateDepartmentCommand(
                request.caller(), request.pathParam("_id"), data(body.get("department")), agents(body)));
        return detailsResponse(saved);
    }

    private static ApiResponse delete(LivechatUseCases useCases, ApiRequest request) {
        request.requirePermissions(Permission.MANAGE_LIVECHAT_DEPARTMENTS);
        useCases.deleteDepartment().deleteDepartment(new DeleteDepartmentCommand(request.caller(),
                request.pathParam("_id")));
        return ApiResponse.success();
    }

    private static ApiResponse list(LivechatUseCases useCases, ApiRequest request) {
        ObjectNode query = LIST_QUERY.validateQuery(request.query());
        requireView(request);
        Pagination page = Pagination.from(query);
        Page<DepartmentDetails> departments = useCases.listDepartments().listDepartments(new DepartmentsQuery(
                request.caller(), Params.textOrNullWhenEmpty(query, "text"), Params.flag(query, "enabled"),
                Params.sortKeys(DEPARTMENT_SORT.parse(Params.text(query, "sort")), DepartmentSortField::fromWireName),
                page.offset(), page.count()));
        ArrayNode items = Json.array();
        for (DepartmentDetails department : departments.items()) {
            items.add(WireJson.department(department.department(), department.numAgents()));
        }
        ObjectNode body = Json.object();
        body.set("departments", items);
        body.put("count", departments.items().size());
        body.put("offset", page.offset());
        body.put("total", departments.total());
        return ApiResponse.success(body);
    }

    private static ApiResponse get(LivechatUseCases useCases, ApiRequest request) {
        ObjectNode query = GET_QUERY.validateQuery(request.query());
        requireView(request);
        Optional<DepartmentDetails> found = useCases.getDepartment().getDepartment(new GetDepartmentQuery(
                request.caller(), request.pathParam("_id"), Params.flag(query, "includeAgents")));
        if (found.isEmpty()) {
            // Rocket.Chat answers an unknown id with a null department, and its UI relies on it
            return ApiResponse.success((ObjectNode) Json.object().putNull("department"));
        }
        return detailsResponse(found.get());
    }

    /** {@code view-livechat-departments} or {@code view-l-room}: either permission opens the read endpoints. */
    private static void requireView(ApiRequest request) {
        if (!request.caller().has(Permission.VIEW_LIVECHAT_DEPARTMENTS)
                && !request.caller().has(Permission.VIEW_L_ROOM)) {
            throw PermissionDeniedException.routePermission();
        }
    }

    /**
     * The body in Ajv's order, with contract 7a's wording for the department name: missing or blank is
     * {@code must NOT have fewer than 1 characters}.
     */
    private static ObjectNode validateBody(JsonNode raw) {
        ObjectNode body;
        try {
            body = BODY.validateBody(raw);
        } catch (BusinessRuleException e) {
            if ("must have required property 'name'".equals(e.reason())) {
                throw BusinessRuleException.invalidParams(TOO_SHORT);
            }
            throw e;
        }
        if (body.get("department").get("name").asText().isBlank()) {
            throw BusinessRuleException.invalidParams(TOO_SHORT);
        }
        return body;
    }

    private static DepartmentData data(JsonNode department) {
        return new DepartmentData(department.get("name").asText(), department.get("email").asText(),
                department.get("enabled").asBoolean(), department.get("showOnRegistration").asBoolean(),
                department.get("showOnOfflineForm").asBoolean(), Params.text(department, "description"));
    }

    private static List<DepartmentAgentData> agents(ObjectNode body) {
        if (!body.has("agents")) {
            return null;
        }
        List<DepartmentAgentData> agents = new ArrayList<>();
        for (JsonNode agent : body.get("agents")) {
            agents.add(new DepartmentAgentData(agent.get("agentId").asText(), integer(agent, "count"),
                    integer(agent, "order")));
        }
        return agents;
    }

    /** An integer the schema accepted; values beyond {@code int} are clamped (they are Rocket.Chat counters). */
    private static Integer integer(JsonNode object, String key) {
        JsonNode value = object.get(key);
        if (value == null) {
            return null;
        }
        long clamped = value.canConvertToLong() ? value.longValue()
                : (value.bigIntegerValue().signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, clamped));
    }

    private static ApiResponse detailsResponse(DepartmentDetails details) {
        ObjectNode body = Json.object();
        body.set("department", WireJson.department(details.department(), details.numAgents()));
        if (details.agents() != null) {
            ArrayNode agents = Json.array();
            for (DepartmentAgent link : details.agents()) {
                agents.add(WireJson.departmentAgent(link, details.department().enabled()));
            }
            body.set("agents", agents);
        }
        return ApiResponse.success(body);
    }
}
