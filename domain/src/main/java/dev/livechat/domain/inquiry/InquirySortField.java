package dev.livechat.domain.inquiry;

import java.util.Optional;

/** The inquiry fields {@code livechat/inquiries.queued} may sort by (contract 1.9 allowlist). */
public enum InquirySortField {
    TS("ts"), UPDATED_AT("_updatedAt");

    private final String wireName;

    InquirySortField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<InquirySortField> fromWireName(String name) {
        for (InquirySortField field : values()) {
            if (field.wireName.equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
