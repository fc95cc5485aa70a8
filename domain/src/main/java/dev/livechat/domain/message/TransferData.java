package dev.livechat.domain.message;

import java.time.Instant;
import java.util.Objects;

/**
 * The {@code transferData} of a {@code livechat_transfer_history} message (contract 4.17).
 *
 * @param transferredBy      who forwarded ({@code type} is {@code "agent"} or {@code "user"})
 * @param ts                 when
 * @param scope              {@code "agent"} or {@code "department"}
 * @param comment            the forward comment, or null
 * @param previousDepartment the old department id, or null when the department did not change
 * @param nextDepartment     the new department, or null when the department did not change
 * @param transferredTo      the agent the room was forwarded to, or null
 */
public record TransferData(Party transferredBy, Instant ts, String scope, String comment, String previousDepartment,
                           NextDepartment nextDepartment, Party transferredTo) {

    public TransferData {
        Objects.requireNonNull(transferredBy, "transferredBy");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(scope, "scope");
    }

    /** A user named in a transfer; {@code type} is null for {@code transferredTo}. */
    public record Party(String id, String username, String name, String type) {
    }

    /** The department a room was forwarded to. */
    public record NextDepartment(String id, String name) {
    }
}
