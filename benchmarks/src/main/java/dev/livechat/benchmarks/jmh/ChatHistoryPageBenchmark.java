package dev.livechat.benchmarks.jmh;

import dev.livechat.adapter.http.api.LivechatApi;
import dev.livechat.adapter.http.core.ApiPipeline;
import dev.livechat.adapter.http.core.RawRequest;
import dev.livechat.adapter.http.core.RawResponse;
import dev.livechat.adapter.http.core.RequestBody;
import dev.livechat.adapter.http.core.RequestHeaders;
import dev.livechat.adapter.http.ratelimit.RateLimiter;
import dev.livechat.application.port.in.AuthenticateUseCase;
import dev.livechat.application.port.in.Caller;
import dev.livechat.application.port.in.ChatHistoryUseCase;
import dev.livechat.application.port.in.LivechatUseCases;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.user.Role;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code visitors.chatHistory} page of 50 rooms through the whole HTTP adapter, without a store: routing, query
 * validation, the use case (answering a fixed page), mapping of 50 rooms, the envelope and the JSON writing, up to the
 * response bytes. The store's share is what the load harness adds on top.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChatHistoryPageBenchmark {

    private ApiPipeline pipeline;
    private RawRequest request;

    @Setup
    public void setUp() {
        List<RoomSnapshot> rooms = Fixtures.historyPage(50);
        Page<RoomSnapshot> page = new Page<>(rooms, 120);
        Caller agent = new Caller(Fixtures.AGENT_ID, Fixtures.AGENT.username(), Fixtures.AGENT.name(),
                List.of(Role.USER, Role.LIVECHAT_AGENT));
        AuthenticateUseCase authenticate = (userId, token) -> agent;
        ChatHistoryUseCase chatHistory = query -> page;
        LivechatUseCases useCases = useCases(authenticate, chatHistory);
        pipeline = ApiPipeline.builder()
                .authentication(authenticate)
                .rateLimiter(RateLimiter.disabled())
                .endpoints(LivechatApi.endpoints(useCases, false))
                .build();
        String roomId = rooms.get(0).id().value();
        String visitorId = rooms.get(0).visitor().id().value();
        request = new RawRequest("GET", "/api/v1/livechat/visitors.chatHistory/room/" + roomId + "/visitor/" + visitorId,
                "count=50&offset=0", RequestHeaders.of("X-User-Id", agent.id().value(), "X-Auth-Token", "token"),
                RequestBody.empty(), "127.0.0.1");
        RawResponse response = pipeline.handle(request);
        if (response.status() != 200) {
            throw new IllegalStateException("fixture request answered " + response.status());
        }
    }

    @Benchmark
    public byte[] page50ToBytes() {
        return pipeline.handle(request).body();
    }

    /** The use cases of the API: the two this benchmark calls, and stand-ins that fail for the others. */
    private static LivechatUseCases useCases(AuthenticateUseCase authenticate, ChatHistoryUseCase chatHistory) {
        return new LivechatUseCases(authenticate, unused(dev.livechat.application.port.in.LoginUseCase.class),
                unused(dev.livechat.application.port.in.LogoutUseCase.class),
                unused(dev.livechat.application.port.in.GetMeUseCase.class),
                unused(dev.livechat.application.port.in.CreateUserUseCase.class),
                unused(dev.livechat.application.port.in.ManageLivechatUsersUseCase.class),
                unused(dev.livechat.application.port.in.SetAgentStatusUseCase.class),
                unused(dev.livechat.application.port.in.RegisterVisitorUseCase.class),
                unused(dev.livechat.application.port.in.GetVisitorUseCase.class),
                unused(dev.livechat.application.port.in.GetOrOpenRoomUseCase.class),
                unused(dev.livechat.application.port.in.SendVisitorMessageUseCase.class),
                unused(dev.livechat.application.port.in.SendAgentMessageUseCase.class),
                unused(dev.livechat.application.port.in.ReadVisitorMessagesUseCase.class),
                unused(dev.livechat.application.port.in.CloseRoomByVisitorUseCase.class),
                unused(dev.livechat.application.port.in.CloseRoomByUserUseCase.class),
                unused(dev.livechat.application.port.in.SubmitSurveyUseCase.class),
                unused(dev.livechat.application.port.in.ChangeRoomVisitorUseCase.class),
                chatHistory,
                unused(dev.livechat.application.port.in.SearchChatsUseCase.class),
                unused(dev.livechat.application.port.in.GetServerInfoUseCase.class),
                unused(dev.livechat.application.port.in.CreateDepartmentUseCase.class),
                unused(dev.livechat.application.port.in.UpdateDepartmentUseCase.class),
                unused(dev.livechat.application.port.in.DeleteDepartmentUseCase.class),
                unused(dev.livechat.application.port.in.ListDepartmentsUseCase.class),
                unused(dev.livechat.application.port.in.GetDepartmentUseCase.class),
                unused(dev.livechat.application.port.in.ListQueuedInquiriesUseCase.class),
                unused(dev.livechat.application.port.in.TakeInquiryUseCase.class),
                unused(dev.livechat.application.port.in.ForwardRoomUseCase.class),
                unused(dev.livechat.application.port.in.GetWidgetConfigUseCase.class),
                unused(dev.livechat.application.port.in.DeleteVisitorUseCase.class));
    }

    private static <T> T unused(Class<T> useCase) {
        Object proxy = Proxy.newProxyInstance(useCase.getClassLoader(), new Class<?>[]{useCase}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "unused " + useCase.getSimpleName();
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> throw new IllegalStateException("unexpected Object method " + method.getName());
                };
            }
            throw new IllegalStateException(useCase.getSimpleName() + " is not part of this benchmark");
        });
        return useCase.cast(proxy);
    }
}
