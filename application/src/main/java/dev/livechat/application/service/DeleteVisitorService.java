package dev.livechat.application.service;

import dev.livechat.application.port.in.DeleteVisitorUseCase;
import dev.livechat.application.port.in.DeletedVisitor;
import dev.livechat.application.port.out.InquiryRepository;
import dev.livechat.application.port.out.MessageRepository;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.port.out.TransactionRunner;
import dev.livechat.application.port.out.VisitorRepository;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.visitor.Visitor;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Erases a visitor (contract 4.9 DELETE): refused while it has an open room; otherwise every room whose {@code v._id}
 * is the visitor goes, with its messages and inquiry, and then the visitor itself, so that the token is unknown
 * afterwards on every store.
 */
public final class DeleteVisitorService implements DeleteVisitorUseCase {

    private final VisitorRepository visitors;
    private final RoomRepository rooms;
    private final MessageRepository messages;
    private final InquiryRepository inquiries;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public DeleteVisitorService(VisitorRepository visitors, RoomRepository rooms, MessageRepository messages,
                                InquiryRepository inquiries, TransactionRunner tx, Clock clock) {
        this.visitors = Objects.requireNonNull(visitors, "visitors");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.inquiries = Objects.requireNonNull(inquiries, "inquiries");
        this.unitOfWork = new UnitOfWork(tx);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public DeletedVisitor deleteVisitor(String token) {
        Optional<VisitorToken> parsed = VisitorToken.parse(token);
        return unitOfWork.run(() -> {
            Visitor visitor = parsed.flatMap(visitors::findByToken)
                    .orElseThrow(() -> BusinessRuleException.meteor("invalid-token", null));
            if (!rooms.findOpenByVisitorId(visitor.id()).isEmpty()
                    || rooms.findOpenByVisitorToken(visitor.token()).isPresent()) {
                throw BusinessRuleException.meteor("visitor-has-open-rooms", "Cannot remove visitors with opened rooms");
            }
            Instant now = Time.now(clock);
            // each room's dependents before the room, the visitor last: without transactions an interrupted erasure
            // leaves the visitor in place, and the same request finishes the job
            for (RoomId room : rooms.findIdsByVisitorId(visitor.id())) {
                messages.deleteByRoomId(room);
                inquiries.deleteByRoomId(room);
                rooms.delete(room);
            }
            visitors.delete(visitor.id());
            return new DeletedVisitor(visitor.id(), now);
        });
    }
}
