package dev.livechat.application.port.in;

/** Removes a department and its agent links, and clears it from visitors and inquiries (contract 4.7 DELETE). */
public interface DeleteDepartmentUseCase {

    void deleteDepartment(DeleteDepartmentCommand command);
}
