package dev.livechat.application.port.in;

/**
 * {@code POST livechat/visitor} (contract 4.8); null fields were not given (or were JSON null).
 *
 * @param department a department id or exact name
 */
public record RegisterVisitorCommand(String token, String name, String email, String phone, String department) {

    @Override
    public String toString() {
        return "RegisterVisitorCommand[token=***]";
    }
}
