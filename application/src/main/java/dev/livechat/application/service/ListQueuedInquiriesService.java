package dev.livechat.application.service;

import dev.livechat.application.port.in.Caller;
import dev.livechat.application.port.in.ListQueuedInquiriesUseCase;
import dev.livechat.application.port.in.QueuedInquiriesQuery;
import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.application.port.out.InquiryRepository;
import dev.livechat.application.port.out.InquiryRepository.QueueFilter;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.error.PermissionDeniedException;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.inquiry.InquirySortField;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.user.Permission;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The queue as an agent sees it (contract 4.13, 7a): queued inquiries without a department, plus those of the enabled
 * departments the caller belongs to, or of every enabled department for a caller with {@code view-livechat-rooms}.
 */
public final class ListQueuedInquiriesService implements ListQueuedInquiriesUseCase {

    static final List<SortKey<InquirySortField>> OLDEST_FIRST = List.of(new SortKey<>(InquirySortField.TS, true));

    private final InquiryRepository inquiries;
    private final DepartmentRepository departments;

    public ListQueuedInquiriesService(InquiryRepository inquiries, DepartmentRepository departments) {
        this.inquiries = Objects.requireNonNull(inquiries, "inquiries");
        this.departments = Objects.requireNonNull(departments, "departments");
    }

    @Override
    public Page<Inquiry> listQueuedInquiries(QueuedInquiriesQuery query) {
        Caller caller = query.caller();
        if (!caller.has(Permission.VIEW_L_ROOM)) {
            throw PermissionDeniedException.routePermission();
        }
        boolean seesAll = caller.has(Permission.VIEW_LIVECHAT_ROOMS);
        Set<DepartmentId> enabled = EnabledDepartments.ids(departments);
        QueueFilter filter;
        if (query.department() != null && !query.department().isEmpty()) {
            Optional<DepartmentId> department = DepartmentId.parse(query.department());
            boolean member = department.map(d -> departments.isAgentOf(caller.id(), d)).orElse(false);
            if (!seesAll && !member) {
                throw BusinessRuleException.plain("error-not-authorized");
            }
            filter = new QueueFilter(false, department.filter(enabled::contains).map(Set::of).orElse(Set.of()));
        } else if (seesAll) {
            filter = new QueueFilter(true, enabled);
        } else {
            Set<DepartmentId> mine = new HashSet<>(departments.findDepartmentsOfAgent(caller.id()));
            mine.retainAll(enabled);
            filter = new QueueFilter(true, mine);
        }
        return inquiries.findQueued(filter, query.sort().isEmpty() ? OLDEST_FIRST : query.sort(), query.offset(),
                query.count());
    }
}
