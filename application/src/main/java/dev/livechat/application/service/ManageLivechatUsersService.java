package dev.livechat.application.service;

import dev.livechat.application.port.in.Caller;
import dev.livechat.application.port.in.LivechatUserCommand;
import dev.livechat.application.port.in.LivechatUsersQuery;
import dev.livechat.application.port.in.ManageLivechatUsersUseCase;
import dev.livechat.application.port.in.UserRef;
import dev.livechat.application.port.in.UserView;
import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.application.port.out.LoginTokenRepository;
import dev.livechat.application.port.out.TransactionRunner;
import dev.livechat.application.port.out.UserRepository;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.error.PermissionDeniedException;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.Permission;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.user.User;
import dev.livechat.domain.user.UserSortField;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Grants, revokes and lists the agent and manager roles (contract 4.5). */
public final class ManageLivechatUsersService implements ManageLivechatUsersUseCase {

    private static final List<SortKey<UserSortField>> DEFAULT_SORT =
            List.of(new SortKey<>(UserSortField.USERNAME, true));

    private final UserRepository users;
    private final DepartmentRepository departments;
    private final LoginTokenRepository loginTokens;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final CandidateListener candidates;

    public ManageLivechatUsersService(UserRepository users, DepartmentRepository departments,
                                      LoginTokenRepository loginTokens, TransactionRunner tx, Clock clock) {
        this(users, departments, loginTokens, tx, clock, CandidateListener.NONE);
    }

    public ManageLivechatUsersService(UserRepository users, DepartmentRepository departments,
                                      LoginTokenRepository loginTokens, TransactionRunner tx, Clock clock,
                                      CandidateListener candidates) {
        this.candidates = Objects.requireNonNull(candidates, "candidates");
        this.users = Objects.requireNonNull(users, "users");
        this.departments = Objects.requireNonNull(departments, "departments");
        this.loginTokens = Objects.requireNonNull(loginTokens, "loginTokens");
        this.unitOfWork = new UnitOfWork(tx);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public UserRef addLivechatUser(LivechatUserCommand command) {
        requirePermission(command.caller());
        Role role = role(command.type());
        UserRef added = unitOfWork.run(() -> {
            User user = Optional.ofNullable(command.target()).flatMap(users::findByUsername)
                    .orElseThrow(() -> BusinessRuleException.plain("error-invalid-user"));
            User granted = user.withRole(role, Time.now(clock));
            if (granted != user) {
                users.update(granted);
            }
            return new UserRef(user.id(), user.username());
        });
        if (role == Role.LIVECHAT_AGENT) {
            // a logged-in user who just became an (available) agent is a new routing candidate
            candidates.candidateMayHaveArrived(added.id());
        }
        return added;
    }

    @Override
    public void removeLivechatUser(LivechatUserCommand command) {
        requirePermission(command.caller());
        Role role = role(command.type());
        unitOfWork.run(() -> {
            User user = UserId.parse(command.target()).flatMap(users::findById)
                    .orElseThrow(BusinessRuleException::bareFailure);
            User revoked = user.withoutRole(role, Time.now(clock));
            if (revoked != user) {
                users.update(revoked);
            }
            if (role == Role.LIVECHAT_AGENT) {
                departments.removeAgentFromAll(user.id());
            }
            return null;
        });
    }

    @Override
    public Page<UserView> listLivechatUsers(LivechatUsersQuery query) {
        requirePermission(query.caller());
        Role role = role(query.type());
        String text = query.text() == null || query.text().isEmpty() ? null : query.text();
        List<SortKey<UserSortField>> sort = query.sort().isEmpty() ? DEFAULT_SORT : query.sort();
        Page<User> page = users.findByRole(role, text, sort, query.offset(), query.count());
        Instant now = Time.now(clock);
        Set<UserId> online = loginTokens.withValidToken(page.items().stream().map(User::id).toList(), now);
        List<UserView> views = page.items().stream()
                .map(user -> view(user, online.contains(user.id()), role))
                .toList();
        return new Page<>(views, page.total());
    }

    /** Managers are listed without {@code statusLivechat}, which only the agent list shows. */
    private static UserView view(User user, boolean online, Role listed) {
        UserView view = UserView.of(user, online);
        if (listed == Role.LIVECHAT_AGENT) {
            return view;
        }
        return new UserView(view.id(), view.username(), view.name(), view.email(), view.status(), null, view.active(),
                view.roles(), view.createdAt(), view.updatedAt());
    }

    private static void requirePermission(Caller caller) {
        if (!caller.has(Permission.VIEW_LIVECHAT_MANAGER)) {
            throw PermissionDeniedException.routePermission();
        }
    }

    private static Role role(String type) {
        if ("agent".equals(type)) {
            return Role.LIVECHAT_AGENT;
        }
        if ("manager".equals(type)) {
            return Role.LIVECHAT_MANAGER;
        }
        throw BusinessRuleException.plain("Invalid type");
    }
}
