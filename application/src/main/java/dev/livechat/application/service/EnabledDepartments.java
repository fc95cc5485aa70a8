package dev.livechat.application.service;

import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.department.DepartmentSortField;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.SortKey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads every enabled department, a page at a time: the queue lists and routes only their inquiries (contract 7a). */
final class EnabledDepartments {

    private static final int PAGE = 100;
    private static final List<SortKey<DepartmentSortField>> BY_NAME =
            List.of(new SortKey<>(DepartmentSortField.NAME, true));

    private EnabledDepartments() {
    }

    static List<Department> all(DepartmentRepository departments) {
        List<Department> all = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            Page<Department> page = departments.find(null, true, BY_NAME, offset, PAGE);
            all.addAll(page.items());
            if (page.items().size() < PAGE || offset + PAGE >= page.total()) {
                return all;
            }
        }
    }

    static Set<DepartmentId> ids(DepartmentRepository departments) {
        Set<DepartmentId> ids = new HashSet<>();
        all(departments).forEach(d -> ids.add(d.id()));
        return ids;
    }
}
