package dev.livechat.application.port.in;

/** Replaces a department's fields and, when given, its agent links (contract 4.7 PUT). */
public interface UpdateDepartmentUseCase {

    DepartmentDetails updateDepartment(UpdateDepartmentCommand command);
}
