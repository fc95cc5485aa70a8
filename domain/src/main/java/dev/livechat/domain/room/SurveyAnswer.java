package dev.livechat.domain.room;

import java.util.Objects;

/** One {@code {name, value}} item of a survey request, as sent (it may be dropped by {@link SurveyFeedback#fromAnswers}). */
public record SurveyAnswer(String name, String value) {

    public static final int MAX_NAME_LENGTH = 64;
    public static final int MAX_VALUE_LENGTH = 5000;

    public SurveyAnswer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
