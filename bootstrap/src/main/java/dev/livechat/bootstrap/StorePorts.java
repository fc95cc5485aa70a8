package dev.livechat.bootstrap;

import dev.livechat.application.port.out.AgentRouting;
import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.application.port.out.InquiryRepository;
import dev.livechat.application.port.out.LoginTokenRepository;
import dev.livechat.application.port.out.MessageRepository;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.port.out.TransactionRunner;
import dev.livechat.application.port.out.UserRepository;
import dev.livechat.application.port.out.VisitorChatSearch;
import dev.livechat.application.port.out.VisitorRepository;

import java.util.Objects;

/**
 * The out-ports of one opened store, whichever adapter provides them, and how to release it.
 */
public record StorePorts(RoomRepository rooms, MessageRepository messages, VisitorRepository visitors,
                         UserRepository users, LoginTokenRepository loginTokens, InquiryRepository inquiries,
                         DepartmentRepository departments, AgentRouting routing, VisitorChatSearch chatSearch,
                         TransactionRunner transactions, AutoCloseable closer) {

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
        Objects.requireNonNull(closer, "closer");
    }
}
