package dev.livechat.adapter.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livechat.adapter.http.core.ApiRequest;
import dev.livechat.adapter.http.core.ApiResponse;
import dev.livechat.adapter.http.core.Endpoint;
import dev.livechat.application.port.in.LivechatUseCases;
import dev.livechat.adapter.http.json.Json;
import dev.livechat.adapter.http.mapping.WireJson;
import dev.livechat.adapter.http.ratelimit.RateLimitPolicy;
import dev.livechat.adapter.http.validation.ObjectSchema;
import dev.livechat.adapter.http.validation.Pagination;
import dev.livechat.adapter.http.validation.Schema;
import dev.livechat.adapter.http.validation.SortField;
import dev.livechat.adapter.http.validation.SortParam;
import dev.livechat.application.port.in.CreateUserCommand;
import dev.livechat.application.port.in.LivechatUserCommand;
import dev.livechat.application.port.in.LivechatUsersQuery;
import dev.livechat.application.port.in.LoginCommand;
import dev.livechat.application.port.in.LoginResult;
import dev.livechat.application.port.in.LogoutCommand;
import dev.livechat.application.port.in.SetAgentStatusCommand;
import dev.livechat.application.port.in.UserRef;
import dev.livechat.application.port.in.UserView;
import dev.livechat.domain.error.LoginFailedException;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.user.AgentStatus;
import dev.livechat.domain.user.Permission;
import dev.livechat.domain.user.UserSortField;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;

/** Users and sessions: login, logout, me, users.create, livechat agents/managers, agent status, server info. */
final class AccountEndpoints {

    private static final Duration WINDOW = Duration.ofSeconds(60);

    private static final ObjectSchema CREATE_USER = Schema.object()
            .required("email", Schema.string().maxLength(254))
            .required("name", Schema.string().maxLength(256))
            .required("password", Schema.string().minLength(1).maxLength(1024))
            .required("username", Schema.string())
            .optional("roles", Schema.array(Schema.string()))
            .optional("active", Schema.bool())
            .optional("verified", Schema.bool())
            .optional("joinDefaultChannels", Schema.bool())
            .optional("requirePasswordChange", Schema.bool())
            .optional("sendWelcomeEmail", Schema.bool())
            .build();

    private static final ObjectSchema ADD_LIVECHAT_USER = Schema.object()
            .required("username", Schema.string())
            .build();

    private static final ObjectSchema LIST_LIVECHAT_USERS = Schema.object()
            .optional("text", Schema.string().maxLength(256))
            .optional("count", Pagination.COUNT)
            .optional("offset", Pagination.OFFSET)
            .optional("sort", SortParam.SCHEMA)
            .build();

    private static final SortParam USER_SORT = SortParam.allowing("username", "name").byDefault(SortField.asc("username"));

    private static final ObjectSchema AGENT_STATUS = Schema.object()
            .optional("status", Schema.string().oneOf("available", "not-available"))
            .optional("agentId", Schema.string())
            .build();

    private AccountEndpoints() {
    }

    static List<Endpoint> endpoints(LivechatUseCases useCases) {
        return List.of(
                Endpoint.visitor("GET", "/api/info", request -> serverInfo(useCases)),
                Endpoint.visitor("POST", "/api/v1/login", request -> login(useCases, request))
                        .rateLimited(RateLimitPolicy.failedAttempts(10, WINDOW)),
                Endpoint.agent("POST", "/api/v1/logout", request -> logout(useCases, request)),
                Endpoint.agent("GET", "/api/v1/me", request -> me(useCases, request)),
                Endpoint.agent("POST", "/api/v1/users.create", request -> createUser(useCases, request)),
                Endpoint.agent("POST", "/api/v1/livechat/users/:type", request -> addLivechatUser(useCases, request)),
                Endpoint.agent("GET", "/api/v1/livechat/users/:type", request -> listLivechatUsers(useCases, request)),
                Endpoint.agent("DELETE", "/api/v1/livechat/users/:type/:_id",
                        request -> removeLivechatUser(useCases, request)),
                Endpoint.agent("POST", "/api/v1/livechat/agent.status", request -> agentStatus(useCases, request)));
    }

    private static ApiResponse serverInfo(LivechatUseCases useCases) {
        return ApiResponse.success(Json.object().put("version", useCases.serverInfo().serverInfo().version()));
    }

    private static ApiResponse login(LivechatUseCases useCases, ApiRequest request) {
        LoginResult result = useCases.login().login(loginCommand(request.body()));
        ObjectNode data = Json.object();
        data.put("userId", result.me().id().value());
        data.put("authToken", result.authToken());
        data.set("me", WireJson.user(result.me()));
        ObjectNode body = Json.object();
        body.put("status", "success");
        body.set("data", data);
        body.put("success", true);
        return ApiResponse.of(200, body);
    }

    /**
     * Rocket.Chat's {@code loginCompatibility} shapes (contract 4.1); anything else is a failed login, with the one
     * body every failure has.
     */
    static LoginCommand loginCommand(JsonNode body) {
        JsonNode password = body.get("password");
        if (password == null || !password.isTextual() || body.size() != 2) {
            throw new LoginFailedException();
        }
        JsonNode user = body.get("user");
        if (user != null) {
            if (user.isTextual()) {
                String identifier = user.asText();
                return new LoginCommand(identifier, identifier.contains("@"), password.asText());
            }
            if (user.isObject() && user.size() == 1) {
                Iterator<String> names = user.fieldNames();
                String key = names.next();
                JsonNode value = user.get(key);
                if (value.isTextual() && (key.equals("username") || key.equals("email"))) {
                    return new LoginCommand(value.asText(), key.equals("email"), password.asText());
                }
            }
            throw new LoginFailedException();
        }
        JsonNode username = body.get("username");
        if (username != null && username.isTextual()) {
            return new LoginCommand(username.asText(), false, password.asText());
        }
        JsonNode email = body.get("email");
        if (email != null && email.isTextual()) {
            return new LoginCommand(email.asText(), true, password.asText());
        }
        throw new LoginFailedException();
    }

    private static ApiResponse logout(LivechatUseCases useCases, ApiRequest request) {
        useCases.logout().logout(new LogoutCommand(request.caller(), request.authToken()));
        ObjectNode body = Json.object();
        body.put("status", "success");
        body.set("data", Json.object().put("message", "You've been logged out!"));
        body.put("success", true);
        return ApiResponse.of(200, body);
    }

    private static ApiResponse me(LivechatUseCases useCases, ApiRequest request) {
        return ApiResponse.success(WireJson.user(useCases.me().me(request.caller())));
    }

    private static ApiResponse createUser(LivechatUseCases useCases, ApiRequest request) {
        ObjectNode body = CREATE_USER.validateBody(request.body());
        List<String> roles = body.has("roles") ? Params.strings(body, "roles") : null;
        UserView user = useCases.createUser().createUser(new CreateUserCommand(request.caller(),
                body.get("email").asText(), body.get("name").asText(), body.get("password").asText(),
                body.get("username").asText(), roles,
                body.has("active") ? body.get("active").asBoolean() : null,
                body.has("verified") ? body.get("verified").asBoolean() : null));
        return ApiResponse.success(Json.object().set("user", WireJson.user(user)));
    }

    private static ApiResponse addLivechatUser(LivechatUseCases useCases, ApiRequest request) {
        ObjectNode body = ADD_LIVECHAT_USER.validateBody(request.body());
        UserRef user = useCases.livechatUsers().addLivechatUser(
                new LivechatUserCommand(request.caller(), request.pathParam("type"), body.get("username").asText()));
        return ApiResponse.success(Json.object().set("user",
                Json.object().put("_id", user.id().value()).put("username", user.username())));
    }

    private static ApiResponse listLivechatUsers(LivechatUseCases useCases, ApiRequest request) {
        ObjectNode query = LIST_LIVECHAT_USERS.validateQuery(request.query());
        request.requirePermissions(Permission.VIEW_LIVECHAT_MANAGER); // before sort parsing (contract 1.6 step 6)
        Pagination page = Pagination.from(query);
        List<SortField> sort = USER_SORT.parse(Params.text(query, "sort"));
        Page<UserView> users = useCases.livechatUsers().listLivechatUsers(new LivechatUsersQuery(request.caller(),
                request.pathParam("type"), Params.textOrNullWhenEmpty(query, "text"),
                Params.sortKeys(sort, UserSortField::fromWireName), page.offset(), page.count()));
        ArrayNode items = Json.array();
        for (UserView user : users.items()) {
            items.add(listedUser(user));
        }
        ObjectNode body = Json.object();
        body.set("users", items);
        body.put("count", users.items().size());
        body.put("offset", page.offset());
        body.put("total", users.total());
        return ApiResponse.success(body);
    }

    /** The shape of {@code GET livechat/users/:type} items (contract 4.5). */
    private static ObjectNode listedUser(UserView user) {
        ObjectNode full = WireJson.user(user);
        ObjectNode item = Json.object();
        for (String key : List.of("_id", "username", "name", "emails", "status", "statusLivechat")) {
            if (full.has(key)) {
                item.set(key, full.get(key));
            }
        }
        return item;
    }

    private static ApiResponse removeLivechatUser(LivechatUseCases useCases, ApiRequest request) {
        useCases.livechatUsers().removeLivechatUser(
                new LivechatUserCommand(request.caller(), request.pathParam("type"), request.pathParam("_id")));
        return ApiResponse.success();
    }

    private static ApiResponse agentStatus(LivechatUseCases useCases, ApiRequest request) {
        ObjectNode body = AGENT_STATUS.validateBody(request.body());
        AgentStatus status = useCases.agentStatus().setAgentStatus(new SetAgentStatusCommand(request.caller(),
                Params.text(body, "status"), Params.text(body, "agentId")));
        return ApiResponse.success(Json.object().put("status", status.wireName()));
    }
}
