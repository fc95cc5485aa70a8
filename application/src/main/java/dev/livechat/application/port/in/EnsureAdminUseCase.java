package dev.livechat.application.port.in;

import java.util.Optional;

/** Creates the first admin when no admin exists; returns the generated password when one was generated (contract 7). */
public interface EnsureAdminUseCase {

    Optional<String> ensureAdmin(EnsureAdminCommand command);
}
