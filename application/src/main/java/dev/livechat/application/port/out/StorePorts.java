package dev.livechat.application.port.out;

import java.util.Objects;

/**
 * Every persistence out-port of one store, as each store adapter provides them and the services are wired from: all
 * ports share one underlying store, so a unit of work of {@link #transactions()} covers writes made through any of
 * them.
 */
public record StorePorts(RoomRepository rooms, MessageRepository messages, VisitorRepository visitors,
                     UserRepository users, LoginTokenRepository loginTokens, InquiryRepository inquiries,
                     DepartmentRepository departments, AgentRouting routing, VisitorChatSearch chatSearch,
                     TransactionRunner transactions) {

    public StorePorts {
        Objects.requireNonNull(rooms, "rooms");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(visitors, "visitors");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(loginTokens, "loginTokens");
        Objects.requireNonNull(inquiries, "inquiries");
        Objects.requireNonNull(departments, "departments");
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(chatSearch, "chatSearch");
        Objects.requireNonNull(transactions, "transactions");
    }
}
