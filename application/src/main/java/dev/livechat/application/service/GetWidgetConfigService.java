package dev.livechat.application.service;

import dev.livechat.application.port.in.GetWidgetConfigUseCase;
import dev.livechat.application.port.in.UserView;
import dev.livechat.application.port.in.WidgetConfig;
import dev.livechat.application.port.in.WidgetConfigQuery;
import dev.livechat.application.port.out.AgentRouting;
import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.application.port.out.LoginTokenRepository;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.port.out.UserRepository;
import dev.livechat.application.port.out.VisitorRepository;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.visitor.Visitor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The widget's start-up configuration (contract 4.18, 7a): enabled departments with agents, whether a chat can be
 * opened now ({@code online}), and the caller's own visitor, open room and serving agent when the token is known.
 */
public final class GetWidgetConfigService implements GetWidgetConfigUseCase {

    private final DepartmentRepository departments;
    private final VisitorRepository visitors;
    private final RoomRepository rooms;
    private final UserRepository users;
    private final LoginTokenRepository loginTokens;
    private final AgentRouting routing;
    private final Clock clock;
    private final LivechatSettings settings;

    public GetWidgetConfigService(DepartmentRepository departments, VisitorRepository visitors, RoomRepository rooms,
                                  UserRepository users, LoginTokenRepository loginTokens, AgentRouting routing,
                                  Clock clock, LivechatSettings settings) {
        this.departments = Objects.requireNonNull(departments, "departments");
        this.visitors = Objects.requireNonNull(visitors, "visitors");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.users = Objects.requireNonNull(users, "users");
        this.loginTokens = Objects.requireNonNull(loginTokens, "loginTokens");
        this.routing = Objects.requireNonNull(routing, "routing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public WidgetConfig widgetConfig(WidgetConfigQuery query) {
        Instant now = Time.now(clock);
        List<Department> enabled = EnabledDepartments.all(departments);
        Map<DepartmentId, Integer> numAgents = departments.countAgents(enabled.stream().map(Department::id).toList());
        List<Department> listed = enabled.stream().filter(d -> numAgents.getOrDefault(d.id(), 0) > 0).toList();

        Visitor guest = query.token() == null ? null
                : VisitorToken.parse(query.token()).flatMap(visitors::findByToken).orElse(null);
        RoomSnapshot room = guest == null ? null
                : rooms.findOpenByVisitorToken(guest.token()).map(Room::snapshot).orElse(null);
        UserView agent = room == null || room.servedBy() == null ? null
                : users.findById(room.servedBy().id())
                        .map(user -> UserView.of(user,
                                loginTokens.withValidToken(List.of(user.id()), now).contains(user.id())))
                        .orElse(null);
        return new WidgetConfig(listed, online(query.department(), now), guest, room, agent);
    }

    /** 7a first: an unknown or disabled department is offline; then chats without agents; then the candidates. */
    private boolean online(String department, Instant now) {
        DepartmentId scope = null;
        if (department != null && !department.isEmpty()) {
            Optional<Department> found = DepartmentId.parse(department).flatMap(departments::findById);
            if (found.isEmpty() || !found.get().enabled()) {
                return false;
            }
            scope = found.get().id();
        }
        return settings.acceptChatsWithNoAgents() || !routing.findCandidates(scope, now).isEmpty();
    }
}
