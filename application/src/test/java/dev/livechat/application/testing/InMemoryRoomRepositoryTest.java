package dev.livechat.application.testing;

import dev.livechat.application.port.out.contract.RoomRepositoryContract;
import dev.livechat.application.port.out.contract.Stores;

/** Runs the {@code RoomRepository} contract against the in-memory fake. */
class InMemoryRoomRepositoryTest extends RoomRepositoryContract {

    @Override
    protected Stores newStores() {
        return new InMemoryStores().stores();
    }
}
