package dev.livechat.application.port.in;

/**
 * {@code POST livechat/message} (contract 4.10).
 *
 * @param messageId the client's message id, or null
 */
public record SendVisitorMessageCommand(String token, String rid, String msg, String messageId) {

    @Override
    public String toString() {
        return "SendVisitorMessageCommand[token=***, rid=" + rid + "]";
    }
}
