package dev.livechat.application.port.out.contract;

import dev.livechat.application.port.out.InquiryRepository;
import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.testing.Concurrently.Outcome;
import dev.livechat.application.testing.Concurrently;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.inquiry.InquirySortField;
import dev.livechat.domain.inquiry.InquiryStatus;
import dev.livechat.application.port.out.InquiryRepository.QueueFilter;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.shared.InquiryId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.visitor.Visitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.livechat.application.port.out.contract.ContractFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link InquiryRepository} guarantees: exact round trips and at most one inquiry per room. */
public abstract class InquiryRepositoryContract {

    private StorePorts stores;
    private InquiryRepository inquiries;
    private ContractFixtures f;

    /** A fresh, empty store for each test. */
    protected abstract StorePorts newStores();

    @BeforeEach
    public final void freshStore() {
        stores = newStores();
        inquiries = stores.inquiries();
        f = new ContractFixtures(stores);
    }

    private RoomSnapshot room(Department department, RoomSource source) {
        Visitor visitor = f.visitor();
        return f.store(f.newOpenRoom(visitor, at(0), department == null ? null : department.id(), source));
    }

    @Test
    public final void aQueuedInquiryRoundTripsEveryField() {
        Department sales = f.department("Sales", true);
        RoomSnapshot room = room(sales, new RoomSource("widget", "shop"));
        Inquiry queued = Inquiry.queue(new InquiryId(f.newId()), room, at(4));

        inquiries.insert(queued);

        Inquiry stored = inquiries.findById(queued.id()).orElseThrow();
        assertThat(stored).isEqualTo(queued);
        assertThat(stored.status()).isEqualTo(InquiryStatus.QUEUED);
        assertThat(stored.queuedAt()).isEqualTo(at(4));
        assertThat(stored.takenAt()).isNull();
        assertThat(stored.department()).isEqualTo(sales.id());
        assertThat(stored.visitor()).isEqualTo(room.visitor());
        assertThat(inquiries.findByRoomId(room.id())).contains(queued);
    }

    @Test
    public final void updatesReplaceTheInquiry() {
        RoomSnapshot room = room(null, RoomSource.API);
        Inquiry queued = Inquiry.queue(new InquiryId(f.newId()), room, at(0));
        inquiries.insert(queued);

        Inquiry taken = queued.take(at(10));
        inquiries.update(taken);
        Inquiry storedTaken = inquiries.findByRoomId(room.id()).orElseThrow();
        assertThat(storedTaken).isEqualTo(taken);
        assertThat(storedTaken.queuedAt()).isNull();
        assertThat(storedTaken.takenAt()).isEqualTo(at(10));
        assertThat(storedTaken.department()).isNull();

        Department support = f.department("Support", true);
        Inquiry moved = taken.requeue(at(20)).inDepartment(support.id(), at(21)).renamed("Maria", at(22));
        inquiries.update(moved);
        assertThat(inquiries.findById(queued.id())).contains(moved);
    }

    @Test
    public final void aRoomHasAtMostOneInquiry() {
        RoomSnapshot room = room(null, RoomSource.API);
        Inquiry first = Inquiry.queue(new InquiryId(f.newId()), room, at(0));
        inquiries.insert(first);

        assertThatThrownBy(() -> inquiries.insert(Inquiry.queue(new InquiryId(f.newId()), room, at(1))))
                .isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.INQUIRY_PER_ROOM));
        assertThat(inquiries.findByRoomId(room.id())).contains(first);
    }

    @Test
    public final void deleteByRoomIdRemovesOnlyThatRoomsInquiry() {
        RoomSnapshot one = room(null, RoomSource.API);
        RoomSnapshot two = room(null, RoomSource.API);
        Inquiry first = Inquiry.queue(new InquiryId(f.newId()), one, at(0));
        Inquiry second = Inquiry.queue(new InquiryId(f.newId()), two, at(0));
        inquiries.insert(first);
        inquiries.insert(second);

        inquiries.deleteByRoomId(one.id());
        inquiries.deleteByRoomId(one.id());
        inquiries.deleteByRoomId(new RoomId("noSuchRoom"));

        assertThat(inquiries.findByRoomId(one.id())).isEmpty();
        assertThat(inquiries.findById(first.id())).isEmpty();
        assertThat(inquiries.findByRoomId(two.id())).contains(second);
        assertThat(inquiries.findById(new InquiryId("unknownInquiry"))).isEmpty();
    }

    @Test
    public final void concurrentInsertsForOneRoomStoreOneInquiry() {
        RoomSnapshot room = room(null, RoomSource.API);
        int threads = 16;
        List<Inquiry> attempts = new java.util.ArrayList<>();
        for (int i = 0; i < threads; i++) {
            attempts.add(Inquiry.queue(new InquiryId(f.newId()), room, at(i)));
        }

        List<Outcome<Void>> outcomes = Concurrently.runAll(threads, i -> inquiries.insert(attempts.get(i)));

        List<Outcome<Void>> winners = outcomes.stream().filter(Outcome::succeeded).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.succeeded()))
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.INQUIRY_PER_ROOM)));
        assertThat(inquiries.findByRoomId(room.id())).contains(attempts.get(winners.get(0).thread()));
    }

    private static final List<SortKey<InquirySortField>> OLDEST_FIRST = List.of(new SortKey<>(InquirySortField.TS, true));

    private Inquiry queued(Department department, long ts) {
        Inquiry inquiry = Inquiry.queue(new InquiryId(f.newId()), room(department, RoomSource.API), at(ts));
        inquiries.insert(inquiry);
        return inquiry;
    }

    private static List<InquiryId> ids(Page<Inquiry> page) {
        return page.items().stream().map(Inquiry::id).toList();
    }

    @Test
    public final void takeIfQueuedTakesAQueuedInquiryOnce() {
        Inquiry inquiry = queued(null, 0);

        Optional<Inquiry> taken = inquiries.takeIfQueued(inquiry.id(), at(50));

        assertThat(taken).contains(inquiry.take(at(50)));
        assertThat(inquiries.findById(inquiry.id())).contains(inquiry.take(at(50)));
        assertThat(inquiries.takeIfQueued(inquiry.id(), at(60))).isEmpty();
        assertThat(inquiries.findById(inquiry.id()).orElseThrow().takenAt()).isEqualTo(at(50));
        assertThat(inquiries.takeIfQueued(new InquiryId("unknownInquiry"), at(60))).isEmpty();

        inquiries.update(taken.orElseThrow().requeue(at(70)));
        assertThat(inquiries.takeIfQueued(inquiry.id(), at(80))).contains(inquiry.take(at(50)).requeue(at(70))
                .take(at(80)));
    }

    @Test
    public final void ofConcurrentTakesOfOneInquiryExactlyOneWins() {
        for (int round = 0; round < 5; round++) {
            Inquiry inquiry = queued(null, round);
            int threads = 12;

            List<Outcome<Optional<Inquiry>>> outcomes = Concurrently.run(threads,
                    i -> inquiries.takeIfQueued(inquiry.id(), at(1_000 + i)));

            assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
            List<Outcome<Optional<Inquiry>>> winners = outcomes.stream().filter(o -> o.value().isPresent()).toList();
            assertThat(winners).hasSize(1);
            Instant wonAt = at(1_000 + winners.get(0).thread());
            assertThat(inquiries.findById(inquiry.id())).contains(inquiry.take(wonAt));
        }
    }

    @Test
    public final void findQueuedListsQueuedInquiriesOfTheFilteredDepartmentsSortedAndPaged() {
        Department sales = f.department("Sales", true);
        Department support = f.department("Support", true);
        Inquiry none1 = queued(null, 30);
        Inquiry salesOld = queued(sales, 10);
        Inquiry supportMid = queued(support, 20);
        Inquiry none2 = queued(null, 40);
        Inquiry takenOne = queued(sales, 5);
        inquiries.update(takenOne.take(at(6)));

        QueueFilter everything = new QueueFilter(true, Set.of(sales.id(), support.id()));
        assertThat(ids(inquiries.findQueued(everything, OLDEST_FIRST, 0, 50)))
                .containsExactly(salesOld.id(), supportMid.id(), none1.id(), none2.id());
        assertThat(ids(inquiries.findQueued(new QueueFilter(true, Set.of(sales.id())), OLDEST_FIRST, 0, 50)))
                .containsExactly(salesOld.id(), none1.id(), none2.id());
        assertThat(ids(inquiries.findQueued(new QueueFilter(false, Set.of(support.id())), OLDEST_FIRST, 0, 50)))
                .containsExactly(supportMid.id());
        assertThat(ids(inquiries.findQueued(new QueueFilter(false, Set.of()), OLDEST_FIRST, 0, 50))).isEmpty();
        Page<Inquiry> newestFirst = inquiries.findQueued(everything,
                List.of(new SortKey<>(InquirySortField.TS, false)), 1, 2);
        assertThat(newestFirst.total()).isEqualTo(4);
        assertThat(ids(newestFirst)).containsExactly(none1.id(), supportMid.id());
        Page<Inquiry> byUpdate = inquiries.findQueued(everything,
                List.of(new SortKey<>(InquirySortField.UPDATED_AT, true)), 0, 1);
        assertThat(ids(byUpdate)).containsExactly(salesOld.id());
        assertThat(inquiries.findQueued(everything, OLDEST_FIRST, 4, 10).items()).isEmpty();
        assertThat(inquiries.findQueued(everything, OLDEST_FIRST, 0, 10).items().get(0)).isEqualTo(salesOld);
    }

    @Test
    public final void clearDepartmentRemovesTheDepartmentFromItsInquiriesOnly() {
        Department sales = f.department("Sales", true);
        Department support = f.department("Support", true);
        Inquiry queuedInSales = queued(sales, 1);
        Inquiry takenInSales = queued(sales, 2);
        inquiries.update(takenInSales.take(at(3)));
        Inquiry inSupport = queued(support, 4);

        inquiries.clearDepartment(sales.id(), at(500));

        assertThat(inquiries.findById(queuedInSales.id())).contains(queuedInSales.inDepartment(null, at(500)));
        assertThat(inquiries.findById(takenInSales.id()))
                .contains(takenInSales.take(at(3)).inDepartment(null, at(500)));
        assertThat(inquiries.findById(inSupport.id())).contains(inSupport);
        assertThat(ids(inquiries.findQueued(new QueueFilter(true, Set.of()), OLDEST_FIRST, 0, 10)))
                .containsExactly(queuedInSales.id());
    }
}
