package dev.livechat.application.port.out.contract;

import dev.livechat.application.port.out.ConcurrentUpdateException;
import dev.livechat.application.port.out.TransactionRunner;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.testing.Concurrently;
import dev.livechat.application.testing.Concurrently.Outcome;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.visitor.Visitor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static dev.livechat.application.port.out.contract.ContractFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link TransactionRunner} guarantees, with or without transactions: a unit returns its work's value and
 * lets its exception (port exceptions included) through unchanged, sees its own writes, joins nested units, makes its
 * writes visible to everyone once it ends, releases what it held (the routing lock) however it ends, and belongs to
 * its thread. Whether a failed unit's writes are undone is {@link TransactionRollbackContract}'s part, which only
 * transactional stores run.
 */
public abstract class TransactionRunnerContract extends UnitOfWorkSuite {

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

    @Test
    public final void theWorksOwnExceptionLeavesTheUnitAndTheNextUnitRuns() {
        Boom boom = new Boom();

        assertThatThrownBy(() -> tx.inTransaction(() -> {
            f.visitor();
            throw boom;
        })).isSameAs(boom);
        assertThatThrownBy(() -> tx.inTransaction(() -> tx.inTransaction(() -> {
            throw boom;
        }))).as("from a nested unit").isSameAs(boom);

        Visitor afterwards = tx.inTransaction(() -> f.visitor());
        assertThat(stores.visitors().findById(afterwards.id())).isPresent();
    }

    @Test
    public final void portExceptionsLeaveAUnitAsThemselves() {
        Visitor visitor = f.visitor();
        RoomSnapshot room = f.openRoom(visitor, at(0));
        stores.rooms().update(room.toBuilder().fname("moved on").build());

        assertThatThrownBy(() -> tx.inTransaction(() -> f.openRoom(visitor, at(1))))
                .isInstanceOfSatisfying(UniqueConstraintViolation.class, e -> assertThat(e.constraint())
                        .isEqualTo(UniqueConstraintViolation.Constraint.OPEN_ROOM_PER_VISITOR));
        assertThatThrownBy(() -> tx.inTransaction(() -> {
            stores.rooms().update(room.toBuilder().msgs(room.msgs() + 1).build());
            return null;
        })).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(f.reload(room.id()).fname()).isEqualTo("moved on");
        Visitor afterwards = tx.inTransaction(() -> f.visitor());
        assertThat(stores.visitors().findById(afterwards.id())).isPresent();
    }

    @Test
    public final void aNestedUnitJoinsTheOuterUnitAndSeesItsWrites() {
        AtomicReference<Visitor> inner = new AtomicReference<>();

        Visitor outer = tx.inTransaction(() -> {
            Visitor v = f.visitor();
            String seenInside = tx.inTransaction(() -> {
                inner.set(f.visitor());
                return stores.visitors().findById(v.id()).orElseThrow().token().value();
            });
            assertThat(seenInside).isEqualTo(v.token().value());
            assertThat(stores.visitors().findById(inner.get().id())).isPresent();
            return v;
        });

        assertThat(stores.visitors().findById(outer.id())).isPresent();
        assertThat(stores.visitors().findById(inner.get().id())).isPresent();
    }

    @Test
    public final void theRoutingLockIsReleasedHoweverTheUnitEnds() {
        Boom boom = new Boom();
        tx.inTransaction(() -> {
            stores.routing().lockRouting();
            return tx.inTransaction(() -> {
                stores.routing().lockRouting();
                return null;
            });
        });
        assertThatThrownBy(() -> tx.inTransaction(() -> {
            stores.routing().lockRouting();
            throw boom;
        })).isSameAs(boom);

        List<Outcome<Boolean>> others = Concurrently.run(2, i -> tx.inTransaction(() -> {
            stores.routing().lockRouting();
            return true;
        }));
        assertThat(others).allSatisfy(o -> assertThat(o.failure()).isNull());
    }

    @Test
    public final void lockingRoutingOutsideAUnitIsAProgrammingError() {
        assertThatThrownBy(() -> stores.routing().lockRouting()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    public final void unitsOnManyThreadsEachCommitTheirOwnWrites() {
        List<Outcome<VisitorId>> outcomes = Concurrently.run(8, i -> tx.inTransaction(() -> {
            Visitor visitor = f.visitor();
            f.openRoom(visitor, at(i));
            return visitor.id();
        }));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(outcomes).allSatisfy(o -> assertThat(stores.rooms().findOpenByVisitorId(o.value())).hasSize(1));
    }
}
