package dev.livechat.adapter.mongo;

import dev.livechat.application.port.out.contract.DepartmentRepositoryContract;
import dev.livechat.application.port.out.StorePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The {@link DepartmentRepositoryContract} against the in-process mongo-java-server (memory backend),
 * a fresh database per store.
 */
class MongoDepartmentRepositoryTest extends DepartmentRepositoryContract {

    private static MongoFixture mongo;

    @BeforeAll
    static void start() {
        mongo = MongoFixture.inProcess();
    }

    @AfterAll
    static void stop() {
        if (mongo != null) {
            mongo.close();
        }
    }

    @Override
    protected StorePorts newStores() {
        return mongo.newStores();
    }
}
