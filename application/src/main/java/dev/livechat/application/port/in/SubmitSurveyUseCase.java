package dev.livechat.application.port.in;

/** Stores the visitor's satisfaction survey on their room, open or closed (contract 3.4). */
public interface SubmitSurveyUseCase {

    SurveyResult submitSurvey(SubmitSurveyCommand command);
}
