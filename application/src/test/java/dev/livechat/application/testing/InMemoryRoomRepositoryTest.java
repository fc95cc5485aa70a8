package dev.livechat.application.testing;

import dev.livechat.application.port.out.contract.RoomRepositoryContract;
import dev.livechat.application.port.out.StorePorts;

/** Runs the {@code RoomRepository} contract against the in-memory fake. */
class InMemoryRoomRepositoryTest extends RoomRepositoryContract {

    @Override
    protected StorePorts newStores() {
        return new InMemoryStores().stores();
    }
}
