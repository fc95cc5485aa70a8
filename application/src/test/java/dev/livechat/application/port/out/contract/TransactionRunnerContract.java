package dev.livechat.application.port.out.contract;

import dev.livechat.application.port.out.ConcurrentUpdateException;
import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.port.out.TransactionRunner;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.testing.Concurrently;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.shared.InquiryId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.user.User;
import dev.livechat.domain.visitor.Visitor;
import dev.livechat.domain.visitor.VisitorProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static dev.livechat.application.port.out.contract.ContractFixtures.at;
import static dev.livechat.application.port.out.contract.ContractFixtures.author;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link TransactionRunner} of a transactional store guarantees: a unit's writes, made through any port,
 * commit together or leave no trace; the work's exception propagates unchanged; nested units join the outer one.
 */
public abstract class TransactionRunnerContract {

    private StorePorts stores;
    private TransactionRunner tx;
    private ContractFixtures f;

    /** A fresh, empty store for each test. */
    protected abstract StorePorts newStores();

    @BeforeEach
    public final void freshStore() {
        stores = newStores();
        tx = stores.transactions();
        f = new ContractFixtures(stores);
    }

    /** The unit's own failure, distinguishable from anything a store could throw. */
    private static final class Boom extends RuntimeException {
        Boom() {
            super("boom", null, false, false);
        }
    }

    @Test
    public final void aUnitReturnsTheValueOfItsWork() {
        assertThat(tx.inTransaction(() -> "done")).isEqualTo("done");
        assertThat(tx.<Object>inTransaction(() -> null)).isNull();
    }

    @Test
    public final void aCommittedUnitsWritesAreVisibleEverywhere() {
        Visitor visitor = tx.inTransaction(() -> {
            Visitor v = f.visitor();
            f.openRoom(v, at(0));
            return v;
        });

        Boolean seenByAnotherThread = Concurrently.run(1, i -> stores.visitors().findById(visitor.id()).isPresent()
                && stores.rooms().findOpenByVisitorToken(visitor.token()).isPresent()).get(0).value();
        assertThat(seenByAnotherThread).isTrue();
    }

    @Test
    public final void aFailedUnitLeavesNoTraceInAnyPort() {
        Visitor existing = f.visitor(new VisitorToken("existing"), new VisitorProfile("Before", null, null, null));
        RoomSnapshot existingRoom = f.openRoom(existing, at(0));
        Boom boom = new Boom();
        AtomicReference<Visitor> created = new AtomicReference<>();
        AtomicReference<RoomSnapshot> createdRoom = new AtomicReference<>();
        AtomicReference<User> createdUser = new AtomicReference<>();
        AtomicReference<Department> createdDepartment = new AtomicReference<>();
        InquiryId inquiryId = new InquiryId(f.newId());

        assertThatThrownBy(() -> tx.inTransaction(() -> {
            Visitor v = f.visitor();
            created.set(v);
            createdRoom.set(f.openRoom(v, at(1)));
            stores.inquiries().insert(Inquiry.queue(inquiryId, createdRoom.get(), at(1)));
            User agent = f.agent("agent-in-failed-unit");
            createdUser.set(agent);
            stores.loginTokens().insert(agent.id(), "tokenHash", at(1), at(1_000_000));
            Department department = f.department("Department in failed unit", true);
            createdDepartment.set(department);
            stores.departments().addAgent(department.id(), agent.id(), agent.username(), 0, 0);
            f.visitorSays(existingRoom.id(), existing, "written in the failed unit", at(2));
            stores.visitors().update(existing.reregister(new VisitorProfile("After", null, null, null), at(2)));
            throw boom;
        })).isSameAs(boom);

        assertThat(stores.visitors().findById(created.get().id())).isEmpty();
        assertThat(stores.visitors().findByToken(created.get().token())).isEmpty();
        assertThat(stores.rooms().findById(createdRoom.get().id())).isEmpty();
        assertThat(stores.messages().findById(createdRoom.get().lastMessage().id())).isEmpty();
        assertThat(stores.inquiries().findById(inquiryId)).isEmpty();
        assertThat(stores.users().findById(createdUser.get().id())).isEmpty();
        assertThat(stores.loginTokens().isValid(createdUser.get().id(), "tokenHash", at(3))).isFalse();
        assertThat(stores.departments().findById(createdDepartment.get().id())).isEmpty();
        assertThat(stores.departments().isAgentOf(createdUser.get().id(), createdDepartment.get().id())).isFalse();
        assertThat(stores.rooms().findById(existingRoom.id()).orElseThrow().snapshot()).isEqualTo(existingRoom);
        assertThat(stores.messages().findByRoom(existingRoom.id())).hasSize(1);
        assertThat(stores.visitors().findById(existing.id())).contains(existing);
    }

    @Test
    public final void aUniqueViolationInsideAUnitUndoesTheUnitsEarlierWrites() {
        Visitor visitor = f.visitor();
        f.openRoom(visitor, at(0));
        VisitorId bystander = new VisitorId(f.newId());

        assertThatThrownBy(() -> tx.inTransaction(() -> {
            stores.visitors().insert(Visitor.register(bystander, stores.visitors().nextGuestNumber(),
                    new VisitorToken("bystander"), VisitorProfile.EMPTY, at(1)));
            return f.openRoom(visitor, at(1));
        })).isInstanceOf(UniqueConstraintViolation.class);

        assertThat(stores.visitors().findById(bystander)).isEmpty();
        assertThat(stores.rooms().findOpenByVisitorId(visitor.id())).hasSize(1);
    }

    @Test
    public final void aLostCompareAndSetInsideAUnitUndoesTheUnitsEarlierWrites() {
        Visitor visitor = f.visitor();
        RoomSnapshot room = f.openRoom(visitor, at(0));
        stores.rooms().update(room.toBuilder().fname("moved on").build());
        Message message = Message.visitorText(f.newMessageId(), room.id(), "lost", at(1), author(visitor),
                visitor.token());

        assertThatThrownBy(() -> tx.inTransaction(() -> {
            stores.messages().insert(message);
            stores.rooms().update(room.toBuilder().msgs(room.msgs() + 1).build());
            return null;
        })).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(stores.messages().findById(message.id())).isEmpty();
        assertThat(f.reload(room.id()).fname()).isEqualTo("moved on");
    }

    @Test
    public final void nestedUnitsJoinTheOuterUnit() {
        Boom boom = new Boom();
        AtomicReference<Visitor> outer = new AtomicReference<>();
        AtomicReference<Visitor> inner = new AtomicReference<>();

        assertThatThrownBy(() -> tx.inTransaction(() -> {
            outer.set(f.visitor());
            tx.inTransaction(() -> {
                inner.set(f.visitor());
                return null;
            });
            throw boom;
        })).isSameAs(boom);

        assertThat(stores.visitors().findById(outer.get().id())).isEmpty();
        assertThat(stores.visitors().findById(inner.get().id())).as("the nested unit committed nothing on its own")
                .isEmpty();

        Visitor committedInner = tx.inTransaction(() -> {
            f.visitor();
            return tx.inTransaction(f::visitor);
        });
        assertThat(stores.visitors().findById(committedInner.id())).isPresent();
    }

    @Test
    public final void aUnitCanReadItsOwnWrites() {
        RoomSnapshot seen = tx.inTransaction(() -> {
            Visitor visitor = f.visitor();
            RoomSnapshot room = f.openRoom(visitor, at(0));
            Room reread = stores.rooms().findOpenByVisitorToken(visitor.token()).orElseThrow();
            stores.rooms().update(reread.snapshot().toBuilder().msgs(5).build());
            return stores.rooms().findById(room.id()).orElseThrow().snapshot();
        });

        assertThat(seen.msgs()).isEqualTo(5);
        assertThat(seen.version()).isEqualTo(1);
    }
}
