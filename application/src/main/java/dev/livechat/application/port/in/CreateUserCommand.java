package dev.livechat.application.port.in;

import java.util.List;

/**
 * {@code users.create} (contract 4.4), values as validated by shape; the service applies the business checks.
 *
 * @param roles    role names as sent, or null for {@code ["user"]}
 * @param active   null = true
 * @param verified null = false
 */
public record CreateUserCommand(Caller caller, String email, String name, String password, String username,
                                List<String> roles, Boolean active, Boolean verified) {

    @Override
    public String toString() {
        return "CreateUserCommand[username=" + username + ", email=" + email + ", password=***]";
    }
}
