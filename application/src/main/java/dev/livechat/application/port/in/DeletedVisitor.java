package dev.livechat.application.port.in;

import dev.livechat.domain.shared.VisitorId;

import java.time.Instant;

/** The answer of {@code DELETE livechat/visitor/:token}: who was erased, and when (contract 4.9). */
public record DeletedVisitor(VisitorId id, Instant ts) {
}
