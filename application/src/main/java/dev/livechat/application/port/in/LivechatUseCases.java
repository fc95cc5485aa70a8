package dev.livechat.application.port.in;

import java.util.Objects;

/**
 * Every use case of Livechat in one value: what the HTTP adapter mounts and what an embedding application calls
 * directly. Built by whoever wires the services (the server's {@code bootstrap}, or the embedder).
 */
public record LivechatUseCases(
        AuthenticateUseCase authenticate,
        LoginUseCase login,
        LogoutUseCase logout,
        GetMeUseCase me,
        CreateUserUseCase createUser,
        ManageLivechatUsersUseCase livechatUsers,
        SetAgentStatusUseCase agentStatus,
        RegisterVisitorUseCase registerVisitor,
        GetVisitorUseCase getVisitor,
        GetOrOpenRoomUseCase getOrOpenRoom,
        SendVisitorMessageUseCase sendVisitorMessage,
        SendAgentMessageUseCase sendAgentMessage,
        ReadVisitorMessagesUseCase readVisitorMessages,
        CloseRoomByVisitorUseCase closeRoomByVisitor,
        CloseRoomByUserUseCase closeRoomByUser,
        SubmitSurveyUseCase submitSurvey,
        ChangeRoomVisitorUseCase changeRoomVisitor,
        ChatHistoryUseCase chatHistory,
        SearchChatsUseCase searchChats,
        GetServerInfoUseCase serverInfo,
        CreateDepartmentUseCase createDepartment,
        UpdateDepartmentUseCase updateDepartment,
        DeleteDepartmentUseCase deleteDepartment,
        ListDepartmentsUseCase listDepartments,
        GetDepartmentUseCase getDepartment,
        ListQueuedInquiriesUseCase queuedInquiries,
        TakeInquiryUseCase takeInquiry,
        ForwardRoomUseCase forwardRoom,
        GetWidgetConfigUseCase widgetConfig,
        DeleteVisitorUseCase deleteVisitor) {

    public LivechatUseCases {
        Objects.requireNonNull(authenticate, "authenticate");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(logout, "logout");
        Objects.requireNonNull(me, "me");
        Objects.requireNonNull(createUser, "createUser");
        Objects.requireNonNull(livechatUsers, "livechatUsers");
        Objects.requireNonNull(agentStatus, "agentStatus");
        Objects.requireNonNull(registerVisitor, "registerVisitor");
        Objects.requireNonNull(getVisitor, "getVisitor");
        Objects.requireNonNull(getOrOpenRoom, "getOrOpenRoom");
        Objects.requireNonNull(sendVisitorMessage, "sendVisitorMessage");
        Objects.requireNonNull(sendAgentMessage, "sendAgentMessage");
        Objects.requireNonNull(readVisitorMessages, "readVisitorMessages");
        Objects.requireNonNull(closeRoomByVisitor, "closeRoomByVisitor");
        Objects.requireNonNull(closeRoomByUser, "closeRoomByUser");
        Objects.requireNonNull(submitSurvey, "submitSurvey");
        Objects.requireNonNull(changeRoomVisitor, "changeRoomVisitor");
        Objects.requireNonNull(chatHistory, "chatHistory");
        Objects.requireNonNull(searchChats, "searchChats");
        Objects.requireNonNull(serverInfo, "serverInfo");
        Objects.requireNonNull(createDepartment, "createDepartment");
        Objects.requireNonNull(updateDepartment, "updateDepartment");
        Objects.requireNonNull(deleteDepartment, "deleteDepartment");
        Objects.requireNonNull(listDepartments, "listDepartments");
        Objects.requireNonNull(getDepartment, "getDepartment");
        Objects.requireNonNull(queuedInquiries, "queuedInquiries");
        Objects.requireNonNull(takeInquiry, "takeInquiry");
        Objects.requireNonNull(forwardRoom, "forwardRoom");
        Objects.requireNonNull(widgetConfig, "widgetConfig");
        Objects.requireNonNull(deleteVisitor, "deleteVisitor");
    }
}
