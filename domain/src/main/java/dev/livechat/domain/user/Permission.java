package dev.livechat.domain.user;

/** The fixed permissions of contract 1.11, by their wire names. */
public enum Permission {
    VIEW_L_ROOM("view-l-room"),
    VIEW_LIVECHAT_ROOMS("view-livechat-rooms"),
    CLOSE_LIVECHAT_ROOM("close-livechat-room"),
    CLOSE_OTHERS_LIVECHAT_ROOM("close-others-livechat-room"),
    TRANSFER_LIVECHAT_GUEST("transfer-livechat-guest"),
    CHANGE_LIVECHAT_ROOM_VISITOR("change-livechat-room-visitor"),
    VIEW_LIVECHAT_ROOM_CLOSED_BY_ANOTHER_AGENT("view-livechat-room-closed-by-another-agent"),
    VIEW_LIVECHAT_ROOM_CLOSED_SAME_DEPARTMENT("view-livechat-room-closed-same-department"),
    VIEW_LIVECHAT_MANAGER("view-livechat-manager"),
    MANAGE_LIVECHAT_AGENTS("manage-livechat-agents"),
    VIEW_LIVECHAT_DEPARTMENTS("view-livechat-departments"),
    MANAGE_LIVECHAT_DEPARTMENTS("manage-livechat-departments"),
    CREATE_USER("create-user");

    private final String wireName;

    Permission(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
