package dev.livechat.application.port.in;

import dev.livechat.domain.room.SurveyAnswer;

import java.util.List;

/** {@code POST livechat/room.survey} (contract 3.4). */
public record SubmitSurveyCommand(String token, String rid, List<SurveyAnswer> data) {

    public SubmitSurveyCommand {
        data = List.copyOf(data);
    }

    @Override
    public String toString() {
        return "SubmitSurveyCommand[token=***, rid=" + rid + "]";
    }
}
