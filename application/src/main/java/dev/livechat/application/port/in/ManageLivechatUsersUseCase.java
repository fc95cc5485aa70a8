package dev.livechat.application.port.in;

import dev.livechat.domain.shared.Page;

/** Grants, revokes and lists the livechat roles agent and manager; needs {@code view-livechat-manager} (contract 4.5). */
public interface ManageLivechatUsersUseCase {

    UserRef addLivechatUser(LivechatUserCommand command);

    void removeLivechatUser(LivechatUserCommand command);

    Page<UserView> listLivechatUsers(LivechatUsersQuery query);
}
