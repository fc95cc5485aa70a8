package dev.livechat.application.testing;

import dev.livechat.application.port.in.AuthenticateUseCase;
import dev.livechat.application.port.in.Caller;
import dev.livechat.application.port.in.ChangeRoomVisitorUseCase;
import dev.livechat.application.port.in.CreateDepartmentUseCase;
import dev.livechat.application.port.in.DeleteDepartmentUseCase;
import dev.livechat.application.port.in.DeleteVisitorUseCase;
import dev.livechat.application.port.in.ForwardRoomUseCase;
import dev.livechat.application.port.in.GetDepartmentUseCase;
import dev.livechat.application.port.in.GetWidgetConfigUseCase;
import dev.livechat.application.port.in.ListDepartmentsUseCase;
import dev.livechat.application.port.in.ListQueuedInquiriesUseCase;
import dev.livechat.application.port.in.TakeInquiryUseCase;
import dev.livechat.application.port.in.UpdateDepartmentUseCase;
import dev.livechat.application.port.in.ChatHistoryUseCase;
import dev.livechat.application.port.in.CloseRoomByUserUseCase;
import dev.livechat.application.port.in.CloseRoomByVisitorUseCase;
import dev.livechat.application.port.in.CreateUserUseCase;
import dev.livechat.application.port.in.EnsureAdminUseCase;
import dev.livechat.application.port.in.GetMeUseCase;
import dev.livechat.application.port.in.GetOrOpenRoomUseCase;
import dev.livechat.application.port.in.GetRoomCommand;
import dev.livechat.application.port.in.GetServerInfoUseCase;
import dev.livechat.application.port.in.GetVisitorUseCase;
import dev.livechat.application.port.in.LoginCommand;
import dev.livechat.application.port.in.LoginResult;
import dev.livechat.application.port.in.LoginUseCase;
import dev.livechat.application.port.in.LogoutUseCase;
import dev.livechat.application.port.in.ManageLivechatUsersUseCase;
import dev.livechat.application.port.in.ReadVisitorMessagesUseCase;
import dev.livechat.application.port.in.RegisterVisitorCommand;
import dev.livechat.application.port.in.RegisterVisitorUseCase;
import dev.livechat.application.port.in.SearchChatsUseCase;
import dev.livechat.application.port.in.SendAgentMessageUseCase;
import dev.livechat.application.port.in.SendVisitorMessageUseCase;
import dev.livechat.application.port.in.SetAgentStatusUseCase;
import dev.livechat.application.port.in.SubmitSurveyUseCase;
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
import dev.livechat.domain.department.Department;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.user.User;
import dev.livechat.domain.user.UserEmail;
import dev.livechat.domain.visitor.Visitor;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Every use case wired by hand over one {@link InMemoryStores}, a {@link MutableClock}, sequential ids and the fake
 * hasher and secrets, exactly as bootstrap wires the real adapters: for service tests and for running the HTTP
 * server without a database. Also offers shortcuts that tests need again and again (an agent with a login session,
 * a registered visitor, a department).
 */
public final class InMemoryLivechat {

    /** Where the clock starts unless told otherwise: the first instant of the contract's worked example. */
    public static final Instant DEFAULT_START = Instant.parse("2024-05-01T10:00:00Z");
    /** The password of every user the shortcuts create. */
    public static final String PASSWORD = "correct horse battery staple";

    /** A logged-in user: the authenticated caller and the login token in clear. */
    public record Session(Caller caller, String authToken) {

        public UserId userId() {
            return caller.id();
        }

        @Override
        public String toString() {
            return "Session[" + caller.username() + ", authToken=***]";
        }
    }

    private final InMemoryStores stores = new InMemoryStores();
    private final MutableClock clock;
    private final SequentialIdGenerator ids = new SequentialIdGenerator();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final FakeSecretGenerator secrets = new FakeSecretGenerator();
    private final LivechatSettings settings;

    private final LoginUseCase login;
    private final AuthenticateUseCase authenticate;
    private final LogoutUseCase logout;
    private final GetMeUseCase me;
    private final CreateUserUseCase createUser;
    private final ManageLivechatUsersUseCase livechatUsers;
    private final SetAgentStatusUseCase agentStatus;
    private final RegisterVisitorUseCase registerVisitor;
    private final GetVisitorUseCase getVisitor;
    private final GetOrOpenRoomUseCase getOrOpenRoom;
    private final SendVisitorMessageUseCase sendVisitorMessage;
    private final ReadVisitorMessagesUseCase readVisitorMessages;
    private final SendAgentMessageUseCase sendAgentMessage;
    private final CloseRoomByVisitorUseCase closeRoomByVisitor;
    private final CloseRoomByUserUseCase closeRoomByUser;
    private final SubmitSurveyUseCase submitSurvey;
    private final ChangeRoomVisitorUseCase changeRoomVisitor;
    private final ChatHistoryUseCase chatHistory;
    private final SearchChatsUseCase searchChats;
    private final GetServerInfoUseCase serverInfo;
    private final EnsureAdminUseCase ensureAdmin;
    private final SaveDepartmentService saveDepartment;
    private final DeleteDepartmentUseCase deleteDepartment;
    private final DepartmentQueryService departmentQueries;
    private final ListQueuedInquiriesUseCase queuedInquiries;
    private final TakeInquiryUseCase takeInquiry;
    private final ForwardRoomUseCase forwardRoom;
    private final GetWidgetConfigUseCase widgetConfig;
    private final DeleteVisitorUseCase deleteVisitor;
    private final QueueDrain queueDrain;

    /** Contract defaults (Auto_Selection, no chats without agents, no chat limit), the clock at {@link #DEFAULT_START}. */
    public InMemoryLivechat() {
        this(LivechatSettings.defaults("0.0.0-test"));
    }

    /** Wired as the server is: the queue drain (contract 6.5) listens for new routing candidates. */
    public InMemoryLivechat(LivechatSettings settings) {
        this(settings, new MutableClock(DEFAULT_START));
    }

    /** Wired as the server is: the queue drain (contract 6.5) listens for new routing candidates. */
    public InMemoryLivechat(LivechatSettings settings, MutableClock clock) {
        this(settings, clock, null);
    }

    /**
     * @param candidates told about possible new routing candidates instead of the queue drain; null = the drain
     */
    public InMemoryLivechat(LivechatSettings settings, MutableClock clock, CandidateListener candidates) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        StorePorts s = stores.stores();
        queueDrain = new QueueDrain(s.inquiries(), s.rooms(), s.messages(), s.users(), s.departments(), s.routing(),
                ids, s.transactions(), clock, settings);
        if (candidates == null) {
            candidates = queueDrain;
        }
        login = new LoginService(s.users(), s.loginTokens(), hasher, secrets, clock, settings, candidates);
        authenticate = new AuthenticateService(s.users(), s.loginTokens(), clock);
        logout = new LogoutService(s.loginTokens());
        me = new GetMeService(s.users(), s.loginTokens(), clock);
        createUser = new CreateUserService(s.users(), hasher, ids, clock);
        livechatUsers = new ManageLivechatUsersService(s.users(), s.departments(), s.loginTokens(), s.transactions(),
                clock, candidates);
        agentStatus = new SetAgentStatusService(s.users(), clock, candidates);
        registerVisitor = new RegisterVisitorService(s.visitors(), s.rooms(), s.inquiries(), s.departments(), ids,
                s.transactions(), clock);
        getVisitor = new GetVisitorService(s.visitors());
        getOrOpenRoom = new GetOrOpenRoomService(s.visitors(), s.rooms(), s.messages(), s.inquiries(), s.users(),
                s.routing(), ids, s.transactions(), clock, settings);
        sendVisitorMessage = new SendVisitorMessageService(s.visitors(), s.rooms(), s.messages(), ids, s.transactions(), clock);
        readVisitorMessages = new ReadVisitorMessagesService(s.visitors(), s.rooms(), s.messages());
        sendAgentMessage = new SendAgentMessageService(s.rooms(), s.messages(), ids, s.transactions(), clock);
        closeRoomByVisitor = new CloseRoomByVisitorService(s.visitors(), s.rooms(), s.messages(), s.inquiries(), ids,
                s.transactions(), clock, candidates);
        closeRoomByUser = new CloseRoomByUserService(s.rooms(), s.messages(), s.inquiries(), ids, s.transactions(), clock,
                candidates);
        submitSurvey = new SubmitSurveyService(s.visitors(), s.rooms(), s.transactions(), clock);
        changeRoomVisitor = new ChangeRoomVisitorService(s.visitors(), s.rooms(), s.departments(), s.transactions(), clock);
        chatHistory = new ChatHistoryService(s.rooms(), s.departments(), s.chatSearch());
        searchChats = new SearchChatsService(s.rooms(), s.departments(), s.chatSearch());
        serverInfo = new GetServerInfoService(settings);
        ensureAdmin = new EnsureAdminService(s.users(), hasher, secrets, ids, clock);
        saveDepartment = new SaveDepartmentService(s.departments(), s.users(), ids, s.transactions(), clock, candidates);
        deleteDepartment = new DeleteDepartmentService(s.departments(), s.visitors(), s.inquiries(), s.transactions(),
                clock);
        departmentQueries = new DepartmentQueryService(s.departments());
        queuedInquiries = new ListQueuedInquiriesService(s.inquiries(), s.departments());
        takeInquiry = new TakeInquiryService(s.users(), s.loginTokens(), s.inquiries(), s.rooms(), s.messages(),
                s.departments(), s.routing(), ids, s.transactions(), clock);
        forwardRoom = new ForwardRoomService(s.rooms(), s.messages(), s.inquiries(), s.users(), s.loginTokens(),
                s.departments(), s.routing(), ids, s.transactions(), clock, settings, candidates);
        widgetConfig = new GetWidgetConfigService(s.departments(), s.visitors(), s.rooms(), s.users(), s.loginTokens(),
                s.routing(), clock, settings);
        deleteVisitor = new DeleteVisitorService(s.visitors(), s.rooms(), s.messages(), s.inquiries(), s.transactions(),
                clock);
    }

    // ---- the wiring -------------------------------------------------------------------------------------------------

    public InMemoryStores stores() {
        return stores;
    }

    public MutableClock clock() {
        return clock;
    }

    public SequentialIdGenerator ids() {
        return ids;
    }

    public FakePasswordHasher hasher() {
        return hasher;
    }

    public FakeSecretGenerator secrets() {
        return secrets;
    }

    public LivechatSettings settings() {
        return settings;
    }

    // ---- the use cases ----------------------------------------------------------------------------------------------

    public LoginUseCase login() {
        return login;
    }

    public AuthenticateUseCase authenticate() {
        return authenticate;
    }

    public LogoutUseCase logout() {
        return logout;
    }

    public GetMeUseCase me() {
        return me;
    }

    public CreateUserUseCase createUser() {
        return createUser;
    }

    public ManageLivechatUsersUseCase livechatUsers() {
        return livechatUsers;
    }

    public SetAgentStatusUseCase agentStatus() {
        return agentStatus;
    }

    public RegisterVisitorUseCase registerVisitor() {
        return registerVisitor;
    }

    public GetVisitorUseCase getVisitor() {
        return getVisitor;
    }

    public GetOrOpenRoomUseCase getOrOpenRoom() {
        return getOrOpenRoom;
    }

    public SendVisitorMessageUseCase sendVisitorMessage() {
        return sendVisitorMessage;
    }

    public ReadVisitorMessagesUseCase readVisitorMessages() {
        return readVisitorMessages;
    }

    public SendAgentMessageUseCase sendAgentMessage() {
        return sendAgentMessage;
    }

    public CloseRoomByVisitorUseCase closeRoomByVisitor() {
        return closeRoomByVisitor;
    }

    public CloseRoomByUserUseCase closeRoomByUser() {
        return closeRoomByUser;
    }

    public SubmitSurveyUseCase submitSurvey() {
        return submitSurvey;
    }

    public ChangeRoomVisitorUseCase changeRoomVisitor() {
        return changeRoomVisitor;
    }

    public ChatHistoryUseCase chatHistory() {
        return chatHistory;
    }

    public SearchChatsUseCase searchChats() {
        return searchChats;
    }

    public GetServerInfoUseCase serverInfo() {
        return serverInfo;
    }

    public EnsureAdminUseCase ensureAdmin() {
        return ensureAdmin;
    }

    public CreateDepartmentUseCase createDepartment() {
        return saveDepartment;
    }

    public UpdateDepartmentUseCase updateDepartment() {
        return saveDepartment;
    }

    public DeleteDepartmentUseCase deleteDepartment() {
        return deleteDepartment;
    }

    public ListDepartmentsUseCase listDepartments() {
        return departmentQueries;
    }

    public GetDepartmentUseCase getDepartment() {
        return departmentQueries;
    }

    public ListQueuedInquiriesUseCase queuedInquiries() {
        return queuedInquiries;
    }

    public TakeInquiryUseCase takeInquiry() {
        return takeInquiry;
    }

    public ForwardRoomUseCase forwardRoom() {
        return forwardRoom;
    }

    public GetWidgetConfigUseCase widgetConfig() {
        return widgetConfig;
    }

    public DeleteVisitorUseCase deleteVisitor() {
        return deleteVisitor;
    }

    /** The queue drain of this wiring (the listener unless another was given). */
    public QueueDrain queueDrain() {
        return queueDrain;
    }

    // ---- shortcuts --------------------------------------------------------------------------------------------------

    /**
     * Stores an active user with these roles (agents start available), the name {@code <Username>}, the email
     * {@code <username>@example.com} and the password {@link #PASSWORD}; nobody is logged in.
     */
    public User storeUser(String username, Role... roles) {
        String name = Character.toUpperCase(username.charAt(0)) + username.substring(1);
        User user = User.create(new UserId(ids.newId()), username, name,
                new UserEmail(username.toLowerCase(Locale.ROOT) + "@example.com", false), hasher.hash(PASSWORD), true,
                List.of(roles), clock.instant());
        stores.users().insert(user);
        return user;
    }

    /** Logs a stored user in with {@link #PASSWORD} through the login use case. */
    public Session logIn(String username) {
        LoginResult result = login.login(new LoginCommand(username, false, PASSWORD));
        return new Session(authenticate.authenticate(result.me().id().value(), result.authToken()),
                result.authToken());
    }

    /** A stored, logged-in user with these roles. */
    public Session createUser(String username, Role... roles) {
        storeUser(username, roles);
        return logIn(username);
    }

    /** A stored, logged-in, available agent (roles {@code user}, {@code livechat-agent}): a routing candidate. */
    public Session createAgent(String username) {
        return createUser(username, Role.USER, Role.LIVECHAT_AGENT);
    }

    /** A stored, logged-in manager (roles {@code user}, {@code livechat-manager}). */
    public Session createManager(String username) {
        return createUser(username, Role.USER, Role.LIVECHAT_MANAGER);
    }

    /** Stores a department and links the given agents to it. */
    public Department createDepartment(String name, boolean enabled, Session... agents) {
        Department department = new Department(new DepartmentId(ids.newId()), enabled, name, null, true, true,
                name.toLowerCase(Locale.ROOT).replace(' ', '-') + "@example.com", clock.instant());
        stores.departments().insert(department);
        for (Session agent : agents) {
            stores.departments().addAgent(department.id(), agent.userId(), agent.caller().username(), 0, 0);
        }
        return department;
    }

    /** Registers a visitor with only a token, through the registration use case. */
    public Visitor registerVisitor(String token) {
        return registerVisitor(token, null, null);
    }

    /** Registers a visitor with a token, a name and a department id or name (both may be null). */
    public Visitor registerVisitor(String token, String name, String department) {
        return registerVisitor.registerVisitor(new RegisterVisitorCommand(token, name, null, null, department));
    }

    /** {@code GET livechat/room} for this token, without {@code rid} or {@code agentId}. */
    public RoomSnapshot openRoom(String token) {
        return getOrOpenRoom.getOrOpenRoom(new GetRoomCommand(token, null, null, RoomSource.API)).room();
    }
}
