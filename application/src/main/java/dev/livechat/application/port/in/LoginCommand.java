package dev.livechat.application.port.in;

import java.util.Objects;

/**
 * A login attempt, the body shape already normalised (contract 4.1).
 *
 * @param identifier a username, or an email when {@code byEmail}
 * @param byEmail    whether {@code identifier} is an email
 * @param password   the password in clear (never logged)
 */
public record LoginCommand(String identifier, boolean byEmail, String password) {

    public LoginCommand {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "LoginCommand[identifier=" + identifier + ", byEmail=" + byEmail + ", password=***]";
    }
}
