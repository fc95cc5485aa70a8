package dev.livechat.bootstrap.e2e;

import com.zaxxer.hikari.HikariDataSource;
import dev.livechat.adapter.jdbc.JdbcStore;
import dev.livechat.adapter.mongo.MongoStore;
import dev.livechat.application.port.out.StorePorts;

import java.time.Clock;

/** The {@link PartialFailureTests.Backend}s of the real stores: the adapters opened on a fresh {@link TestStore}. */
final class PartialFailureBackends {

    private PartialFailureBackends() {
    }

    static PartialFailureTests.Backend jdbc(TestStore.Kind kind) {
        TestStore store = TestStore.create(kind);
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(store.url());
        StorePorts ports = JdbcStore.open(pool).ports();
        return backend(store, ports, true, () -> {
            pool.close();
            store.close();
        });
    }

    static PartialFailureTests.Backend mongo() {
        TestStore store = TestStore.create(TestStore.Kind.MONGODB_IN_PROCESS);
        MongoStore mongo = MongoStore.open(store.url(), Clock.systemUTC());
        return backend(store, mongo.ports(), false, () -> {
            mongo.close();
            store.close();
        });
    }

    private static PartialFailureTests.Backend backend(TestStore store, StorePorts ports, boolean transactional,
                                                       Runnable close) {
        return new PartialFailureTests.Backend() {
            @Override
            public StorePorts ports() {
                return ports;
            }

            @Override
            public Object contents() {
                return store.dump();
            }

            @Override
            public boolean transactional() {
                return transactional;
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }
}
