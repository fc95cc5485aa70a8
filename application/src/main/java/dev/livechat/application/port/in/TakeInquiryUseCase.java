package dev.livechat.application.port.in;

/** An agent takes a queued inquiry; of concurrent takers exactly one wins (contract 4.14). */
public interface TakeInquiryUseCase {

    void takeInquiry(TakeInquiryCommand command);
}
