package dev.livechat.application.service;

import dev.livechat.application.port.in.Caller;
import dev.livechat.application.port.in.DepartmentDetails;
import dev.livechat.application.port.in.DepartmentsQuery;
import dev.livechat.application.port.in.GetDepartmentQuery;
import dev.livechat.application.port.in.GetDepartmentUseCase;
import dev.livechat.application.port.in.ListDepartmentsUseCase;
import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.department.DepartmentAgent;
import dev.livechat.domain.department.DepartmentSortField;
import dev.livechat.domain.error.PermissionDeniedException;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.user.Permission;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Lists departments and reads one, for callers with {@code view-livechat-departments} or {@code view-l-room} (4.7). */
public final class DepartmentQueryService implements ListDepartmentsUseCase, GetDepartmentUseCase {

    private static final List<SortKey<DepartmentSortField>> DEFAULT_SORT =
            List.of(new SortKey<>(DepartmentSortField.NAME, true));

    private final DepartmentRepository departments;

    public DepartmentQueryService(DepartmentRepository departments) {
        this.departments = Objects.requireNonNull(departments, "departments");
    }

    @Override
    public Page<DepartmentDetails> listDepartments(DepartmentsQuery query) {
        requireView(query.caller());
        String text = query.text() == null || query.text().isEmpty() ? null : query.text();
        Page<Department> page = departments.find(text, query.enabledOnly(),
                query.sort().isEmpty() ? DEFAULT_SORT : query.sort(), query.offset(), query.count());
        Map<DepartmentId, Integer> numAgents = departments.countAgents(page.items().stream().map(Department::id).toList());
        return new Page<>(page.items().stream()
                .map(d -> new DepartmentDetails(d, numAgents.getOrDefault(d.id(), 0), null))
                .toList(), page.total());
    }

    @Override
    public Optional<DepartmentDetails> getDepartment(GetDepartmentQuery query) {
        requireView(query.caller());
        return DepartmentId.parse(query.departmentId()).flatMap(departments::findById).map(department -> {
            List<DepartmentAgent> agents = departments.findAgents(department.id());
            return new DepartmentDetails(department, agents.size(), query.includeAgents() ? agents : null);
        });
    }

    private static void requireView(Caller caller) {
        if (!caller.has(Permission.VIEW_LIVECHAT_DEPARTMENTS) && !caller.has(Permission.VIEW_L_ROOM)) {
            throw PermissionDeniedException.routePermission();
        }
    }
}
