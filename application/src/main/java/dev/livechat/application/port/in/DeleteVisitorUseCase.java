package dev.livechat.application.port.in;

/**
 * Erases a visitor without open rooms, with all its rooms, their messages and inquiries; the token is unknown
 * afterwards (contract 4.9 DELETE).
 */
public interface DeleteVisitorUseCase {

    DeletedVisitor deleteVisitor(String token);
}
