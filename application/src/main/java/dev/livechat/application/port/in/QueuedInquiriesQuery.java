package dev.livechat.application.port.in;

import dev.livechat.domain.inquiry.InquirySortField;
import dev.livechat.domain.shared.SortKey;

import java.util.List;

/**
 * {@code GET livechat/inquiries.queued} (contract 4.13): {@code department} null = every department the caller may
 * see; {@code sort} empty = default {@code {"ts":1}}.
 */
public record QueuedInquiriesQuery(Caller caller, String department, List<SortKey<InquirySortField>> sort, int offset,
                                   int count) {

    public QueuedInquiriesQuery {
        sort = List.copyOf(sort);
    }
}
