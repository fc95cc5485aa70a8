package dev.livechat.adapter.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.livechat.domain.error.StoreUnavailableException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The routing lock shared by every server instance on one database: a lease document {@code {_id: "routing", owner,
 * expiresAt}} in {@code livechat_adapter_locks}. Acquiring is one atomic upsert that matches only an expired lease (or
 * creates the missing one); while another owner holds an unexpired lease, the upsert collides on {@code _id} and the
 * caller retries with a growing pause until {@code maxWait}. Releasing deletes the document only if this owner still
 * holds it. A crashed holder blocks others for at most {@code ttl}. Threads of one instance first queue on a fair local
 * lock, so that only one of them polls the database at a time.
 */
final class RoutingLease {

    static final String ROUTING = "routing";

    private final StoreCollections c;
    private final Clock clock;
    private final Duration ttl;
    private final Duration maxWait;
    private final ReentrantLock local = new ReentrantLock(true);

    RoutingLease(StoreCollections c, Clock clock, Duration ttl, Duration maxWait) {
        this.c = c;
        this.clock = clock;
        this.ttl = ttl;
        this.maxWait = maxWait;
    }

    /**
     * Acquires the lease for a new owner and returns the action that releases it.
     *
     * @throws StoreUnavailableException when the lease is not obtained within {@code maxWait}
     */
    Runnable acquire() {
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            if (!local.tryLock(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new StoreUnavailableException("routing lock not acquired within " + maxWait, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the routing lock", null);
        }
        try {
            String owner = UUID.randomUUID().toString();
            long pauseMillis = 1;
            while (!tryAcquire(owner)) {
                if (System.nanoTime() - deadline >= 0) {
                    throw new StoreUnavailableException("routing lock not acquired within " + maxWait, null);
                }
                sleep(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, 50);
            }
            return () -> {
                try {
                    release(owner);
                } finally {
                    local.unlock();
                }
            };
        } catch (RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    private boolean tryAcquire(String owner) {
        Instant now = clock.instant();
        try {
            c.locks.updateOne(
                    Filters.and(Filters.eq("_id", ROUTING), Filters.lte("expiresAt", Bsons.date(now))),
                    Updates.combine(Updates.set("owner", owner), Updates.set("acquiredAt", Bsons.date(now)),
                            Updates.set("expiresAt", Bsons.date(now.plus(ttl)))),
                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                return false; // held by another owner and not expired
            }
            throw MongoErrors.translate("routing lock", Map.of(), e);
        }
    }

    private void release(String owner) {
        MongoErrors.run("routing lock release",
                () -> c.locks.deleteOne(Filters.and(Filters.eq("_id", ROUTING), Filters.eq("owner", owner))));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the routing lock", null);
        }
    }
}
