package dev.livechat.adapter.http.api;

import dev.livechat.adapter.http.core.Endpoint;
import dev.livechat.application.port.in.LivechatUseCases;

import java.util.ArrayList;
import java.util.List;

/**
 * The Livechat REST API as a list of endpoints for {@link dev.livechat.adapter.http.core.ApiPipeline}: mount them in
 * the JDK server of this module or in any other server that can hand over a request/response pair.
 */
public final class LivechatApi {

    private LivechatApi() {
    }

    /**
     * @param useCases                   the application's use cases
     * @param exposeVisitorTokenToAgents Rocket.Chat-compatible agent responses that include visitor tokens (1.13)
     */
    public static List<Endpoint> endpoints(LivechatUseCases useCases, boolean exposeVisitorTokenToAgents) {
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.addAll(AccountEndpoints.endpoints(useCases));
        endpoints.addAll(VisitorEndpoints.endpoints(useCases));
        endpoints.addAll(RoomEndpoints.endpoints(useCases, exposeVisitorTokenToAgents));
        endpoints.addAll(MessageEndpoints.endpoints(useCases, exposeVisitorTokenToAgents));
        endpoints.addAll(HistoryEndpoints.endpoints(useCases, exposeVisitorTokenToAgents));
        endpoints.addAll(DepartmentEndpoints.endpoints(useCases));
        endpoints.addAll(InquiryEndpoints.endpoints(useCases, exposeVisitorTokenToAgents));
        endpoints.addAll(ConfigEndpoints.endpoints(useCases));
        return List.copyOf(endpoints);
    }
}
