package dev.livechat.application.port.in;

/** First-start admin (contract 7): username, and the password or null to generate one. */
public record EnsureAdminCommand(String username, String password) {

    @Override
    public String toString() {
        return "EnsureAdminCommand[username=" + username + ", password=***]";
    }
}
