package dev.livechat.application.port.in;

import dev.livechat.domain.shared.UserId;

/** A user's id and username. */
public record UserRef(UserId id, String username) {
}
