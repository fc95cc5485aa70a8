package dev.livechat.application.testing;

import dev.livechat.application.port.out.contract.DepartmentRepositoryContract;
import dev.livechat.application.port.out.StorePorts;

/** Runs the {@code DepartmentRepository} contract against the in-memory fake. */
class InMemoryDepartmentRepositoryTest extends DepartmentRepositoryContract {

    @Override
    protected StorePorts newStores() {
        return new InMemoryStores().stores();
    }
}
