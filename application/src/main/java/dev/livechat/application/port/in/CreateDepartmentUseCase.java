package dev.livechat.application.port.in;

/** Creates a department with a unique name and links the given agents to it (contract 4.7 POST). */
public interface CreateDepartmentUseCase {

    DepartmentDetails createDepartment(CreateDepartmentCommand command);
}
