package dev.livechat.bootstrap;

import dev.livechat.application.port.in.EnsureAdminUseCase;
import dev.livechat.application.port.in.LivechatUseCases;
import dev.livechat.application.port.out.IdGenerator;
import dev.livechat.application.port.out.PasswordHasher;
import dev.livechat.application.port.out.SecretGenerator;
import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.service.AuthenticateService;
import dev.livechat.application.service.CandidateListener;
import dev.livechat.application.service.ChangeRoomVisitorService;
import dev.livechat.application.service.ChatHistoryService;
import dev.livechat.application.service.CloseRoomByUserService;
import dev.livechat.application.service.CloseRoomByVisitorService;
import dev.livechat.application.service.CreateUserService;
import dev.livechat.application.service.DeleteDepartmentService;
import dev.livechat.application.service.DeleteVisitorService;
import dev.livechat.application.service.DepartmentQueryService;
import dev.livechat.application.service.ForwardRoomService;
import dev.livechat.application.service.GetWidgetConfigService;
import dev.livechat.application.service.ListQueuedInquiriesService;
import dev.livechat.application.service.QueueDrain;
import dev.livechat.application.service.SaveDepartmentService;
import dev.livechat.application.service.TakeInquiryService;
import dev.livechat.application.service.EnsureAdminService;
import dev.livechat.application.service.GetMeService;
import dev.livechat.application.service.GetOrOpenRoomService;
import dev.livechat.application.service.GetServerInfoService;
import dev.livechat.application.service.GetVisitorService;
import dev.livechat.application.service.LivechatSettings;
import dev.livechat.application.service.LoginService;
import dev.livechat.application.service.LogoutService;
import dev.livechat.application.service.ManageLivechatUsersService;
import dev.livechat.application.service.ReadVisitorMessagesService;
import dev.livechat.application.service.RegisterVisitorService;
import dev.livechat.application.service.SearchChatsService;
import dev.livechat.application.service.SendAgentMessageService;
import dev.livechat.application.service.SendVisitorMessageService;
import dev.livechat.application.service.SetAgentStatusService;
import dev.livechat.application.service.SubmitSurveyService;

import java.time.Clock;

/**
 * Every service wired by hand over one store: the object graph of the application layer, also what an embedding
 * application uses to call the use cases without HTTP.
 *
 * @param useCases    the use cases of the API
 * @param ensureAdmin the first-start admin, run once at start-up
 */
public record LivechatServices(LivechatUseCases useCases, EnsureAdminUseCase ensureAdmin) {

    /**
     * @param store    the out-ports of an opened store
     * @param clock    the only source of time
     * @param settings routing and login settings
     * @param hasher   password hashing (bcrypt in the server)
     * @param ids      ids and secrets
     */
    public static <R extends IdGenerator & SecretGenerator> LivechatServices wire(StorePorts store, Clock clock,
                                                                               LivechatSettings settings,
                                                                               PasswordHasher hasher, R ids) {
        var tx = store.transactions();
        // the queue drain of contract 6.5; it acts only under Auto_Selection
        CandidateListener candidates = new QueueDrain(store.inquiries(), store.rooms(), store.messages(), store.users(),
                store.departments(), store.routing(), ids, tx, clock, settings);
        SaveDepartmentService saveDepartment = new SaveDepartmentService(store.departments(), store.users(), ids, tx,
                clock, candidates);
        DepartmentQueryService departmentQueries = new DepartmentQueryService(store.departments());
        LivechatUseCases useCases = new LivechatUseCases(
                new AuthenticateService(store.users(), store.loginTokens(), clock),
                new LoginService(store.users(), store.loginTokens(), hasher, ids, clock, settings, candidates),
                new LogoutService(store.loginTokens()),
                new GetMeService(store.users(), store.loginTokens(), clock),
                new CreateUserService(store.users(), hasher, ids, clock),
                new ManageLivechatUsersService(store.users(), store.departments(), store.loginTokens(), tx, clock,
                        candidates),
                new SetAgentStatusService(store.users(), clock, candidates),
                new RegisterVisitorService(store.visitors(), store.rooms(), store.inquiries(), store.departments(), ids,
                        tx, clock),
                new GetVisitorService(store.visitors()),
                new GetOrOpenRoomService(store.visitors(), store.rooms(), store.messages(), store.inquiries(),
                        store.users(), store.routing(), ids, tx, clock, settings),
                new SendVisitorMessageService(store.visitors(), store.rooms(), store.messages(), ids, tx, clock),
                new SendAgentMessageService(store.rooms(), store.messages(), ids, tx, clock),
                new ReadVisitorMessagesService(store.visitors(), store.rooms(), store.messages()),
                new CloseRoomByVisitorService(store.visitors(), store.rooms(), store.messages(), store.inquiries(), ids,
                        tx, clock, candidates),
                new CloseRoomByUserService(store.rooms(), store.messages(), store.inquiries(), ids, tx, clock,
                        candidates),
                new SubmitSurveyService(store.visitors(), store.rooms(), tx, clock),
                new ChangeRoomVisitorService(store.visitors(), store.rooms(), store.departments(), tx, clock),
                new ChatHistoryService(store.rooms(), store.departments(), store.chatSearch()),
                new SearchChatsService(store.rooms(), store.departments(), store.chatSearch()),
                new GetServerInfoService(settings),
                saveDepartment,
                saveDepartment,
                new DeleteDepartmentService(store.departments(), store.visitors(), store.inquiries(), tx, clock),
                departmentQueries,
                departmentQueries,
                new ListQueuedInquiriesService(store.inquiries(), store.departments()),
                new TakeInquiryService(store.users(), store.loginTokens(), store.inquiries(), store.rooms(),
                        store.messages(), store.departments(), store.routing(), ids, tx, clock),
                new ForwardRoomService(store.rooms(), store.messages(), store.inquiries(), store.users(),
                        store.loginTokens(), store.departments(), store.routing(), ids, tx, clock, settings, candidates),
                new GetWidgetConfigService(store.departments(), store.visitors(), store.rooms(), store.users(),
                        store.loginTokens(), store.routing(), clock, settings),
                new DeleteVisitorService(store.visitors(), store.rooms(), store.messages(), store.inquiries(), tx,
                        clock));
        return new LivechatServices(useCases, new EnsureAdminService(store.users(), hasher, ids, ids, clock));
    }
}
