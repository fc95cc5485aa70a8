package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.testing.StoreFixture;
import dev.livechat.adapter.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** H2 gives up on a row lock after 2 s by default; the store's sessions wait longer for the routing lock. */
class H2LockTimeoutTest {

    @RegisterExtension
    static final StoreFixture FIXTURE = StoreFixture.on(TestDatabase.H2);

    @Test
    void a_unit_waits_more_than_h2s_default_two_seconds_for_the_routing_lock() throws Exception {
        JdbcStore store = FIXTURE.newStore();
        CountDownLatch locked = new CountDownLatch(1);

        List<Callable<String>> units = List.of(
                () -> store.ports().transactions().inTransaction(() -> {
                    store.ports().routing().lockRouting();
                    locked.countDown();
                    sleep(2_500);
                    return "first";
                }),
                () -> {
                    assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
                    return store.ports().transactions().inTransaction(() -> {
                        store.ports().routing().lockRouting();
                        return "second";
                    });
                });

        assertThat(RoomStoreTests.runTogether(units)).containsExactly("first", "second");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
