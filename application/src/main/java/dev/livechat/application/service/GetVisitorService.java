package dev.livechat.application.service;

import dev.livechat.application.port.in.GetVisitorUseCase;
import dev.livechat.application.port.out.VisitorRepository;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.visitor.Visitor;

import java.util.Objects;

/** Finds a visitor by token for the visitor itself (contract 4.9 GET). */
public final class GetVisitorService implements GetVisitorUseCase {

    private final VisitorRepository visitors;

    public GetVisitorService(VisitorRepository visitors) {
        this.visitors = Objects.requireNonNull(visitors, "visitors");
    }

    @Override
    public Visitor getVisitor(String token) {
        return VisitorToken.parse(token).flatMap(visitors::findByToken)
                .orElseThrow(() -> BusinessRuleException.meteor("invalid-token", null));
    }
}
