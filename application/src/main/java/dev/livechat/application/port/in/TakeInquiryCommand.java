package dev.livechat.application.port.in;

/**
 * {@code POST livechat/inquiries.take} (contract 4.14).
 *
 * @param userId the agent to take it for; null = the caller
 */
public record TakeInquiryCommand(Caller caller, String inquiryId, String userId) {
}
