package dev.livechat.application.port.in;

import dev.livechat.domain.error.AuthenticationRequiredException;

/** Turns the {@code X-User-Id} / {@code X-Auth-Token} pair of an agent-facing request into a {@link Caller}. */
public interface AuthenticateUseCase {

    /**
     * Finds an unexpired login token of that user whose hash matches {@code authToken}.
     *
     * @param userId    the presented user id (may be null or malformed)
     * @param authToken the presented login token in clear (may be null); only its hash is compared
     * @return the authenticated caller
     * @throws AuthenticationRequiredException when either value is missing or wrong, the token expired, or the user is
     *                                         deactivated
     */
    Caller authenticate(String userId, String authToken);
}
