package dev.livechat.application.service;

import dev.livechat.application.port.in.CloseRoomByVisitorCommand;
import dev.livechat.application.port.in.SendAgentMessageCommand;
import dev.livechat.application.port.in.SendVisitorMessageCommand;
import dev.livechat.application.port.in.SubmitSurveyCommand;
import dev.livechat.application.testing.InMemoryLivechat;
import dev.livechat.application.testing.InMemoryLivechat.Session;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.room.ClosedBy;
import dev.livechat.domain.room.Closer;
import dev.livechat.domain.room.ResponseBy;
import dev.livechat.domain.room.RoomMetrics;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.ServedBy;
import dev.livechat.domain.room.SurveyAnswer;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.visitor.Visitor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked example 5.7 end to end through the use cases, the clock set to each row's time. */
class WorkedExampleThroughServicesTest {

    private static Instant at(String time) {
        return Instant.parse("2024-05-01T" + time + "Z");
    }

    @Test
    void theTimelineEndsInTheContractsClosedRoom() {
        InMemoryLivechat app = new InMemoryLivechat();
        app.clock().set(at("08:00:00.000"));
        Session faria = app.createAgent("faria.masood");
        Department sales = app.createDepartment("Sales", true, faria);
        Visitor maria = app.registerVisitor("8s7e9ony6ctl27e1qf8kue", "Maria", sales.id().value());
        String token = maria.token().value();

        app.clock().set(at("10:00:00.000"));
        app.clock().tickOnEveryRead(java.time.Duration.ofMillis(10));
        RoomSnapshot opened = app.openRoom(token);
        app.clock().tickOnEveryRead(java.time.Duration.ZERO);
        assertThat(opened.ts()).isEqualTo(at("10:00:00.000"));
        assertThat(opened.servedBy()).isEqualTo(new ServedBy(faria.userId(), "faria.masood", at("10:00:00.010")));
        assertThat(opened.msgs()).isEqualTo(3);
        String rid = opened.id().value();

        app.clock().set(at("10:00:10.000"));
        app.sendVisitorMessage().sendVisitorMessage(new SendVisitorMessageCommand(token, rid, "hi", null));
        app.clock().set(at("10:00:20.000"));
        app.sendVisitorMessage().sendVisitorMessage(new SendVisitorMessageCommand(token, rid, "anyone?", null));
        app.clock().set(at("10:00:30.500"));
        app.sendAgentMessage().sendAgentMessage(new SendAgentMessageCommand(faria.caller(), rid,
                "Hello Maria, how can I help?", null));

        RoomSnapshot midway = app.stores().rooms().findById(opened.id()).orElseThrow().snapshot();
        assertThat(midway.msgs()).as("2.2 example").isEqualTo(6);
        assertThat(midway.usersCount()).isEqualTo(2);
        assertThat(midway.lm()).isEqualTo(at("10:00:30.500"));
        assertThat(midway.visitor().lastMessageTs()).isEqualTo(at("10:00:20.000"));
        assertThat(midway.metrics()).isEqualTo(new RoomMetrics(at("10:00:10.000"), at("10:00:30.500"),
                at("10:00:30.500"), 20_500L, 20_500L, 1, at("10:00:30.500"), 30_490L, 30_490L, null, null));
        assertThat(midway.responseBy()).isEqualTo(new ResponseBy(faria.userId(), "faria.masood", at("10:00:30.500"),
                at("10:00:30.500")));
        assertThat(midway.waitingResponse()).isFalse();
        assertThat(midway.updatedAt()).isEqualTo(at("10:00:30.500"));

        app.clock().set(at("10:00:40.000"));
        app.sendAgentMessage().sendAgentMessage(new SendAgentMessageCommand(faria.caller(), rid, "Let me check",
                null));
        app.clock().set(at("10:01:00.000"));
        app.sendVisitorMessage().sendVisitorMessage(new SendVisitorMessageCommand(token, rid, "One more thing", null));
        app.clock().set(at("10:01:04.250"));
        app.sendAgentMessage().sendAgentMessage(new SendAgentMessageCommand(faria.caller(), rid, "Sure", null));
        app.clock().set(at("10:02:00.000"));
        app.closeRoomByVisitor().closeRoomByVisitor(new CloseRoomByVisitorCommand(token, rid));
        app.clock().set(at("10:02:30.000"));
        app.submitSurvey().submitSurvey(new SubmitSurveyCommand(token, rid, List.of(
                new SurveyAnswer("satisfaction", "5"), new SurveyAnswer("additionalFeedback", "Quick and friendly"))));

        RoomSnapshot closed = app.stores().rooms().findById(opened.id()).orElseThrow().snapshot();
        assertThat(closed.msgs()).isEqualTo(10);
        assertThat(closed.open()).isFalse();
        assertThat(closed.closedAt()).isEqualTo(at("10:02:00.000"));
        assertThat(closed.closer()).isEqualTo(Closer.VISITOR);
        assertThat(closed.closedBy()).isEqualTo(new ClosedBy(maria.id().value(), maria.username()));
        assertThat(closed.visitor().status()).isEqualTo("offline");
        assertThat(closed.visitor().lastMessageTs()).isEqualTo(at("10:01:00.000"));
        assertThat(closed.metrics()).isEqualTo(new RoomMetrics(at("10:01:00.000"), at("10:01:04.250"),
                at("10:00:30.500"), 20_500L, 24_750L, 2, at("10:00:30.500"), 30_490L, 34_740L, 120_000L, 119_990L));
        assertThat(closed.metrics().responseAverageSeconds()).isEqualTo(12.375);
        assertThat(closed.lastMessage().type()).isEqualTo(MessageType.LIVECHAT_CLOSE);
        assertThat(closed.lastMessage().msg()).isEqualTo("Closed by visitor");
        assertThat(closed.lastMessage().ts()).isEqualTo(at("10:02:00.000"));
        assertThat(closed.lm()).isEqualTo(at("10:02:00.000"));
        assertThat(closed.surveyFeedback().answers()).containsExactly(Map.entry("satisfaction", "5"),
                Map.entry("additionalFeedback", "Quick and friendly"));
        assertThat(closed.updatedAt()).isEqualTo(at("10:02:30.000"));
        assertThat(closed.departmentId()).isEqualTo(sales.id());
        assertThat(app.stores().messages().findByRoom(opened.id())).hasSize(10);
    }
}
