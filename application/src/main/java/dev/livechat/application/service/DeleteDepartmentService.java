package dev.livechat.application.service;

import dev.livechat.application.port.in.DeleteDepartmentCommand;
import dev.livechat.application.port.in.DeleteDepartmentUseCase;
import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.application.port.out.InquiryRepository;
import dev.livechat.application.port.out.TransactionRunner;
import dev.livechat.application.port.out.VisitorRepository;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.error.PermissionDeniedException;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.user.Permission;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Removes a department and its agent links (contract 4.7 DELETE). Visitors registered with it lose it; rooms keep
 * their {@code departmentId}, and the department is taken off their inquiries, so that queued ones are listed to (and
 * routed to) every agent.
 */
public final class DeleteDepartmentService implements DeleteDepartmentUseCase {

    private final DepartmentRepository departments;
    private final VisitorRepository visitors;
    private final InquiryRepository inquiries;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public DeleteDepartmentService(DepartmentRepository departments, VisitorRepository visitors,
                                   InquiryRepository inquiries, TransactionRunner tx, Clock clock) {
        this.departments = Objects.requireNonNull(departments, "departments");
        this.visitors = Objects.requireNonNull(visitors, "visitors");
        this.inquiries = Objects.requireNonNull(inquiries, "inquiries");
        this.unitOfWork = new UnitOfWork(tx);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void deleteDepartment(DeleteDepartmentCommand command) {
        if (!command.caller().has(Permission.MANAGE_LIVECHAT_DEPARTMENTS)) {
            throw PermissionDeniedException.routePermission();
        }
        Optional<DepartmentId> id = DepartmentId.parse(command.departmentId());
        unitOfWork.run(() -> {
            Department department = id.flatMap(departments::findById).orElseThrow(Errors::departmentNotFound);
            Instant now = Time.now(clock);
            // the department itself goes last: an interrupted deletion (no transactions) can simply run again
            visitors.clearDepartment(department.id(), now);
            inquiries.clearDepartment(department.id(), now);
            departments.delete(department.id());
            return null;
        });
    }
}
