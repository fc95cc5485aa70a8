package dev.livechat.application.port.in;

/** Registers a visitor by token, or updates the visitor that has it (contract 4.8). */
public interface RegisterVisitorUseCase {

    dev.livechat.domain.visitor.Visitor registerVisitor(RegisterVisitorCommand command);
}
