package dev.livechat.application.port.in;

import dev.livechat.domain.department.DepartmentSortField;
import dev.livechat.domain.shared.SortKey;

import java.util.List;

/**
 * {@code GET livechat/department} (contract 4.7): {@code text} null = no filter, {@code sort} empty = default
 * {@code {"name":1}}.
 */
public record DepartmentsQuery(Caller caller, String text, boolean enabledOnly,
                               List<SortKey<DepartmentSortField>> sort, int offset, int count) {

    public DepartmentsQuery {
        sort = List.copyOf(sort);
    }
}
