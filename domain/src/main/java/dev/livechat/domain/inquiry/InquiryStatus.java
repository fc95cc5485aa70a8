package dev.livechat.domain.inquiry;

/** Whether an inquiry waits for an agent or is served. */
public enum InquiryStatus {
    QUEUED("queued"), TAKEN("taken");

    private final String wireName;

    InquiryStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static InquiryStatus fromWireName(String name) {
        for (InquiryStatus status : values()) {
            if (status.wireName.equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown inquiry status: " + name);
    }
}
