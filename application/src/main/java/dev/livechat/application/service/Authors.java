package dev.livechat.application.service;

import dev.livechat.application.port.in.Caller;
import dev.livechat.domain.message.MessageAuthor;
import dev.livechat.domain.user.User;
import dev.livechat.domain.visitor.Visitor;

/** The {@code u} of a message written by a visitor, a user or the caller. */
final class Authors {

    private Authors() {
    }

    static MessageAuthor of(Visitor visitor) {
        return new MessageAuthor(visitor.id().value(), visitor.username(), visitor.name().orElse(null));
    }

    static MessageAuthor of(User user) {
        return new MessageAuthor(user.id().value(), user.username(), user.name().orElse(null));
    }

    static MessageAuthor of(Caller caller) {
        return new MessageAuthor(caller.id().value(), caller.username(), caller.name());
    }
}
