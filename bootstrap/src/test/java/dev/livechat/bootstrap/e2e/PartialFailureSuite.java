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
import dev.livechat.application.service.LivechatSettings;
import dev.livechat.application.testing.FakePasswordHasher;
import dev.livechat.application.testing.FaultInjectingStore;
import dev.livechat.bootstrap.LivechatServices;
import dev.livechat.bootstrap.SecureRandomIds;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.error.StoreUnavailableException;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.room.SurveyAnswer;
import dev.livechat.domain.routing.RoutingMethod;
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
 * that the visitor can go on (see ADR 0008 for the window).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PartialFailureSuite {

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
    private Caller admin;
    private Caller agent;

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
        services.ensureAdmin().ensureAdmin(new EnsureAdminCommand("admin", "admin-secret-1"));
        admin = login("admin", "admin-secret-1");
        livechat.createUser().createUser(new CreateUserCommand(admin, "faria@example.com", "Faria Masood", "pw-agent",
                "faria.masood", List.of("user", "livechat-agent"), null, null));
        agent = login("faria.masood", "pw-agent");
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
                        new SetAgentStatusCommand(admin, "available", agent.id().value()))));
    }

    @TestFactory
    Stream<DynamicTest> a_failure_at_any_step_of_a_use_case_leaves_no_half_written_state() {
        assumeAvailable();
        return scenarios().stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> breakAtEveryStep(scenario)));
    }

    private void breakAtEveryStep(Scenario scenario) {
        Map<Integer, String> window = new LinkedHashMap<>();
        int steps = 0;
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
            if (completed) {
                assertThat(failures).as("%s: an injected failure was swallowed (%s)", scenario.name(), trace).isZero();
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
            System.out.println(label() + " " + scenario.name() + ": failed at each of its " + steps
                    + " store calls in turn; nothing remained, and the retry succeeded");
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
