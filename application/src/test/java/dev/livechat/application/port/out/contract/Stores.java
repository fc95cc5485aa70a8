package dev.livechat.application.port.out.contract;

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
 * Every persistence out-port of one store, as the contract suites and the service wiring need them: all ports must
 * share one underlying store (a unit of work of {@link #tx()} covers writes made through any of them).
 */
public record Stores(RoomRepository rooms, MessageRepository messages, VisitorRepository visitors,
                     UserRepository users, LoginTokenRepository loginTokens, InquiryRepository inquiries,
                     DepartmentRepository departments, AgentRouting routing, VisitorChatSearch chatSearch,
                     TransactionRunner tx) {

    public Stores {
        Objects.requireNonNull(rooms, "rooms");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(visitors, "visitors");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(loginTokens, "loginTokens");
        Objects.requireNonNull(inquiries, "inquiries");
        Objects.requireNonNull(departments, "departments");
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(chatSearch, "chatSearch");
        Objects.requireNonNull(tx, "tx");
    }
}
