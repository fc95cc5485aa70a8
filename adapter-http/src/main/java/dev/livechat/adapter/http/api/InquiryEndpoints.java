package dev.livechat.adapter.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livechat.adapter.http.core.ApiRequest;
import dev.livechat.adapter.http.core.ApiResponse;
import dev.livechat.adapter.http.core.Endpoint;
import dev.livechat.adapter.http.json.Json;
import dev.livechat.adapter.http.mapping.TokenVisibility;
import dev.livechat.adapter.http.mapping.WireJson;
import dev.livechat.adapter.http.validation.ObjectSchema;
import dev.livechat.adapter.http.validation.Pagination;
import dev.livechat.adapter.http.validation.Schema;
import dev.livechat.adapter.http.validation.SortField;
import dev.livechat.adapter.http.validation.SortParam;
import dev.livechat.application.port.in.LivechatUseCases;
import dev.livechat.application.port.in.QueuedInquiriesQuery;
import dev.livechat.application.port.in.TakeInquiryCommand;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.inquiry.InquirySortField;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.user.Permission;

import java.util.List;

/** The queue: queued inquiries and taking one (contract 4.13, 4.14). */
final class InquiryEndpoints {

    private static final ObjectSchema QUEUED_QUERY = Schema.object()
            .optional("department", Schema.string())
            .optional("count", Pagination.COUNT)
            .optional("offset", Pagination.OFFSET)
            .optional("sort", SortParam.SCHEMA)
            .build();

    private static final SortParam INQUIRY_SORT = SortParam.allowing("ts", "_updatedAt").byDefault(SortField.asc("ts"));

    private static final ObjectSchema TAKE = Schema.object()
            .required("inquiryId", Schema.string())
            .optional("userId", Schema.string())
            .build();

    private InquiryEndpoints() {
    }

    static List<Endpoint> endpoints(LivechatUseCases useCases, boolean exposeTokens) {
        TokenVisibility agentView = TokenVisibility.agent(exposeTokens);
        return List.of(
                Endpoint.agent("GET", "/api/v1/livechat/inquiries.queued", request -> queued(useCases, request, agentView)),
                Endpoint.agent("POST", "/api/v1/livechat/inquiries.take", request -> take(useCases, request)));
    }

    private static ApiResponse queued(LivechatUseCases useCases, ApiRequest request, TokenVisibility view) {
        ObjectNode query = QUEUED_QUERY.validateQuery(request.query());
        request.requirePermissions(Permission.VIEW_L_ROOM); // before sort parsing (contract 1.6 step 6)
        Pagination page = Pagination.from(query);
        Page<Inquiry> inquiries = useCases.queuedInquiries().listQueuedInquiries(new QueuedInquiriesQuery(
                request.caller(), Params.textOrNullWhenEmpty(query, "department"),
                Params.sortKeys(INQUIRY_SORT.parse(Params.text(query, "sort")), InquirySortField::fromWireName),
                page.offset(), page.count()));
        ArrayNode items = Json.array();
        for (Inquiry inquiry : inquiries.items()) {
            items.add(WireJson.inquiry(inquiry, view));
        }
        ObjectNode body = Json.object();
        body.set("inquiries", items);
        body.put("count", inquiries.items().size());
        body.put("offset", page.offset());
        body.put("total", inquiries.total());
        return ApiResponse.success(body);
    }

    private static ApiResponse take(LivechatUseCases useCases, ApiRequest request) {
        ObjectNode body = TAKE.validateBody(request.body());
        request.requirePermissions(Permission.VIEW_L_ROOM);
        useCases.takeInquiry().takeInquiry(new TakeInquiryCommand(request.caller(), body.get("inquiryId").asText(),
                Params.text(body, "userId")));
        return ApiResponse.success();
    }
}
