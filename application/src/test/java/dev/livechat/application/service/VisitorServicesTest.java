package dev.livechat.application.service;

import dev.livechat.application.port.in.RegisterVisitorCommand;
import dev.livechat.application.port.out.VisitorRepository;
import dev.livechat.application.testing.Concurrently;
import dev.livechat.application.testing.Concurrently.Outcome;
import dev.livechat.application.testing.InMemoryLivechat;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.visitor.Visitor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Visitor registration and lookup (contract 4.8, 4.9 GET). */
class VisitorServicesTest {

    private final InMemoryLivechat app = new InMemoryLivechat();

    private Visitor register(String token, String name, String email, String phone, String department) {
        return app.registerVisitor().registerVisitor(new RegisterVisitorCommand(token, name, email, phone, department));
    }

    @Test
    void aNewTokenRegistersANewOnlineGuest() {
        Instant now = app.clock().instant();
        Visitor first = register("token-1", "Maria", "  Maria@Example.COM ", "+5511999990000", null);
        Visitor second = register("token-2", null, null, null, null);

        assertThat(first.username()).isEqualTo("guest-1");
        assertThat(second.username()).isEqualTo("guest-2");
        assertThat(first.token()).isEqualTo(new VisitorToken("token-1"));
        assertThat(first.status()).isEqualTo("online");
        assertThat(first.ts()).isEqualTo(now);
        assertThat(first.updatedAt()).isEqualTo(now);
        assertThat(first.name()).contains("Maria");
        assertThat(first.email()).contains("maria@example.com");
        assertThat(first.phone()).contains("+5511999990000");
        assertThat(first.department()).isEmpty();
        assertThat(first.lastChat()).isEmpty();
        assertThat(second.name()).isEmpty();
        assertThat(app.stores().visitors().findByToken(new VisitorToken("token-1"))).contains(first);
    }

    @Test
    void theTokenIsTheIdentityAndGivenFieldsReplaceStoredOnes() {
        Department sales = app.createDepartment("Sales", true);
        Visitor first = register("token", "Maria", "maria@example.com", "+1", sales.name());
        app.clock().advanceMillis(5_000);

        Visitor again = register("token", null, "", null, null);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.username()).isEqualTo(first.username());
        assertThat(again.name()).contains("Maria");
        assertThat(again.email()).contains("maria@example.com");
        assertThat(again.department()).contains(sales.id());
        assertThat(again.updatedAt()).isEqualTo(app.clock().instant());
        assertThat(again.ts()).isEqualTo(first.ts());

        Visitor changed = register("token", "Maria B", "new@example.com", "+2", "");
        assertThat(changed.name()).contains("Maria B");
        assertThat(changed.email()).contains("new@example.com");
        assertThat(changed.phone()).contains("+2");
        assertThat(changed.department()).contains(sales.id());
        assertThat(app.stores().allVisitors()).hasSize(1);
    }

    @Test
    void contactDataNeverMergesVisitors() {
        Visitor one = register("token-1", "Maria", "same@example.com", "+1", null);
        Visitor two = register("token-2", "Impostor", "same@example.com", "+1", null);

        assertThat(two.id()).isNotEqualTo(one.id());
        assertThat(app.stores().visitors().findByToken(new VisitorToken("token-1")).orElseThrow().name())
                .contains("Maria");
    }

    @Test
    void theDepartmentResolvesByIdThenByExactName() {
        Department sales = app.createDepartment("Sales", true);
        Department named = app.createDepartment(sales.id().value() + "x", true);

        assertThat(register("t1", null, null, null, sales.id().value()).department()).contains(sales.id());
        assertThat(register("t2", null, null, null, "Sales").department()).contains(sales.id());
        assertThat(register("t3", null, null, null, named.name()).department()).contains(named.id());
        Expect.meteor(() -> register("t4", null, null, null, "sales"), "error-invalid-department",
                "The provided department is invalid");
        Expect.meteor(() -> register("t4", null, null, null, "No such department!"), "error-invalid-department",
                "The provided department is invalid");
        assertThat(app.stores().visitors().findByToken(new VisitorToken("t4"))).isEmpty();
    }

    @Test
    void errorsComeInTheContractsOrder() {
        for (String blank : new String[]{null, "", "   ", "\t\n"}) {
            Expect.meteor(() -> register(blank, null, "not-an-email", null, "unknown"), "error-invalid-token",
                    "Token cannot be empty");
        }
        Expect.meteor(() -> register("token", null, "Not An Email", null, "unknown"), "error-invalid-email",
                "Invalid email Not An Email");
        Expect.meteor(() -> register("token", null, "a@b", null, null), "error-invalid-email", "Invalid email a@b");
        Expect.meteor(() -> register("token", null, "   ", null, null), "error-invalid-email", "Invalid email    ");
        assertThat(app.stores().allVisitors()).isEmpty();
    }

    @Test
    void aNewNameFollowsIntoOpenRoomsAndTheirInquiries() {
        app.createAgent("faria");
        register("token", "Maria", null, null, null);
        RoomSnapshot closed = app.openRoom("token");
        app.closeRoomByVisitor().closeRoomByVisitor(new dev.livechat.application.port.in.CloseRoomByVisitorCommand(
                "token", closed.id().value()));
        RoomSnapshot open = app.openRoom("token");
        RoomSnapshot closedBefore = app.stores().rooms().findById(closed.id()).orElseThrow().snapshot();
        app.clock().advanceMillis(1_000);

        register("token", "Maria Silva", null, null, null);

        RoomSnapshot renamed = app.stores().rooms().findById(open.id()).orElseThrow().snapshot();
        assertThat(renamed.fname()).isEqualTo("Maria Silva");
        assertThat(renamed.updatedAt()).isEqualTo(app.clock().instant());
        Inquiry inquiry = app.stores().inquiries().findByRoomId(open.id()).orElseThrow();
        assertThat(inquiry.name()).isEqualTo("Maria Silva");
        assertThat(app.stores().rooms().findById(closed.id()).orElseThrow().snapshot()).isEqualTo(closedBefore);

        register("token", "Maria Silva", null, null, null);
        assertThat(app.stores().rooms().findById(open.id()).orElseThrow().snapshot()).as("same name, no change")
                .isEqualTo(renamed);
    }

    @Test
    void concurrentFirstRegistrationsOfOneTokenMakeOneVisitor() {
        List<Outcome<Visitor>> outcomes = Concurrently.run(40, i -> register("shared-token", "Name " + i, null, null,
                null));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(outcomes).extracting(o -> o.value().id()).containsOnly(outcomes.get(0).value().id());
        assertThat(app.stores().allVisitors()).hasSize(1);
    }

    @Test
    void aFirstRegistrationThatLosesTheInsertRaceUpdatesTheWinner() {
        Visitor winner = register("token", "Winner", null, null, null);
        AtomicInteger blindLookups = new AtomicInteger(1);
        RegisterVisitorService racing = new RegisterVisitorService(
                new LateVisitors(app.stores().visitors(), blindLookups), app.stores().rooms(),
                app.stores().inquiries(), app.stores().departments(), app.ids(), app.stores().transactions(), app.clock());

        Visitor result = racing.registerVisitor(new RegisterVisitorCommand("token", "Loser", null, null, null));

        assertThat(blindLookups).hasValue(0);
        assertThat(result.id()).isEqualTo(winner.id());
        assertThat(result.name()).contains("Loser");
        assertThat(app.stores().allVisitors()).containsExactly(result);
    }

    /** Visitors whose token lookup misses a concurrent registration a number of times. */
    private record LateVisitors(VisitorRepository delegate, AtomicInteger blindLookups) implements VisitorRepository {
        @Override
        public void insert(Visitor visitor) {
            delegate.insert(visitor);
        }

        @Override
        public Optional<Visitor> findByToken(VisitorToken token) {
            if (blindLookups.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return Optional.empty();
            }
            return delegate.findByToken(token);
        }

        @Override
        public Optional<Visitor> findById(VisitorId id) {
            return delegate.findById(id);
        }

        @Override
        public void update(Visitor visitor) {
            delegate.update(visitor);
        }

        @Override
        public long nextGuestNumber() {
            return delegate.nextGuestNumber();
        }

        @Override
        public void delete(VisitorId id) {
            delegate.delete(id);
        }

        @Override
        public void clearDepartment(dev.livechat.domain.shared.DepartmentId department, java.time.Instant now) {
            delegate.clearDepartment(department, now);
        }
    }

    @Test
    void getVisitorFindsByTokenElseAMeteorInvalidToken() {
        Visitor maria = register("token", "Maria", null, null, null);

        assertThat(app.getVisitor().getVisitor("token")).isEqualTo(maria);
        for (String unknown : new String[]{"other", "TOKEN", "", " ", "x".repeat(257), null}) {
            Expect.meteor(() -> app.getVisitor().getVisitor(unknown), "invalid-token", null);
        }
    }
}
