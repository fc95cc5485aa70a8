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
import dev.livechat.adapter.http.json.JsonTime;
import dev.livechat.application.port.in.DeletedVisitor;
import dev.livechat.application.port.in.RegisterVisitorCommand;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.visitor.Visitor;

import java.time.Duration;
import java.util.List;

/** Visitor registration, lookup and erasure by token (contract 4.8, 4.9). */
final class VisitorEndpoints {

    /** {@code POST livechat/visitor}: Meteor {@code check()} with the Hardened length limits of 1.15. */
    private static final MatchPattern.ObjectPattern REGISTER = MatchPattern.object()
            .required("visitor", MatchPattern.object()
                    .required("token", MatchPattern.string().maxLength(VisitorToken.MAX_LENGTH))
                    .optional("name", MatchPattern.string().maxLength(256).nullable())
                    .optional("email", MatchPattern.string().maxLength(254).nullable())
                    .optional("department", MatchPattern.string().maxLength(256).nullable())
                    .optional("phone", MatchPattern.string().maxLength(64).nullable())
                    .optional("customFields", MatchPattern.arrayOf(MatchPattern.object()
                            .required("key", MatchPattern.string())
                            .required("value", MatchPattern.string())
                            .required("overwrite", MatchPattern.bool())
                            .build()).nullable())
                    .build())
            .build();

    private VisitorEndpoints() {
    }

    static List<Endpoint> endpoints(LivechatUseCases useCases) {
        return List.of(
                Endpoint.visitor("POST", "/api/v1/livechat/visitor", request -> register(useCases, request))
                        .rateLimited(RateLimitPolicy.requests(5, Duration.ofSeconds(60))),
                Endpoint.visitor("GET", "/api/v1/livechat/visitor/:token", request -> get(useCases, request)),
                Endpoint.visitor("DELETE", "/api/v1/livechat/visitor/:token", request -> delete(useCases, request)));
    }

    private static ApiResponse register(LivechatUseCases useCases, ApiRequest request) {
        REGISTER.check(request.body());
        JsonNode visitor = request.body().get("visitor");
        String token = visitor.get("token").asText();
        Visitor registered = useCases.registerVisitor().registerVisitor(new RegisterVisitorCommand(token,
                Params.text(visitor, "name"), Params.text(visitor, "email"), Params.text(visitor, "phone"),
                Params.text(visitor, "department")));
        return visitorResponse(registered);
    }

    private static ApiResponse get(LivechatUseCases useCases, ApiRequest request) {
        return visitorResponse(useCases.getVisitor().getVisitor(request.pathParam("token")));
    }

    private static ApiResponse delete(LivechatUseCases useCases, ApiRequest request) {
        DeletedVisitor deleted = useCases.deleteVisitor().deleteVisitor(request.pathParam("token"));
        ObjectNode visitor = Json.object().put("_id", deleted.id().value()).put("ts", JsonTime.iso(deleted.ts()));
        return ApiResponse.success((ObjectNode) Json.object().set("visitor", visitor));
    }

    private static ApiResponse visitorResponse(Visitor visitor) {
        ObjectNode body = Json.object();
        body.set("visitor", WireJson.visitor(visitor, TokenVisibility.visitor(visitor.token())));
        return ApiResponse.success(body);
    }
}
