package dev.livechat.application.port.in;

/** The visitor with this token, else Meteor-style {@code invalid-token} (contract 4.9). */
public interface GetVisitorUseCase {

    dev.livechat.domain.visitor.Visitor getVisitor(String token);
}
