package dev.livechat.adapter.http.mapping;

import dev.livechat.domain.shared.VisitorToken;

/**
 * Which visitor tokens a response may show (contract 1.13): visitor-facing responses show only the caller's own
 * token; agent-facing responses show none, or all when the server exposes tokens to agents for Rocket.Chat
 * compatibility.
 */
public final class TokenVisibility {

    private static final TokenVisibility HIDE_ALL = new TokenVisibility(null, false);
    private static final TokenVisibility SHOW_ALL = new TokenVisibility(null, true);

    private final VisitorToken callerToken;
    private final boolean showAll;

    private TokenVisibility(VisitorToken callerToken, boolean showAll) {
        this.callerToken = callerToken;
        this.showAll = showAll;
    }

    /** A visitor-facing response to the visitor holding {@code callerToken}. */
    public static TokenVisibility visitor(VisitorToken callerToken) {
        return new TokenVisibility(callerToken, false);
    }

    /** An agent-facing response; {@code exposeToAgents} restores Rocket.Chat's responses. */
    public static TokenVisibility agent(boolean exposeToAgents) {
        return exposeToAgents ? SHOW_ALL : HIDE_ALL;
    }

    public boolean shows(VisitorToken token) {
        return token != null && (showAll || token.equals(callerToken));
    }
}
