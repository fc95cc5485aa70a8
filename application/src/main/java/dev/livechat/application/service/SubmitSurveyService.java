package dev.livechat.application.service;

import dev.livechat.application.port.in.SubmitSurveyCommand;
import dev.livechat.application.port.in.SubmitSurveyUseCase;
import dev.livechat.application.port.in.SurveyResult;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.port.out.TransactionRunner;
import dev.livechat.application.port.out.VisitorRepository;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.SurveyFeedback;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.visitor.Visitor;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Replaces the survey of the visitor's room, open or closed, with the valid items sent (contract 3.4). */
public final class SubmitSurveyService implements SubmitSurveyUseCase {

    private final VisitorRepository visitors;
    private final RoomRepository rooms;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public SubmitSurveyService(VisitorRepository visitors, RoomRepository rooms, TransactionRunner tx, Clock clock) {
        this.visitors = Objects.requireNonNull(visitors, "visitors");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.unitOfWork = new UnitOfWork(tx);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SurveyResult submitSurvey(SubmitSurveyCommand command) {
        Optional<VisitorToken> token = VisitorToken.parse(command.token());
        Optional<RoomId> rid = RoomId.parse(command.rid());
        SurveyFeedback feedback = SurveyFeedback.fromAnswers(command.data());
        unitOfWork.run(() -> {
            Visitor visitor = token.flatMap(visitors::findByToken).orElseThrow(Errors::invalidToken);
            Room room = rid.flatMap(rooms::findById)
                    .filter(r -> r.visitorToken().equals(visitor.token()))
                    .orElseThrow(Errors::invalidRoom);
            if (feedback.isEmpty()) {
                throw BusinessRuleException.plain("invalid-data");
            }
            room.recordSurvey(feedback, Time.now(clock));
            rooms.update(room.snapshot());
            return null;
        });
        return new SurveyResult(command.rid(), feedback);
    }
}
