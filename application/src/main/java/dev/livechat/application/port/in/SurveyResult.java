package dev.livechat.application.port.in;

import dev.livechat.domain.room.SurveyFeedback;

/** The stored survey and the room id as requested. */
public record SurveyResult(String rid, SurveyFeedback data) {
}
