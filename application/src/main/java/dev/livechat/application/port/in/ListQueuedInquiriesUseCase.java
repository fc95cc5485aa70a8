package dev.livechat.application.port.in;

import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.shared.Page;

/** The queued inquiries the caller may take, oldest first by default (contract 4.13). */
public interface ListQueuedInquiriesUseCase {

    Page<Inquiry> listQueuedInquiries(QueuedInquiriesQuery query);
}
