package dev.livechat.adapter.http.api;

import dev.livechat.application.port.in.AuthenticateUseCase;
import dev.livechat.application.port.in.ChangeRoomVisitorUseCase;
import dev.livechat.application.port.in.ChatHistoryUseCase;
import dev.livechat.application.port.in.CloseRoomByUserUseCase;
import dev.livechat.application.port.in.CloseRoomByVisitorUseCase;
import dev.livechat.application.port.in.CreateUserUseCase;
import dev.livechat.application.port.in.GetMeUseCase;
import dev.livechat.application.port.in.GetOrOpenRoomUseCase;
import dev.livechat.application.port.in.GetServerInfoUseCase;
import dev.livechat.application.port.in.GetVisitorUseCase;
import dev.livechat.application.port.in.LoginUseCase;
import dev.livechat.application.port.in.LogoutUseCase;
import dev.livechat.application.port.in.ManageLivechatUsersUseCase;
import dev.livechat.application.port.in.ReadVisitorMessagesUseCase;
import dev.livechat.application.port.in.RegisterVisitorUseCase;
import dev.livechat.application.port.in.SearchChatsUseCase;
import dev.livechat.application.port.in.SendAgentMessageUseCase;
import dev.livechat.application.port.in.SendVisitorMessageUseCase;
import dev.livechat.application.port.in.SetAgentStatusUseCase;
import dev.livechat.application.port.in.SubmitSurveyUseCase;

import java.util.Objects;

/** Every use case the HTTP API calls, handed over in one piece by whoever wires the application. */
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
        GetServerInfoUseCase serverInfo) {

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
    }
}
