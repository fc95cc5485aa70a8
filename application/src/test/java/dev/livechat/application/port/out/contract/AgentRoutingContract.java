package dev.livechat.application.port.out.contract;

import dev.livechat.application.port.out.AgentRouting;
import dev.livechat.application.port.out.ConcurrentUpdateException;
import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.testing.Concurrently.Outcome;
import dev.livechat.application.testing.Concurrently;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.room.ClosedBy;
import dev.livechat.domain.room.Closer;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.ServedBy;
import dev.livechat.domain.routing.AgentCandidate;
import dev.livechat.domain.routing.AgentSelector;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.AgentStatus;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.user.User;
import dev.livechat.domain.user.UserEmail;
import dev.livechat.domain.visitor.Visitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.livechat.application.port.out.contract.ContractFixtures.T0;
import static dev.livechat.application.port.out.contract.ContractFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link AgentRouting} guarantees: the candidates of contract 6.2 step 1 with their current load, the
 * last-assignment tie-breaker, and a routing lock that serialises units of work (checked with real threads).
 */
public abstract class AgentRoutingContract {

    private static final long HOUR = 3_600_000;

    private StorePorts stores;
    private AgentRouting routing;
    private ContractFixtures f;

    /** A fresh, empty store for each test. */
    protected abstract StorePorts newStores();

    @BeforeEach
    public final void freshStore() {
        stores = newStores();
        routing = stores.routing();
        f = new ContractFixtures(stores);
    }

    private User loggedIn(User user) {
        stores.loginTokens().insert(user.id(), "hash-" + user.id(), T0, at(HOUR));
        return user;
    }

    private static List<UserId> ids(List<AgentCandidate> candidates) {
        return candidates.stream().map(AgentCandidate::id).sorted(java.util.Comparator.comparing(UserId::value))
                .toList();
    }

    private static List<UserId> ids(User... users) {
        return java.util.Arrays.stream(users).map(User::id).sorted(java.util.Comparator.comparing(UserId::value))
                .toList();
    }

    @Test
    public final void candidatesAreActiveAvailableAgentsHoldingAValidLoginToken() {
        User faria = loggedIn(f.agent("faria"));
        User omar = loggedIn(f.agent("omar"));
        User inactive = User.restore(new UserId(f.newId()), "inactive", null, new UserEmail("i@example.com", false),
                "hash", false, List.of(Role.USER, Role.LIVECHAT_AGENT), AgentStatus.AVAILABLE, T0, T0);
        stores.users().insert(inactive);
        loggedIn(inactive);
        User away = f.agent("away");
        away = away.withLivechatStatus(AgentStatus.NOT_AVAILABLE, at(1));
        stores.users().update(away);
        loggedIn(away);
        loggedIn(f.user("manager", Role.USER, Role.LIVECHAT_MANAGER));
        loggedIn(f.user("admin", Role.ADMIN));
        f.agent("offline");
        User expiring = f.agent("expiring");
        stores.loginTokens().insert(expiring.id(), "short", T0, at(1_000));

        List<AgentCandidate> early = routing.findCandidates(null, at(999));
        List<AgentCandidate> atExpiry = routing.findCandidates(null, at(1_000));

        assertThat(ids(early)).containsExactlyElementsOf(ids(faria, omar, expiring));
        assertThat(ids(atExpiry)).containsExactlyElementsOf(ids(faria, omar));
        AgentCandidate candidate = atExpiry.stream().filter(c -> c.id().equals(faria.id())).findFirst().orElseThrow();
        assertThat(candidate.username()).isEqualTo("faria");
        assertThat(candidate.openRooms()).isZero();
        assertThat(candidate.lastAssignedAt()).isNull();
    }

    @Test
    public final void aDepartmentRestrictsCandidatesToItsAgentsAndADisabledOrUnknownOneToNobody() {
        User faria = loggedIn(f.agent("faria"));
        User omar = loggedIn(f.agent("omar"));
        User zoe = loggedIn(f.agent("zoe"));
        Department sales = f.department("Sales", true);
        Department closedDesk = f.department("Closed desk", false);
        Department empty = f.department("Empty", true);
        stores.departments().addAgent(sales.id(), faria.id(), faria.username(), 0, 0);
        stores.departments().addAgent(sales.id(), zoe.id(), zoe.username(), 0, 0);
        stores.departments().addAgent(closedDesk.id(), omar.id(), omar.username(), 0, 0);

        assertThat(ids(routing.findCandidates(sales.id(), at(1)))).containsExactlyElementsOf(ids(faria, zoe));
        assertThat(routing.findCandidates(closedDesk.id(), at(1))).isEmpty();
        assertThat(routing.findCandidates(empty.id(), at(1))).isEmpty();
        assertThat(routing.findCandidates(new DepartmentId("unknownDepartment"), at(1))).isEmpty();
        assertThat(ids(routing.findCandidates(null, at(1)))).containsExactlyElementsOf(ids(faria, omar, zoe));
    }

    @Test
    public final void openRoomsCountsTheOpenRoomsEachCandidateServesNow() {
        User faria = loggedIn(f.agent("faria"));
        User omar = loggedIn(f.agent("omar"));
        f.servedRoom(f.visitor(), faria, at(1));
        f.servedRoom(f.visitor(), faria, at(2));
        RoomSnapshot finished = f.servedRoom(f.visitor(), faria, at(3));
        f.closeByUser(finished.id(), faria, "", List.of(), at(4));
        f.servedRoom(f.visitor(), omar, at(5));
        f.openRoom(f.visitor(), at(6));

        Map<UserId, Integer> load = routing.findCandidates(null, at(10)).stream()
                .collect(Collectors.toMap(AgentCandidate::id, AgentCandidate::openRooms));

        assertThat(load).containsExactlyInAnyOrderEntriesOf(Map.of(faria.id(), 2, omar.id(), 1));
    }

    private Map<UserId, Integer> openRooms() {
        return routing.findCandidates(null, at(10)).stream()
                .collect(Collectors.toMap(AgentCandidate::id, AgentCandidate::openRooms));
    }

    private void forward(RoomSnapshot snapshot, User to, Instant at) {
        Room room = Room.restore(snapshot);
        room.assign(new ServedBy(to.id(), to.username(), at));
        stores.rooms().update(room.snapshot());
    }

    @Test
    public final void openRoomsFollowsEveryRoomWriteAndNotALostCompareAndSet() {
        User faria = loggedIn(f.agent("faria"));
        User omar = loggedIn(f.agent("omar"));
        RoomSnapshot queued = f.openRoom(f.visitor(), at(1));
        RoomSnapshot served = f.servedRoom(f.visitor(), faria, at(2));
        RoomSnapshot doomed = f.servedRoom(f.visitor(), omar, at(3));
        assertThat(openRooms()).containsExactlyInAnyOrderEntriesOf(Map.of(faria.id(), 1, omar.id(), 1));

        forward(queued, faria, at(4)); // a queued room taken by an agent
        assertThat(openRooms()).containsExactlyInAnyOrderEntriesOf(Map.of(faria.id(), 2, omar.id(), 1));

        forward(f.reload(served.id()), omar, at(5)); // forwarded from faria to omar
        assertThat(openRooms()).containsExactlyInAnyOrderEntriesOf(Map.of(faria.id(), 1, omar.id(), 2));

        RoomSnapshot stale = served; // still says faria serves it, at an older version
        assertThatThrownBy(() -> forward(stale, faria, at(6)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(openRooms()).containsExactlyInAnyOrderEntriesOf(Map.of(faria.id(), 1, omar.id(), 2));

        Room back = Room.restore(f.reload(queued.id()));
        back.returnToQueue(at(7)); // a forward to a department queues it again
        stores.rooms().update(back.snapshot());
        assertThat(openRooms()).containsExactlyInAnyOrderEntriesOf(Map.of(faria.id(), 0, omar.id(), 2));

        f.closeByUser(served.id(), omar, "", List.of(), at(8));
        assertThat(openRooms()).containsExactlyInAnyOrderEntriesOf(Map.of(faria.id(), 0, omar.id(), 1));

        stores.rooms().delete(doomed.id());
        stores.rooms().delete(served.id()); // closed: counted nowhere
        assertThat(openRooms()).containsExactlyInAnyOrderEntriesOf(Map.of(faria.id(), 0, omar.id(), 0));
    }

    @Test
    public final void openRoomsStaysExactUnderConcurrentForwardsInBothDirectionsAndContendedCloses() {
        User faria = loggedIn(f.agent("faria"));
        User omar = loggedIn(f.agent("omar"));
        int perAgent = 8;
        List<RoomSnapshot> rooms = new ArrayList<>();
        for (int i = 0; i < perAgent; i++) {
            rooms.add(f.servedRoom(f.visitor(), faria, at(i)));
            rooms.add(f.servedRoom(f.visitor(), omar, at(i)));
        }

        // Every even room goes from faria to omar while every odd one goes from omar to faria: both agents' rows are
        // written by transactions in both directions at once.
        List<Outcome<Void>> forwards = Concurrently.run(rooms.size(), i -> stores.transactions().inTransaction(() -> {
            forward(rooms.get(i), i % 2 == 0 ? omar : faria, at(100));
            return null;
        }));
        assertThat(forwards).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(openRooms()).containsExactlyInAnyOrderEntriesOf(Map.of(faria.id(), perAgent, omar.id(), perAgent));

        // Four closers race for each room: one compare-and-set wins per room, the losers must not count it again.
        List<RoomSnapshot> current = rooms.stream().map(r -> f.reload(r.id())).toList();
        int closers = 4;
        List<Outcome<Boolean>> closes = Concurrently.run(current.size() * closers, i -> {
            Room room = Room.restore(current.get(i / closers));
            room.close(Closer.USER,
                    new ClosedBy(faria.id().value(), faria.username()), List.of(), at(200));
            try {
                stores.rooms().update(room.snapshot());
                return true;
            } catch (ConcurrentUpdateException lost) {
                return false;
            }
        });
        assertThat(closes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(closes.stream().filter(Outcome::value)).hasSize(current.size());
        assertThat(openRooms()).containsExactlyInAnyOrderEntriesOf(Map.of(faria.id(), 0, omar.id(), 0));
    }

    @Test
    public final void openRoomsCountsARoomOnceWhenItsDeleteRacesItsClose() {
        User faria = loggedIn(f.agent("faria"));
        List<RoomSnapshot> rooms = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rooms.add(f.servedRoom(f.visitor(), faria, at(i)));
        }

        // Thread 2k deletes room k while thread 2k+1 closes it: whichever comes second must not count it again.
        List<Outcome<Void>> outcomes = Concurrently.run(rooms.size() * 2, i -> {
            RoomSnapshot room = rooms.get(i / 2);
            if (i % 2 == 0) {
                stores.rooms().delete(room.id());
                return null;
            }
            Room closing = Room.restore(room);
            closing.close(Closer.USER, new ClosedBy(faria.id().value(), faria.username()), List.of(), at(100));
            try {
                stores.rooms().update(closing.snapshot());
            } catch (ConcurrentUpdateException deletedFirst) {
                // the delete won
            }
            return null;
        });

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(openRooms()).containsExactlyInAnyOrderEntriesOf(Map.of(faria.id(), 0));
    }

    @Test
    public final void recordAssignmentSetsTheLastAssignmentTime() {
        User faria = loggedIn(f.agent("faria"));
        User omar = loggedIn(f.agent("omar"));

        routing.recordAssignment(faria.id(), at(5_123));
        assertThat(lastAssigned(faria.id())).isEqualTo(at(5_123));
        routing.recordAssignment(faria.id(), at(6_001));
        assertThat(lastAssigned(faria.id())).isEqualTo(at(6_001));
        assertThat(lastAssigned(omar.id())).isNull();
    }

    private java.time.Instant lastAssigned(UserId agent) {
        return routing.findCandidates(null, at(10_000)).stream().filter(c -> c.id().equals(agent)).findFirst()
                .orElseThrow().lastAssignedAt();
    }

    @Test
    public final void theRoutingLockSpreadsConcurrentAssignmentsAsIfTheyWereSequential() {
        List<User> agents = List.of(loggedIn(f.agent("agent-a")), loggedIn(f.agent("agent-b")),
                loggedIn(f.agent("agent-c")));
        int threads = 24;
        List<Visitor> visitors = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            visitors.add(f.visitor());
        }
        Map<UserId, User> byId = agents.stream().collect(Collectors.toMap(User::id, Function.identity()));

        List<Outcome<UserId>> outcomes = Concurrently.run(threads, i -> stores.transactions().inTransaction(() -> {
            routing.lockRouting();
            AgentCandidate chosen = AgentSelector.choose(routing.findCandidates(null, at(100)), Optional.empty(), 0)
                    .orElseThrow();
            Room room = f.newOpenRoom(visitors.get(i), at(100));
            User agent = byId.get(chosen.id());
            room.assign(new ServedBy(agent.id(), agent.username(), at(100)));
            stores.rooms().insert(room.snapshot());
            stores.messages().insert(room.snapshot().lastMessage());
            routing.recordAssignment(agent.id(), at(100));
            return agent.id();
        }));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        Map<UserId, Long> assigned = outcomes.stream()
                .collect(Collectors.groupingBy(Outcome::value, Collectors.counting()));
        assertThat(assigned).containsOnlyKeys(byId.keySet());
        assertThat(assigned.values()).containsOnly((long) threads / agents.size());
        assertThat(routing.findCandidates(null, at(100))).allSatisfy(c -> {
            assertThat(c.openRooms()).isEqualTo(threads / agents.size());
            assertThat(c.lastAssignedAt()).isEqualTo(at(100));
        });
    }

    @Test
    public final void underTheRoutingLockConcurrentAssignmentsNeverExceedTheChatLimit() {
        List<User> agents = List.of(loggedIn(f.agent("agent-a")), loggedIn(f.agent("agent-b")),
                loggedIn(f.agent("agent-c")));
        int limit = 2;
        int threads = 10;
        List<Visitor> visitors = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            visitors.add(f.visitor());
        }
        Map<UserId, User> byId = agents.stream().collect(Collectors.toMap(User::id, Function.identity()));

        List<Outcome<Optional<UserId>>> outcomes = Concurrently.run(threads,
                i -> stores.transactions().inTransaction(() -> {
                    routing.lockRouting();
                    Optional<AgentCandidate> chosen = AgentSelector.choose(routing.findCandidates(null, at(100)),
                            Optional.empty(), limit);
                    Room room = f.newOpenRoom(visitors.get(i), at(100));
                    chosen.ifPresent(c -> room.assign(new ServedBy(c.id(), byId.get(c.id()).username(), at(100))));
                    stores.rooms().insert(room.snapshot());
                    chosen.ifPresent(c -> routing.recordAssignment(c.id(), at(100)));
                    return chosen.map(AgentCandidate::id);
                }));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(outcomes.stream().filter(o -> o.value().isPresent())).hasSize(agents.size() * limit);
        assertThat(routing.findCandidates(null, at(100))).allSatisfy(c -> assertThat(c.openRooms()).isEqualTo(limit));
    }

    @Test
    public final void aUnitHoldingTheRoutingLockFinishesBeforeAnotherUnitGetsIt() {
        CountDownLatch firstHoldsLock = new CountDownLatch(1);
        CountDownLatch secondIsTrying = new CountDownLatch(1);
        List<String> events = Collections.synchronizedList(new ArrayList<>());

        List<Outcome<Void>> outcomes = Concurrently.runAll(2, i -> {
            if (i == 0) {
                stores.transactions().inTransaction(() -> {
                    routing.lockRouting();
                    firstHoldsLock.countDown();
                    await(secondIsTrying);
                    // widens the window in which the second unit waits; the assertion never depends on it
                    pause();
                    events.add("first unit ends");
                    return null;
                });
            } else {
                await(firstHoldsLock);
                secondIsTrying.countDown();
                stores.transactions().inTransaction(() -> {
                    routing.lockRouting();
                    events.add("second unit holds the lock");
                    return null;
                });
            }
        });

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(events).containsExactly("first unit ends", "second unit holds the lock");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the other thread never arrived");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
