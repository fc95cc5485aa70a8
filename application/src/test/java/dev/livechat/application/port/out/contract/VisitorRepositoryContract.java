package dev.livechat.application.port.out.contract;

import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.port.out.VisitorRepository;
import dev.livechat.application.testing.Concurrently.Outcome;
import dev.livechat.application.testing.Concurrently;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.visitor.LastChat;
import dev.livechat.domain.visitor.Visitor;
import dev.livechat.domain.visitor.VisitorProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static dev.livechat.application.port.out.contract.ContractFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link VisitorRepository} guarantees: exact round trips, unique tokens, and a gap-free guest counter. */
public abstract class VisitorRepositoryContract {

    private StorePorts stores;
    private VisitorRepository visitors;
    private ContractFixtures f;

    /** A fresh, empty store for each test. */
    protected abstract StorePorts newStores();

    @BeforeEach
    public final void freshStore() {
        stores = newStores();
        visitors = stores.visitors();
        f = new ContractFixtures(stores);
    }

    private Visitor register(String token, VisitorProfile profile, long guestNumber) {
        return Visitor.register(new VisitorId(f.newId()), guestNumber, new VisitorToken(token), profile, at(123));
    }

    @Test
    public final void aVisitorRoundTripsEveryField() {
        Department sales = f.department("Sales", true);
        Visitor registered = Visitor.restore(new VisitorId(f.newId()), "guest-537", at(1_120), at(1_131),
                new VisitorToken("8s7e9ony6ctl27e1qf8kue"), "online", "Maria José ✓", "maria@example.com",
                "+5511999990000", sales.id(), null);
        visitors.insert(registered);
        assertThat(visitors.findById(registered.id())).contains(registered);

        RoomId room = f.openRoom(registered, at(2_000)).id();
        Visitor full = registered.withLastChat(new LastChat(room, at(2_000)), at(2_001));
        visitors.update(full);

        assertThat(visitors.findById(full.id())).contains(full);
        assertThat(visitors.findByToken(full.token())).contains(full);
        Visitor stored = visitors.findById(full.id()).orElseThrow();
        assertThat(stored.username()).isEqualTo("guest-537");
        assertThat(stored.ts()).isEqualTo(at(1_120));
        assertThat(stored.updatedAt()).isEqualTo(at(2_001));
        assertThat(stored.status()).isEqualTo("online");
        assertThat(stored.lastChat()).contains(new LastChat(room, at(2_000)));
    }

    @Test
    public final void absentFieldsStayAbsentAndEmptyTextStaysEmpty() {
        Visitor bare = register("bare", VisitorProfile.EMPTY, 1);
        Visitor emptyName = register("empty-name", new VisitorProfile("", null, null, null), 2);

        visitors.insert(bare);
        visitors.insert(emptyName);

        Visitor storedBare = visitors.findById(bare.id()).orElseThrow();
        assertThat(storedBare).isEqualTo(bare);
        assertThat(storedBare.name()).isEmpty();
        assertThat(storedBare.email()).isEmpty();
        assertThat(storedBare.phone()).isEmpty();
        assertThat(storedBare.department()).isEmpty();
        assertThat(storedBare.lastChat()).isEmpty();
        assertThat(visitors.findById(emptyName.id()).orElseThrow().name()).contains("");
    }

    @Test
    public final void tokensAreMatchedExactlyWhateverTheyContain() {
        String longest = "x".repeat(VisitorToken.MAX_LENGTH);
        List<String> tokens = List.of("abc", "ABC", " padded ", "trailing ", "with'quote\"and\\backslash", "%_*.$ne",
                "ünï😀", longest);
        for (int i = 0; i < tokens.size(); i++) {
            visitors.insert(register(tokens.get(i), VisitorProfile.EMPTY, i + 1));
        }

        for (String token : tokens) {
            assertThat(visitors.findByToken(new VisitorToken(token)).orElseThrow().token().value()).isEqualTo(token);
        }
        assertThat(visitors.findByToken(new VisitorToken("Abc"))).isEmpty();
        assertThat(visitors.findByToken(new VisitorToken("padded"))).isEmpty();
        assertThat(visitors.findByToken(new VisitorToken("trailing"))).as("trailing spaces count").isEmpty();
        assertThat(visitors.findByToken(new VisitorToken("%"))).isEmpty();
        assertThat(visitors.findById(new VisitorId("unknownVisitor"))).isEmpty();
    }

    @Test
    public final void aSecondVisitorWithTheSameTokenIsRefused() {
        Visitor first = register("same-token", VisitorProfile.EMPTY, 1);
        visitors.insert(first);

        assertThatThrownBy(() -> visitors.insert(register("same-token", new VisitorProfile("Other", null, null, null),
                2)))
                .isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.VISITOR_TOKEN));
        assertThat(visitors.findByToken(first.token())).contains(first);
    }

    @Test
    public final void updateReplacesEveryChangedField() {
        Department sales = f.department("Sales", true);
        Visitor original = register("t1", new VisitorProfile("Maria", "maria@example.com", "+1", sales.id()), 1);
        visitors.insert(original);

        RoomId room = f.openRoom(original, at(550)).id();
        Visitor renamed = original.reregister(new VisitorProfile("Maria B", "mb@example.com", "+2", null), at(500))
                .withLastChat(new LastChat(room, at(550)), at(600));
        visitors.update(renamed);
        assertThat(visitors.findById(original.id())).contains(renamed);

        Visitor withoutDepartment = renamed.withoutDepartment(at(700));
        visitors.update(withoutDepartment);
        Visitor stored = visitors.findByToken(original.token()).orElseThrow();
        assertThat(stored).isEqualTo(withoutDepartment);
        assertThat(stored.department()).isEmpty();
        assertThat(stored.updatedAt()).isEqualTo(at(700));
    }

    @Test
    public final void guestNumbersStartAtOneAndIncrease() {
        assertThat(visitors.nextGuestNumber()).isEqualTo(1);
        assertThat(visitors.nextGuestNumber()).isEqualTo(2);
        assertThat(visitors.nextGuestNumber()).isEqualTo(3);
    }

    @Test
    public final void concurrentGuestNumbersAreExactlyOneToN() {
        int threads = 32;

        List<Outcome<Long>> outcomes = Concurrently.run(threads, i -> visitors.nextGuestNumber());

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(outcomes).extracting(Outcome::value)
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, threads).boxed().toList());
        assertThat(visitors.nextGuestNumber()).isEqualTo(threads + 1);
    }

    @Test
    public final void concurrentRegistrationsOfOneTokenStoreOneVisitor() {
        int threads = 16;
        List<Visitor> attempts = new java.util.ArrayList<>();
        for (int i = 0; i < threads; i++) {
            attempts.add(register("contended", VisitorProfile.EMPTY, i + 1));
        }

        List<Outcome<Void>> outcomes = Concurrently.runAll(threads, i -> visitors.insert(attempts.get(i)));

        List<Outcome<Void>> winners = outcomes.stream().filter(Outcome::succeeded).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.succeeded()))
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.VISITOR_TOKEN)));
        assertThat(visitors.findByToken(new VisitorToken("contended")))
                .contains(attempts.get(winners.get(0).thread()));
    }

    @Test
    public final void deleteForgetsTheTokenButNeverItsGuestNumber() {
        Visitor maria = register("maria-token", VisitorProfile.EMPTY, visitors.nextGuestNumber());
        Visitor omar = register("omar-token", VisitorProfile.EMPTY, visitors.nextGuestNumber());
        visitors.insert(maria);
        visitors.insert(omar);

        visitors.delete(maria.id());
        visitors.delete(maria.id());
        visitors.delete(new VisitorId("unknownVisitor"));

        assertThat(visitors.findByToken(maria.token())).isEmpty();
        assertThat(visitors.findById(maria.id())).isEmpty();
        assertThat(visitors.findById(omar.id())).contains(omar);
        assertThat(visitors.nextGuestNumber()).isEqualTo(3);
        Visitor again = register("maria-token", VisitorProfile.EMPTY, 3);
        visitors.insert(again);
        assertThat(visitors.findByToken(maria.token())).contains(again);
    }

    @Test
    public final void clearDepartmentRemovesThatDepartmentFromItsVisitorsOnly() {
        Department sales = f.department("Sales", true);
        Department support = f.department("Support", true);
        Visitor inSales = register("sales-token", new VisitorProfile("Maria", null, null, sales.id()), 1);
        Visitor inSupport = register("support-token", new VisitorProfile("Omar", null, null, support.id()), 2);
        Visitor without = register("plain-token", VisitorProfile.EMPTY, 3);
        visitors.insert(inSales);
        visitors.insert(inSupport);
        visitors.insert(without);

        visitors.clearDepartment(sales.id(), at(9_000));

        Visitor cleared = visitors.findById(inSales.id()).orElseThrow();
        assertThat(cleared).isEqualTo(inSales.withoutDepartment(at(9_000)));
        assertThat(cleared.department()).isEmpty();
        assertThat(cleared.name()).contains("Maria");
        assertThat(visitors.findById(inSupport.id())).contains(inSupport);
        assertThat(visitors.findById(without.id())).contains(without);
    }
}
