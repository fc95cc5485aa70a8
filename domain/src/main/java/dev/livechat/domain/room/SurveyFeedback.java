package dev.livechat.domain.room;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A room's {@code surveyFeedback}: rating items {@code "1"}..{@code "5"} and free-text {@code additionalFeedback},
 * in the order of first appearance (contract 2.8, 3.4).
 */
public record SurveyFeedback(Map<String, String> answers) {

    /** Accepted rating items; {@code agentResposiveness} is Rocket.Chat's spelling and part of the contract. */
    public static final List<String> RATING_ITEMS =
            List.of("satisfaction", "agentKnowledge", "agentResposiveness", "agentFriendliness");
    public static final List<String> RATING_VALUES = List.of("1", "2", "3", "4", "5");
    public static final String ADDITIONAL_FEEDBACK = "additionalFeedback";

    private static final Set<String> ITEMS = Set.copyOf(RATING_ITEMS);
    private static final Set<String> VALUES = Set.copyOf(RATING_VALUES);

    public SurveyFeedback {
        Objects.requireNonNull(answers, "answers");
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    /**
     * Keeps the valid items in order (a later duplicate overwrites the value but keeps the first position) and drops
     * every other item silently (contract 3.4 step 4). The result may be empty.
     */
    public static SurveyFeedback fromAnswers(List<SurveyAnswer> items) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (SurveyAnswer item : items) {
            boolean rating = ITEMS.contains(item.name()) && VALUES.contains(item.value());
            if (rating || ADDITIONAL_FEEDBACK.equals(item.name())) {
                kept.put(item.name(), item.value());
            }
        }
        return new SurveyFeedback(kept);
    }

    public boolean isEmpty() {
        return answers.isEmpty();
    }
}
