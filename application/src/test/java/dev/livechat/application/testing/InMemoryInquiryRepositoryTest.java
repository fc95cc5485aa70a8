package dev.livechat.application.testing;

import dev.livechat.application.port.out.contract.InquiryRepositoryContract;
import dev.livechat.application.port.out.StorePorts;

/** Runs the {@code InquiryRepository} contract against the in-memory fake. */
class InMemoryInquiryRepositoryTest extends InquiryRepositoryContract {

    @Override
    protected StorePorts newStores() {
        return new InMemoryStores().stores();
    }
}
