package dev.livechat.adapter.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.livechat.application.port.out.TransactionRunner;
import dev.livechat.domain.error.StoreUnavailableException;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code guest-N} counter and the routing lease, with real threads and two store instances on one database. */
abstract class CounterAndLockBehaviourTests {

    abstract MongoFixture mongo();

    @Test
    void guest_numbers_start_at_1_and_concurrent_callers_get_exactly_1_to_n() throws Exception {
        MongoStore first = mongo().newStore();
        MongoStore second = mongo().sameDatabaseStore();
        AtomicInteger n = new AtomicInteger();
        var outcomes = ConcurrentRuns.run(40, () ->
                (n.incrementAndGet() % 2 == 0 ? first : second).ports().visitors().nextGuestNumber());

        assertThat(outcomes).allMatch(ConcurrentRuns.Outcome::ok);
        assertThat(outcomes.stream().map(ConcurrentRuns.Outcome::value))
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
        assertThat(mongo().database().getCollection("rocketchat_settings")
                .find(Filters.eq("_id", "Livechat_guest_count")).first().get("value", Number.class).longValue())
                .isEqualTo(40);
    }

    @Test
    void the_guest_counter_continues_from_rocket_chats_setting() {
        MongoStore store = mongo().newStore();
        mongo().database().getCollection("rocketchat_settings").insertOne(new Document("_id", "Livechat_guest_count")
                .append("type", "int").append("value", 536).append("packageValue", 1).append("public", false));
        assertThat(store.ports().visitors().nextGuestNumber()).isEqualTo(537);
        assertThat(store.ports().visitors().nextGuestNumber()).isEqualTo(538);
        Document setting = mongo().database().getCollection("rocketchat_settings")
                .find(Filters.eq("_id", "Livechat_guest_count")).first();
        assertThat(setting).containsEntry("type", "int").containsEntry("packageValue", 1);
    }

    /**
     * Without multi-document transactions a unit of work runs directly (port {@code TransactionRunner}): nothing is
     * undone when it fails. What every store's units guarantee is {@code TransactionRunnerContract}'s.
     */
    @Test
    void a_failed_unit_of_work_is_not_rolled_back() {
        MongoStore store = mongo().newStore();
        TransactionRunner tx = store.ports().transactions();

        IllegalArgumentException failure = new IllegalArgumentException("work failed");
        assertThatThrownBy(() -> tx.inTransaction(() -> {
            store.ports().visitors().insert(Samples.visitor("v1", "tok-1", 1));
            assertThat(mongo().database().getCollection("rocketchat_livechat_visitor").countDocuments()).isEqualTo(1);
            return tx.inTransaction(() -> {
                throw failure;
            });
        })).isSameAs(failure);
        assertThat(store.ports().visitors().findById(new dev.livechat.domain.shared.VisitorId("v1"))).isPresent();
    }

    @Test
    void the_lease_serialises_units_of_work_across_threads_and_instances() throws Exception {
        MongoStore first = mongo().newStore();
        MongoStore second = mongo().sameDatabaseStore();
        MongoCollection<Document> scratch = mongo().database().getCollection("scratch");
        scratch.insertOne(new Document("_id", "c").append("n", 0));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        AtomicInteger turn = new AtomicInteger();

        var outcomes = ConcurrentRuns.run(12, () -> {
            MongoStore store = turn.incrementAndGet() % 2 == 0 ? first : second;
            return store.ports().transactions().inTransaction(() -> {
                store.ports().routing().lockRouting();
                store.ports().routing().lockRouting(); // re-entrant within the unit
                maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                // A read-then-write that loses updates unless the units really run one after another.
                int n = scratch.find(Filters.eq("_id", "c")).first().getInteger("n");
                sleep(5);
                scratch.updateOne(Filters.eq("_id", "c"), Updates.set("n", n + 1));
                inside.decrementAndGet();
                return n;
            });
        });

        assertThat(outcomes).allMatch(ConcurrentRuns.Outcome::ok);
        assertThat(maxInside.get()).isEqualTo(1);
        assertThat(scratch.find(Filters.eq("_id", "c")).first().getInteger("n")).isEqualTo(12);
        assertThat(mongo().database().getCollection("livechat_adapter_locks").countDocuments()).isZero();
    }

    @Test
    void the_lease_is_released_when_the_unit_ends_with_an_exception_and_nested_units_join() {
        MongoStore store = mongo().newStore();
        TransactionRunner tx = store.ports().transactions();
        assertThatThrownBy(() -> tx.inTransaction(() -> {
            store.ports().routing().lockRouting();
            return tx.inTransaction(() -> {
                store.ports().routing().lockRouting();
                throw new IllegalArgumentException("boom");
            });
        })).hasMessage("boom");
        assertThat(mongo().database().getCollection("livechat_adapter_locks").countDocuments()).isZero();

        String held = tx.inTransaction(() -> {
            store.ports().routing().lockRouting();
            tx.inTransaction(() -> "nested");
            // the nested unit's end does not release the outer unit's lease
            return mongo().database().getCollection("livechat_adapter_locks").find().first().getString("owner");
        });
        assertThat(held).isNotBlank();
        assertThat(mongo().database().getCollection("livechat_adapter_locks").countDocuments()).isZero();
    }

    @Test
    void a_lease_left_by_a_crashed_instance_is_taken_over_once_expired() {
        MongoStore store = mongo().newStore();
        mongo().database().getCollection("livechat_adapter_locks").insertOne(new Document("_id", "routing")
                .append("owner", "crashed-instance")
                .append("expiresAt", Date.from(Instant.now().minusSeconds(1))));

        String owner = store.ports().transactions().inTransaction(() -> {
            store.ports().routing().lockRouting();
            return mongo().database().getCollection("livechat_adapter_locks").find().first().getString("owner");
        });
        assertThat(owner).isNotEqualTo("crashed-instance");
    }

    @Test
    void a_live_foreign_lease_makes_lock_routing_give_up_after_the_bounded_wait() {
        MongoStore store = mongo().newStore(Duration.ofSeconds(30), Duration.ofMillis(300));
        mongo().database().getCollection("livechat_adapter_locks").insertOne(new Document("_id", "routing")
                .append("owner", "other-instance")
                .append("expiresAt", Date.from(Instant.now().plusSeconds(60))));

        long started = System.nanoTime();
        assertThatThrownBy(() -> store.ports().transactions().inTransaction(() -> {
            store.ports().routing().lockRouting();
            return null;
        })).isInstanceOf(StoreUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));
        // the foreign lease is untouched
        assertThat(mongo().database().getCollection("livechat_adapter_locks").find().first().getString("owner"))
                .isEqualTo("other-instance");

        // and the local lock was released: once the foreign lease is gone, the next unit gets the lease at once
        mongo().database().getCollection("livechat_adapter_locks").deleteMany(new Document());
        assertThat(store.ports().transactions().inTransaction(() -> {
            store.ports().routing().lockRouting();
            return List.of("locked");
        })).containsExactly("locked");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
