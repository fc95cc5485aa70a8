package dev.livechat.adapter.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livechat.adapter.http.core.ApiRequest;
import dev.livechat.adapter.http.core.ApiResponse;
import dev.livechat.adapter.http.core.Endpoint;
import dev.livechat.application.port.in.LivechatUseCases;
import dev.livechat.adapter.http.json.Json;
import dev.livechat.adapter.http.mapping.TokenVisibility;
import dev.livechat.adapter.http.mapping.WireJson;
import dev.livechat.adapter.http.validation.ObjectSchema;
import dev.livechat.adapter.http.validation.Pagination;
import dev.livechat.adapter.http.validation.Schema;
import dev.livechat.adapter.http.validation.SortField;
import dev.livechat.adapter.http.validation.SortParam;
import dev.livechat.application.port.in.ChatHistoryQuery;
import dev.livechat.application.port.in.SearchChatsQuery;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.RoomSortField;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.user.Permission;

import java.util.List;
import java.util.function.Function;

/** A visitor's chat history and chat search, for agents (contract 3.1, 3.2). */
final class HistoryEndpoints {

    private static final String CHAT_HISTORY = "/api/v1/livechat/visitors.chatHistory/room/:roomId/visitor/:visitorId";
    private static final String SEARCH_CHATS = "/api/v1/livechat/visitors.searchChats/room/:roomId/visitor/:visitorId";

    private static final SortParam ROOM_SORT = SortParam
            .allowing("ts", "lm", "closedAt", "_updatedAt", "msgs", "fname")
            .byDefault(SortField.desc("ts"));

    private static final ObjectSchema HISTORY_QUERY = Schema.object()
            .optional("count", Pagination.COUNT)
            .optional("offset", Pagination.OFFSET)
            .optional("sort", SortParam.SCHEMA)
            .build();

    private static final ObjectSchema SEARCH_QUERY = Schema.object()
            .optional("searchText", Schema.string().maxLength(256))
            .optional("closedChatsOnly", Schema.string().oneOf("true", "false"))
            .optional("servedChatsOnly", Schema.string().oneOf("true", "false"))
            .optional("source", Schema.string().maxLength(256))
            .optional("count", Pagination.COUNT)
            .optional("offset", Pagination.OFFSET)
            .optional("sort", SortParam.SCHEMA)
            .build();

    private HistoryEndpoints() {
    }

    static List<Endpoint> endpoints(LivechatUseCases useCases, boolean exposeTokens) {
        TokenVisibility agentView = TokenVisibility.agent(exposeTokens);
        return List.of(
                Endpoint.agent("GET", CHAT_HISTORY, request -> chatHistory(useCases, request, agentView)),
                Endpoint.agent("GET", SEARCH_CHATS, request -> searchChats(useCases, request, agentView)));
    }

    private static ApiResponse chatHistory(LivechatUseCases useCases, ApiRequest request, TokenVisibility view) {
        ObjectNode query = HISTORY_QUERY.validateQuery(request.query());
        request.requirePermissions(Permission.VIEW_L_ROOM); // before sort parsing (contract 1.6 step 6)
        Pagination page = Pagination.from(query);
        Page<RoomSnapshot> rooms = useCases.chatHistory().chatHistory(new ChatHistoryQuery(request.caller(),
                request.pathParam("roomId"), request.pathParam("visitorId"), sort(query), page.offset(), page.count()));
        return pageResponse(rooms, page, room -> WireJson.room(room, view));
    }

    private static ApiResponse searchChats(LivechatUseCases useCases, ApiRequest request, TokenVisibility view) {
        ObjectNode query = SEARCH_QUERY.validateQuery(request.query());
        request.requirePermissions(Permission.VIEW_L_ROOM); // before sort parsing (contract 1.6 step 6)
        Pagination page = Pagination.from(query);
        Page<RoomSnapshot> rooms = useCases.searchChats().searchChats(new SearchChatsQuery(request.caller(),
                request.pathParam("roomId"), request.pathParam("visitorId"),
                Params.textOrNullWhenEmpty(query, "searchText"), Params.flag(query, "closedChatsOnly"),
                Params.flag(query, "servedChatsOnly"), Params.textOrNullWhenEmpty(query, "source"), sort(query),
                page.offset(), page.count()));
        return pageResponse(rooms, page, room -> WireJson.roomSearchResult(room, view));
    }

    private static List<SortKey<RoomSortField>> sort(ObjectNode query) {
        return Params.sortKeys(ROOM_SORT.parse(Params.text(query, "sort")), RoomSortField::fromWireName);
    }

    private static ApiResponse pageResponse(Page<RoomSnapshot> rooms, Pagination page,
                                            Function<RoomSnapshot, ObjectNode> render) {
        ArrayNode history = Json.array();
        for (RoomSnapshot room : rooms.items()) {
            history.add(render.apply(room));
        }
        ObjectNode body = Json.object();
        body.set("history", history);
        body.put("count", rooms.items().size());
        body.put("offset", page.offset());
        body.put("total", rooms.total());
        return ApiResponse.success(body);
    }
}
