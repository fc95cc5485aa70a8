package dev.livechat.adapter.http.core;

/**
 * The code behind one endpoint: validates parameters, calls use cases, checks permissions and builds the response.
 *
 * <p>Failures are thrown, never returned: a {@link dev.livechat.domain.error.LivechatException} or a
 * {@link dev.livechat.adapter.http.validation.MatchValidationException} becomes its contract body through
 * {@link ErrorMapper}; anything else becomes 500 {@code internal-error} and is logged.
 */
@FunctionalInterface
public interface Handler {

    /**
     * Handles one request that already passed routing, body parsing, authentication and rate limiting.
     *
     * @return the response, never null
     */
    ApiResponse handle(ApiRequest request);
}
