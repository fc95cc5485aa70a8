package dev.livechat.application.port.in;

import dev.livechat.domain.shared.Page;

/** Lists departments with their {@code numAgents}, filtered, sorted and paged (contract 4.7 GET). */
public interface ListDepartmentsUseCase {

    Page<DepartmentDetails> listDepartments(DepartmentsQuery query);
}
