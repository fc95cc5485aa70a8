package dev.livechat.application.port.in;

import java.util.Optional;

/** One department, optionally with its agent links; empty for an unknown id (contract 4.7 GET by id). */
public interface GetDepartmentUseCase {

    Optional<DepartmentDetails> getDepartment(GetDepartmentQuery query);
}
