package dev.livechat.application.port.out.contract;

import dev.livechat.application.port.out.ConcurrentUpdateException;
import dev.livechat.application.port.out.TransactionRunner;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.shared.InquiryId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.user.User;
import dev.livechat.domain.visitor.Visitor;
import dev.livechat.domain.visitor.VisitorProfile;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static dev.livechat.application.port.out.contract.ContractFixtures.at;
import static dev.livechat.application.port.out.contract.ContractFixtures.author;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a {@link TransactionRunner} of a transactional store guarantees on top of {@link TransactionRunnerContract}: a
 * failed unit's writes, made through any port and in nested units too, leave no trace. Stores without multi-document
 * transactions (MongoDB) are exempt by the port's Javadoc and do not run it.
 */
public abstract class TransactionRollbackContract extends UnitOfWorkSuite {

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
    public final void aNestedUnitsWritesAreUndoneWithTheOuterUnit() {
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
    }
}
