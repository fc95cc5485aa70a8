package dev.livechat.domain.room;

import java.time.Duration;
import java.time.Instant;

/**
 * A room's service-time measurements (contract 2.7 and 5.4), kept in whole milliseconds so that sums have no binary
 * rounding noise; every field is null until it first gets a value.
 *
 * @param visitorLastQuery      {@code v.lq}
 * @param agentLastReply        {@code servedBy.lr}
 * @param responseFirstDate     {@code response.fd}
 * @param responseFirstTimeMs   {@code response.ft}
 * @param responseTotalTimeMs   {@code response.tt}
 * @param responseCount         {@code response.total}
 * @param reactionFirstDate     {@code reaction.fd}
 * @param reactionFirstTimeMs   {@code reaction.ft}
 * @param reactionTotalTimeMs   {@code reaction.tt}
 * @param chatDurationMs        {@code chatDuration}
 * @param serviceTimeDurationMs {@code serviceTimeDuration}
 */
public record RoomMetrics(Instant visitorLastQuery, Instant agentLastReply,
                          Instant responseFirstDate, Long responseFirstTimeMs, Long responseTotalTimeMs,
                          Integer responseCount,
                          Instant reactionFirstDate, Long reactionFirstTimeMs, Long reactionTotalTimeMs,
                          Long chatDurationMs, Long serviceTimeDurationMs) {

    /** No measurement yet: the room has no {@code metrics} key. */
    public static final RoomMetrics NONE = new RoomMetrics(null, null, null, null, null, null, null, null, null, null, null);

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** {@code response.avg} in seconds: total milliseconds / count / 1000, or null without responses. */
    public Double responseAverageSeconds() {
        if (responseCount == null || responseCount == 0 || responseTotalTimeMs == null) {
            return null;
        }
        return responseTotalTimeMs / (double) responseCount / 1000.0;
    }

    /**
     * A visitor text message at {@code t}: starts a new turn ({@code v.lq := t}) when the last agent reply is not before
     * the last query (both defaulting to the room's creation time).
     */
    RoomMetrics afterVisitorMessage(Instant t, Instant roomTs) {
        Instant vlq = visitorLastQuery != null ? visitorLastQuery : roomTs;
        Instant alr = agentLastReply != null ? agentLastReply : roomTs;
        if (alr.isBefore(vlq)) {
            return this;
        }
        return new RoomMetrics(t, agentLastReply, responseFirstDate, responseFirstTimeMs, responseTotalTimeMs,
                responseCount, reactionFirstDate, reactionFirstTimeMs, reactionTotalTimeMs, chatDurationMs,
                serviceTimeDurationMs);
    }

    /**
     * An agent text message at {@code t}: counts as a response only when a visitor query is pending (Deviation fix 2);
     * the first response also measures the reaction time from the agent's assignment {@code agentJoined}.
     */
    RoomMetrics afterAgentMessage(Instant t, Instant agentJoined) {
        boolean pending = visitorLastQuery != null
                && (agentLastReply == null || visitorLastQuery.isAfter(agentLastReply));
        if (!pending) {
            return this;
        }
        long responseMs = millisBetween(visitorLastQuery, t);
        Instant newResponseFd = responseFirstDate;
        Long newResponseFt = responseFirstTimeMs;
        Instant newReactionFd = reactionFirstDate;
        Long newReactionFt = reactionFirstTimeMs;
        long reactionTt = reactionTotalTimeMs == null ? 0 : reactionTotalTimeMs;
        if (agentLastReply == null) {
            long reactionMs = millisBetween(agentJoined, t);
            newResponseFd = t;
            newResponseFt = responseMs;
            newReactionFd = t;
            newReactionFt = reactionMs;
            reactionTt += reactionMs;
        } else {
            reactionTt += responseMs;
        }
        long responseTt = (responseTotalTimeMs == null ? 0 : responseTotalTimeMs) + responseMs;
        int count = (responseCount == null ? 0 : responseCount) + 1;
        return new RoomMetrics(visitorLastQuery, t, newResponseFd, newResponseFt, responseTt, count,
                newReactionFd, newReactionFt, reactionTt, chatDurationMs, serviceTimeDurationMs);
    }

    /** The close at {@code t}: chat duration from the room's creation, service time from the assignment when served. */
    RoomMetrics afterClose(Instant t, Instant roomTs, Instant servedSince) {
        Long service = servedSince == null ? null : millisBetween(servedSince, t);
        return new RoomMetrics(visitorLastQuery, agentLastReply, responseFirstDate, responseFirstTimeMs,
                responseTotalTimeMs, responseCount, reactionFirstDate, reactionFirstTimeMs, reactionTotalTimeMs,
                millisBetween(roomTs, t), service);
    }

    private static long millisBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }
}
