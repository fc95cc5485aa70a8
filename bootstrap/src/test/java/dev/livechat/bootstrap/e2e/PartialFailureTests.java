package dev.livechat.bootstrap.e2e;

import dev.livechat.application.port.in.Caller;
import dev.livechat.application.port.in.ChangeRoomVisitorCommand;
import dev.livechat.application.port.in.CloseRoomByUserCommand;
import dev.livechat.application.port.in.CloseRoomByVisitorCommand;
import dev.livechat.application.port.in.CreateUserCommand;
import dev.livechat.application.port.in.EnsureAdminCommand;
import dev.livechat.application.port.in.GetRoomCommand;
import dev.livechat.application.port.in.LivechatUseCases;
import dev.livechat.application.port.in.LivechatUserCommand;
import dev.livechat.application.port.in.LoginCommand;
import dev.livechat.application.port.in.LoginResult;
import dev.livechat.application.port.in.LogoutCommand;
import dev.livechat.application.port.in.RegisterVisitorCommand;
import dev.livechat.application.port.in.SendAgentMessageCommand;
import dev.livechat.application.port.in.SendVisitorMessageCommand;
import dev.livechat.application.port.in.SetAgentStatusCommand;
import dev.livechat.application.port.in.SubmitSurveyCommand;
import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.port.in.CreateDepartmentCommand;
import dev.livechat.application.port.in.DeleteDepartmentCommand;
import dev.livechat.application.port.in.DepartmentAgentData;
import dev.livechat.application.port.in.DepartmentData;
import dev.livechat.application.port.in.DepartmentDetails;
import dev.livechat.application.port.in.ForwardRoomCommand;
import dev.livechat.application.port.in.TakeInquiryCommand;
import dev.livechat.application.service.LivechatSettings;
import dev.livechat.application.service.QueueDrain;
import dev.livechat.application.testing.FakePasswordHasher;
import dev.livechat.application.testing.FaultInjectingStore;
import dev.livechat.bootstrap.LivechatServices;
import dev.livechat.bootstrap.SecureRandomIds;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.error.StoreUnavailableException;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.room.SurveyAnswer;
import dev.livechat.domain.routing.RoutingMethod;
import dev.livechat.domain.shared.RoomId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.DynamicTest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store failure in the middle of every multi-step use case, at every step: the services run over the store through
 * a {@link FaultInjectingStore}, and for n = 1, 2, ... the n-th store call of the use case fails. On a store with
 * transactions the failed use case must leave the store exactly as it was, and the client's retry must succeed. On
 * MongoDB (no multi-document transactions) the writes before the failure stay: the suite reports what remains for
 * each n and requires that the retry answers with success or a contract error, never an unexpected failure, and
 * that the visitor can go on (see ADR 0008 for the window). The one failure a use case may absorb is one inside the
 * queue drain, which runs after the triggering unit committed (ADR 0008): the use case then answers its own result.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PartialFailureTests {

    /** A store opened for the services, and what it holds. */
    interface Backend extends AutoCloseable {
        StorePorts ports();

        /** Everything the store holds; two results compare equal recursively when nothing was written in between. */
        Object contents();

        /** Whether a unit of work is a transaction (everything or nothing). */
        boolean transactional();

        @Override
        void close();
    }

    /** A use case with its preparation: {@link #prepare} runs with the store healthy and returns the step to break. */
    private record Scenario(String name, Supplier<Runnable> prepare) {
    }

    private Backend backend;
    private FaultInjectingStore faults;
    private LivechatUseCases livechat;
    /** The same store wired under Manual_Selection with chats accepted without agents: its new rooms stay queued. */
    private LivechatUseCases queueing;
    private Caller admin;
    private Caller agent;
    private Caller secondAgent;

    /** The store kind, or null for the in-memory store of the application's tests. */
    abstract TestStore.Kind kind();

    abstract Backend open();

    private boolean available() {
        return kind() == null || kind().available();
    }

    private void assumeAvailable() {
        if (kind() != null) {
            kind().assumeAvailable();
        }
    }

    private String label() {
        return kind() == null ? "IN_MEMORY" : kind().toString();
    }

    @BeforeAll
    void wire() {
        if (!available()) {
            return;
        }
        backend = open();
        faults = FaultInjectingStore.around(backend.ports());
        LivechatSettings settings = new LivechatSettings(RoutingMethod.AUTO_SELECTION, false, 0,
                LivechatSettings.DEFAULT_LOGIN_EXPIRATION, "test");
        LivechatServices services = LivechatServices.wire(faults.ports(), Clock.systemUTC(), settings,
                new FakePasswordHasher(), new SecureRandomIds());
        livechat = services.useCases();
        queueing = LivechatServices.wire(faults.ports(), Clock.systemUTC(), new LivechatSettings(
                RoutingMethod.MANUAL_SELECTION, true, 0, LivechatSettings.DEFAULT_LOGIN_EXPIRATION, "test"),
                new FakePasswordHasher(), new SecureRandomIds()).useCases();
        services.ensureAdmin().ensureAdmin(new EnsureAdminCommand("admin", "admin-secret-1"));
        admin = login("admin", "admin-secret-1");
        livechat.createUser().createUser(new CreateUserCommand(admin, "faria@example.com", "Faria Masood", "pw-agent",
                "faria.masood", List.of("user", "livechat-agent"), null, null));
        agent = login("faria.masood", "pw-agent");
        livechat.createUser().createUser(new CreateUserCommand(admin, "omar@example.com", "Omar", "pw-omar",
                "omar", List.of("user", "livechat-agent"), null, null));
        secondAgent = login("omar", "pw-omar");
        secondAgentAvailable(false);
    }

    /** The second agent receives no new chats unless a scenario makes it available for a forward. */
    private void secondAgentAvailable(boolean available) {
        livechat.agentStatus().setAgentStatus(new SetAgentStatusCommand(admin, available ? "available" : "not-available",
                secondAgent.id().value()));
    }

    @BeforeEach
    void skipUnlessAvailable() {
        assumeAvailable();
    }

    @AfterAll
    void close() {
        if (backend != null) {
            backend.close();
        }
    }

    private Caller login(String username, String password) {
        LoginResult result = livechat.login().login(new LoginCommand(username, false, password));
        return livechat.authenticate().authenticate(result.me().id().value(), result.authToken());
    }

    private String visitor() {
        String token = "tok-" + UUID.randomUUID();
        livechat.registerVisitor().registerVisitor(new RegisterVisitorCommand(token, "Maria", null, null, null));
        return token;
    }

    private String room(String token) {
        return livechat.getOrOpenRoom().getOrOpenRoom(new GetRoomCommand(token, null, null, RoomSource.API))
                .room().id().value();
    }

    private List<Scenario> scenarios() {
        return List.of(
                new Scenario("open a room: room, started message, assignment, inquiry, visitor's last chat", () -> {
                    String token = visitor();
                    return () -> room(token);
                }),
                new Scenario("visitor message: message, room counters", () -> {
                    String token = visitor();
                    String rid = room(token);
                    return () -> livechat.sendVisitorMessage().sendVisitorMessage(
                            new SendVisitorMessageCommand(token, rid, "hello", null));
                }),
                new Scenario("agent message: message, room metrics and response", () -> {
                    String token = visitor();
                    String rid = room(token);
                    livechat.sendVisitorMessage().sendVisitorMessage(new SendVisitorMessageCommand(token, rid, "hi", null));
                    return () -> livechat.sendAgentMessage().sendAgentMessage(
                            new SendAgentMessageCommand(agent, rid, "how can I help?", null));
                }),
                new Scenario("visitor closes: room, inquiry, closing message", () -> {
                    String token = visitor();
                    String rid = room(token);
                    return () -> livechat.closeRoomByVisitor().closeRoomByVisitor(new CloseRoomByVisitorCommand(token, rid));
                }),
                new Scenario("agent closes with comment and tags", () -> {
                    String token = visitor();
                    String rid = room(token);
                    return () -> livechat.closeRoomByUser().closeRoomByUser(
                            new CloseRoomByUserCommand(agent, rid, "solved", List.of("billing", "vip")));
                }),
                new Scenario("survey of a closed room", () -> {
                    String token = visitor();
                    String rid = room(token);
                    livechat.closeRoomByVisitor().closeRoomByVisitor(new CloseRoomByVisitorCommand(token, rid));
                    return () -> livechat.submitSurvey().submitSurvey(new SubmitSurveyCommand(token, rid,
                            List.of(new SurveyAnswer("satisfaction", "5"), new SurveyAnswer("additionalFeedback", "ok"))));
                }),
                new Scenario("room changes visitor", () -> {
                    String token = visitor();
                    String rid = room(token);
                    String other = visitor();
                    String otherId = livechat.getVisitor().getVisitor(other).id().value();
                    return () -> livechat.changeRoomVisitor().changeRoomVisitor(
                            new ChangeRoomVisitorCommand(agent, rid, null, otherId));
                }),
                new Scenario("a visitor's new name reaches its open room and inquiry", () -> {
                    String token = visitor();
                    room(token);
                    return () -> livechat.registerVisitor().registerVisitor(
                            new RegisterVisitorCommand(token, "Maria Renamed", "maria@example.com", "+123", null));
                }),
                new Scenario("register a new visitor", () -> {
                    String token = "tok-" + UUID.randomUUID();
                    return () -> livechat.registerVisitor().registerVisitor(
                            new RegisterVisitorCommand(token, "New", "new@example.com", null, null));
                }),
                new Scenario("login", () -> () -> livechat.login().login(new LoginCommand("faria.masood", false, "pw-agent"))),
                new Scenario("logout", () -> {
                    LoginResult session = livechat.login().login(new LoginCommand("faria.masood", false, "pw-agent"));
                    Caller caller = livechat.authenticate().authenticate(session.me().id().value(), session.authToken());
                    return () -> livechat.logout().logout(new LogoutCommand(caller, session.authToken()));
                }),
                new Scenario("create a user", () -> {
                    String name = "u" + UUID.randomUUID().toString().substring(0, 8);
                    return () -> livechat.createUser().createUser(new CreateUserCommand(admin, name + "@example.com",
                            "User", "pw", name, List.of("user", "livechat-agent"), true, false));
                }),
                new Scenario("make a user an agent", () -> {
                    String name = "u" + UUID.randomUUID().toString().substring(0, 8);
                    livechat.createUser().createUser(new CreateUserCommand(admin, name + "@example.com", "User", "pw",
                            name, null, null, null));
                    return () -> livechat.livechatUsers().addLivechatUser(new LivechatUserCommand(admin, "agent", name));
                }),
                new Scenario("remove an agent", () -> {
                    String name = "u" + UUID.randomUUID().toString().substring(0, 8);
                    String id = livechat.createUser().createUser(new CreateUserCommand(admin, name + "@example.com",
                            "User", "pw", name, List.of("user", "livechat-agent"), null, null)).id().value();
                    return () -> livechat.livechatUsers().removeLivechatUser(new LivechatUserCommand(admin, "agent", id));
                }),
                new Scenario("agent status", () -> () -> livechat.agentStatus().setAgentStatus(
                        new SetAgentStatusCommand(admin, "available", agent.id().value()))),
                new Scenario("forward to another agent: room, inquiry, command, uj, transfer and ul messages", () -> {
                    secondAgentAvailable(false);
                    String token = visitor();
                    String rid = room(token);
                    secondAgentAvailable(true);
                    return () -> livechat.forwardRoom().forwardRoom(new ForwardRoomCommand(admin, rid,
                            secondAgent.id().value(), null, "over to you"));
                }),
                new Scenario("take a queued inquiry: inquiry, room, command and uj messages", () -> {
                    String token = visitor();
                    String rid = queueing.getOrOpenRoom().getOrOpenRoom(new GetRoomCommand(token, null, null,
                            RoomSource.API)).room().id().value();
                    String inquiryId = faults.ports().inquiries().findByRoomId(new RoomId(rid)).orElseThrow().id().value();
                    return () -> livechat.takeInquiry().takeInquiry(new TakeInquiryCommand(agent, inquiryId, null));
                }),
                new Scenario("create a department with agents", () -> {
                    String name = "Sales " + UUID.randomUUID();
                    return () -> livechat.createDepartment().createDepartment(new CreateDepartmentCommand(admin,
                            new DepartmentData(name, "sales@example.com", true, true, true, "d"),
                            List.of(new DepartmentAgentData(agent.id().value(), 1, 2))));
                }),
                new Scenario("delete a department: links, visitors, inquiries", () -> {
                    DepartmentDetails department = livechat.createDepartment().createDepartment(
                            new CreateDepartmentCommand(admin, new DepartmentData("Support " + UUID.randomUUID(),
                                    "support@example.com", true, true, true, null),
                                    List.of(new DepartmentAgentData(agent.id().value(), null, null))));
                    String token = "tok-" + UUID.randomUUID();
                    livechat.registerVisitor().registerVisitor(new RegisterVisitorCommand(token, "Dept", null, null,
                            department.department().id().value()));
                    room(token);
                    return () -> livechat.deleteDepartment().deleteDepartment(
                            new DeleteDepartmentCommand(admin, department.department().id().value()));
                }),
                new Scenario("erase a visitor: messages, inquiries, rooms, visitor", () -> {
                    String token = visitor();
                    String rid = room(token);
                    livechat.sendVisitorMessage().sendVisitorMessage(new SendVisitorMessageCommand(token, rid, "x", null));
                    livechat.closeRoomByVisitor().closeRoomByVisitor(new CloseRoomByVisitorCommand(token, rid));
                    livechat.closeRoomByVisitor().closeRoomByVisitor(new CloseRoomByVisitorCommand(token, room(token)));
                    return () -> livechat.deleteVisitor().deleteVisitor(token);
                }));
    }

    @TestFactory
    Stream<DynamicTest> a_failure_at_any_step_of_a_use_case_leaves_no_half_written_state() {
        assumeAvailable();
        return scenarios().stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> breakAtEveryStep(scenario)));
    }

    private void breakAtEveryStep(Scenario scenario) {
        Map<Integer, String> window = new LinkedHashMap<>();
        int steps = 0;
        int absorbed = 0;
        for (int n = 1; ; n++) {
            faults.disarm();
            Runnable action = scenario.prepare().get();
            Object before = backend.contents();
            faults.failAtCall(n);
            boolean completed;
            try {
                action.run();
                completed = true;
            } catch (StoreUnavailableException e) {
                assertThat(e.getMessage()).as("the injected failure, unchanged").startsWith(FaultInjectingStore.INJECTED);
                completed = false;
            }
            List<String> trace = faults.trace();
            int failures = faults.failures();
            faults.disarm();
            if (completed && failures > 0) {
                // absorbed: only the queue drain may do that, after the use case's own unit committed
                assertThat(faults.failedCallStack()).as("%s: an injected failure was swallowed at call %d of %s",
                        scenario.name(), n, trace).anyMatch(frame -> frame.getClassName().equals(QueueDrain.class.getName()));
                steps = n;
                absorbed++;
                window.put(n, trace.get(trace.size() - 1) + " in the queue drain: absorbed, the use case answered");
                continue;
            }
            if (completed) {
                assertThat(n).as("%s: at least one store call", scenario.name()).isGreaterThan(1);
                break;
            }
            steps = n;
            Object after = backend.contents();
            if (backend.transactional()) {
                assertThat(changes(before, after)).as("%s, failing at call %d of %s", scenario.name(), n, trace)
                        .isEqualTo("nothing");
                action.run(); // the client's retry succeeds: the failed attempt held nothing back
            } else {
                window.put(n, trace.get(trace.size() - 1) + " leaves " + changes(before, after));
                try {
                    action.run();
                } catch (BusinessRuleException contractAnswer) {
                    // the retry may answer e.g. room-closed when the first write had gone through: a contract answer
                }
            }
        }
        if (backend.transactional()) {
            System.out.println(label() + " " + scenario.name() + ": failed at each of its " + steps + " store calls in "
                    + "turn; " + (steps - absorbed) + " times nothing remained and the retry succeeded" + (absorbed == 0
                    ? "" : ", " + absorbed + " times in the queue drain after the commit (absorbed)"));
        } else {
            System.out.println(label() + " " + scenario.name() + ":");
            window.forEach((n, leftover) -> System.out.println("  failing at call " + n + ": " + leftover));
        }
    }

    /**
     * Which tables or collections differ, with the change of their size: {@code "nothing"} when none does. Both stores'
     * contents are maps of table to rows (a list of rendered rows, or a map of immutable values).
     */
    private static String changes(Object before, Object after) {
        Map<?, ?> b = (Map<?, ?>) before;
        Map<?, ?> a = (Map<?, ?>) after;
        List<String> changed = new ArrayList<>();
        for (Object table : a.keySet()) {
            Object was = b.get(table);
            Object is = a.get(table);
            if (!Objects.equals(was, is)) {
                int difference = size(is) - size(was);
                changed.add(table + (difference == 0 ? " (updated)" : String.format(" (%+d)", difference)));
            }
        }
        return changed.isEmpty() ? "nothing" : String.join(", ", changed);
    }

    private static int size(Object rows) {
        return rows instanceof java.util.Collection<?> c ? c.size() : rows instanceof Map<?, ?> m ? m.size() : 0;
    }
}
