package dev.livechat.adapter.mongo;

import com.mongodb.client.model.Filters;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.message.TransferData;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.InquiryId;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.user.AgentStatus;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.user.User;
import dev.livechat.domain.visitor.LastChat;
import dev.livechat.domain.visitor.Visitor;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.livechat.adapter.mongo.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every aggregate reads back exactly as written, and is stored in Rocket.Chat's shape. */
abstract class RoundTripBehaviourTests {

    abstract MongoFixture mongo();

    @Test
    void a_fully_closed_room_reads_back_equal_with_metrics_in_milliseconds() {
        MongoStore store = mongo().newStore();
        Room room = Samples.fullyClosedRoom("r1", "v1", "tok-1", T0);
        store.ports().rooms().insert(room.snapshot());

        RoomSnapshot read = store.ports().rooms().findById(new RoomId("r1")).orElseThrow().snapshot();
        assertThat(read).isEqualTo(room.snapshot());
        assertThat(read.metrics().reactionFirstTimeMs()).isEqualTo(30_490L);
        assertThat(read.metrics().serviceTimeDurationMs()).isEqualTo(119_990L);
        assertThat(store.ports().rooms().findOpenByVisitorToken(new VisitorToken("tok-1"))).isEmpty();
    }

    @Test
    void rooms_are_stored_like_rocket_chat_stores_them() {
        MongoStore store = mongo().newStore();
        store.ports().rooms().insert(Samples.fullyClosedRoom("closed", "v1", "tok-1", T0).snapshot());
        store.ports().rooms().insert(Samples.openRoom("open", "v1", "tok-1", T0).snapshot());

        Document closed = mongo().database().getCollection("rocketchat_room").find(Filters.eq("_id", "closed")).first();
        assertThat(closed).containsEntry("t", "l").containsEntry("cl", false).containsEntry("closer", "user")
                .containsEntry("msgs", 6).containsEntry("tags", List.of("billing", "vip"))
                .doesNotContainKeys("open", "waitingResponse", RoomMapper.OPEN_TOKEN);
        Document metrics = closed.get("metrics", Document.class);
        assertThat(metrics.getDouble("chatDuration")).isEqualTo(120.0);
        assertThat(metrics.getDouble("serviceTimeDuration")).isEqualTo(119.99);
        Document response = metrics.get("response", Document.class);
        assertThat(response.getDouble("ft")).isEqualTo(20.5);
        assertThat(response.getDouble("tt")).isEqualTo(24.75);
        assertThat(response.getDouble("avg")).isEqualTo(12.375);
        assertThat(response.getInteger("total")).isEqualTo(2);
        assertThat(metrics.get("reaction", Document.class).getDouble("tt")).isEqualTo(34.74);
        assertThat(closed.get("ts")).isInstanceOf(java.util.Date.class);
        assertThat(closed.get("v", Document.class)).containsEntry("status", "offline").containsEntry("token", "tok-1");
        assertThat(closed.get("lastMessage", Document.class)).containsEntry("t", "livechat-close")
                .containsEntry("groupable", false).containsEntry("transcriptRequested", false);
        assertThat(closed.get("surveyFeedback", Document.class)).containsEntry("satisfaction", "4");

        Document open = mongo().database().getCollection("rocketchat_room").find(Filters.eq("_id", "open")).first();
        assertThat(open).containsEntry("open", true).containsEntry("waitingResponse", true)
                .containsEntry(RoomMapper.OPEN_TOKEN, "tok-1").doesNotContainKeys("metrics", "closedAt", "servedBy");
    }

    @Test
    void every_message_type_reads_back_equal_and_text_carries_plain_paragraphs() {
        MongoStore store = mongo().newStore();
        Room room = Samples.openRoom("r1", "v1", "tok-1", T0);
        Message visitor = Samples.visitorText(room, "hi\r\n\nI need help", T0.plusSeconds(1));
        Message agent = Samples.agentText(room, "Hello", T0.plusSeconds(2));
        Message command = Message.system(MessageType.COMMAND, new MessageId("c1"), room.id(), "connected",
                T0.plusSeconds(3), Samples.agentAuthor());
        Message transfer = Message.transferHistory(new MessageId("t1"), room.id(), T0.plusSeconds(4),
                Samples.agentAuthor(), new TransferData(new TransferData.Party("agent1", "faria.masood", null, "agent"),
                        T0.plusSeconds(4), "department", "please", "dep1",
                        new TransferData.NextDepartment("dep2", "Sales"),
                        new TransferData.Party("agent2", "bob", "Bob", null)));
        Message close = Message.close(new MessageId("x1"), room.id(), "Closed by visitor", T0.plusSeconds(5),
                Samples.visitorAuthor(room), room.visitorToken());
        for (Message m : List.of(visitor, agent, command, transfer, close)) {
            store.ports().messages().insert(m);
            assertThat(store.ports().messages().findById(m.id())).contains(m);
        }

        Document stored = mongo().database().getCollection("rocketchat_message")
                .find(Filters.eq("_id", visitor.id().value())).first();
        assertThat(stored).containsEntry("token", "tok-1").containsEntry("alias", "Maria")
                .containsEntry("urls", List.of()).doesNotContainKeys("t", "groupable");
        assertThat(stored.getList("md", Document.class)).hasSize(3);
        assertThat(stored.getList("md", Document.class).get(1).getList("value", Object.class)).isEmpty();
        assertThat(stored.get("_updatedAt")).isEqualTo(stored.get("ts"));

        assertThat(store.ports().messages().findByRoom(room.id())).containsExactly(visitor, agent, command, transfer, close);
        assertThat(store.ports().messages().findVisitorVisible(room.id(), null, 0, 10))
                .containsExactly(close, transfer, agent, visitor);
        assertThat(store.ports().messages().findVisitorVisible(room.id(), T0.plusSeconds(4), 1, 10)).containsExactly(visitor);
        assertThatThrownBy(() -> store.ports().messages().insert(agent))
                .isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.MESSAGE_ID));
    }

    @Test
    void visitors_read_back_equal_and_updates_keep_rocket_chat_keys() {
        MongoStore store = mongo().newStore();
        Visitor visitor = Samples.visitor("v1", "tok-1", 537);
        store.ports().visitors().insert(visitor);
        assertThat(store.ports().visitors().findByToken(new VisitorToken("tok-1"))).contains(visitor);

        mongo().database().getCollection("rocketchat_livechat_visitor").updateOne(Filters.eq("_id", "v1"),
                new Document("$set", new Document("livechatData", new Document("crm", "42"))));
        Visitor changed = visitor.withLastChat(new LastChat(new RoomId("r1"), T0.plusSeconds(1)), T0.plusSeconds(1))
                .withoutDepartment(T0.plusSeconds(2));
        store.ports().visitors().update(changed);
        assertThat(store.ports().visitors().findById(new VisitorId("v1"))).contains(changed);
        Document stored = mongo().database().getCollection("rocketchat_livechat_visitor")
                .find(Filters.eq("_id", "v1")).first();
        assertThat(stored).containsKey("livechatData").doesNotContainKey("department");
        assertThat(stored.getList("visitorEmails", Document.class).get(0)).containsEntry("address", "maria@example.com");

        assertThatThrownBy(() -> store.ports().visitors().insert(Samples.visitor("v2", "tok-1", 538)))
                .isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.VISITOR_TOKEN));
    }

    @Test
    void users_read_back_equal_and_updates_keep_login_tokens_and_foreign_roles() {
        MongoStore store = mongo().newStore();
        User agent = Samples.agent("u1", "Faria.Masood", "faria@example.com");
        store.ports().users().insert(agent);
        assertThat(store.ports().users().findById(new UserId("u1"))).contains(agent);
        store.ports().loginTokens().insert(new UserId("u1"), "hash-1", T0, T0.plusSeconds(60));
        mongo().database().getCollection("users").updateOne(Filters.eq("_id", "u1"),
                new Document("$push", new Document("roles", "bot")));

        User changed = agent.withLivechatStatus(AgentStatus.NOT_AVAILABLE, T0.plusSeconds(1))
                .withRole(Role.LIVECHAT_MANAGER, T0.plusSeconds(2));
        store.ports().users().update(changed);
        assertThat(store.ports().users().findById(new UserId("u1"))).contains(changed);
        assertThat(store.ports().loginTokens().isValid(new UserId("u1"), "hash-1", T0.plusSeconds(59))).isTrue();
        Document stored = mongo().database().getCollection("users").find(Filters.eq("_id", "u1")).first();
        assertThat(stored.getList("roles", String.class)).contains("bot", "livechat-manager");
        assertThat(stored).containsEntry("type", "user").containsEntry(UserMapper.USERNAME_LOWER, "faria.masood");
        assertThat(stored.get("services", Document.class).get("password", Document.class))
                .containsEntry("bcrypt", "$2b$10$hash");

        User demoted = changed.withoutRole(Role.LIVECHAT_AGENT, T0.plusSeconds(3));
        store.ports().users().update(demoted);
        assertThat(store.ports().users().findById(new UserId("u1"))).contains(demoted);
        assertThat(mongo().database().getCollection("users").find(Filters.eq("_id", "u1")).first())
                .doesNotContainKey("statusLivechat");
    }

    @Test
    void login_tokens_are_hashes_with_an_expiry() {
        MongoStore store = mongo().newStore();
        store.ports().users().insert(Samples.agent("u1", "a", null));
        store.ports().users().insert(Samples.agent("u2", "b", null));
        store.ports().loginTokens().insert(new UserId("u1"), "h1", T0, T0.plusSeconds(10));
        store.ports().loginTokens().insert(new UserId("u1"), "h2", T0, T0.plusSeconds(100));

        assertThat(store.ports().loginTokens().isValid(new UserId("u1"), "h1", T0.plusSeconds(9))).isTrue();
        assertThat(store.ports().loginTokens().isValid(new UserId("u1"), "h1", T0.plusSeconds(10))).isFalse();
        assertThat(store.ports().loginTokens().isValid(new UserId("u2"), "h1", T0)).isFalse();
        assertThat(store.ports().loginTokens().withValidToken(List.of(new UserId("u1"), new UserId("u2")), T0.plusSeconds(50)))
                .containsExactly(new UserId("u1"));
        store.ports().loginTokens().delete(new UserId("u1"), "h2");
        assertThat(store.ports().loginTokens().withValidToken(Set.of(new UserId("u1")), T0.plusSeconds(50))).isEmpty();
        assertThat(store.ports().loginTokens().isValid(new UserId("u1"), "h1", T0)).isTrue();
        assertThatThrownBy(() -> store.ports().loginTokens().insert(new UserId("ghost"), "h", T0, T0.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inquiries_read_back_equal_through_their_life_cycle_one_per_room() {
        MongoStore store = mongo().newStore();
        Room room = Samples.openRoom("r1", "v1", "tok-1", T0);
        Inquiry queued = Inquiry.queue(new InquiryId("i1"), room.snapshot(), T0);
        store.ports().inquiries().insert(queued);
        assertThat(store.ports().inquiries().findById(new InquiryId("i1"))).contains(queued);

        Inquiry taken = queued.take(T0.plusSeconds(1)).inDepartment(new DepartmentId("dep1"), T0.plusSeconds(2));
        store.ports().inquiries().update(taken);
        assertThat(store.ports().inquiries().findByRoomId(new RoomId("r1"))).contains(taken);
        Inquiry requeued = taken.requeue(T0.plusSeconds(3)).renamed("Mary", T0.plusSeconds(3));
        store.ports().inquiries().update(requeued);
        assertThat(store.ports().inquiries().findById(new InquiryId("i1"))).contains(requeued);
        assertThat(mongo().database().getCollection("rocketchat_livechat_inquiry").find().first())
                .containsEntry("status", "queued").containsEntry("t", "l").doesNotContainKey("takenAt");

        assertThatThrownBy(() -> store.ports().inquiries().insert(Inquiry.queue(new InquiryId("i2"), room.snapshot(), T0)))
                .isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.INQUIRY_PER_ROOM));
        store.ports().inquiries().deleteByRoomId(new RoomId("r1"));
        store.ports().inquiries().deleteByRoomId(new RoomId("r1"));
        assertThat(store.ports().inquiries().findById(new InquiryId("i1"))).isEmpty();
    }

    @Test
    void departments_read_back_equal_and_count_their_agent_links() {
        MongoStore store = mongo().newStore();
        Department sales = new Department(new DepartmentId("dep1"), true, "Sales", null, true, false,
                "sales@example.com", T0);
        store.ports().departments().insert(sales);
        assertThat(store.ports().departments().findById(new DepartmentId("dep1"))).contains(sales);
        assertThat(store.ports().departments().findByName("Sales")).contains(sales);
        assertThat(store.ports().departments().findByName("sales")).isEmpty();
        assertThatThrownBy(() -> store.ports().departments().insert(new Department(new DepartmentId("dep2"), true, "Sales",
                "again", true, true, "x@example.com", T0)))
                .isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.DEPARTMENT_NAME));

        store.ports().departments().addAgent(new DepartmentId("dep1"), new UserId("u1"), "faria", 0, 0);
        store.ports().departments().addAgent(new DepartmentId("dep1"), new UserId("u1"), "faria", 0, 0);
        store.ports().departments().addAgent(new DepartmentId("dep1"), new UserId("u2"), "bob", 0, 1);
        assertThat(store.ports().departments().isAgentOf(new UserId("u1"), new DepartmentId("dep1"))).isTrue();
        assertThat(store.ports().departments().isAgentOf(new UserId("u3"), new DepartmentId("dep1"))).isFalse();
        assertThat(departmentDoc().getInteger("numAgents")).isEqualTo(2);
        Document link = mongo().database().getCollection("rocketchat_livechat_department_agents")
                .find(Filters.eq("agentId", "u1")).first();
        assertThat(link).containsEntry("departmentId", "dep1").containsEntry("departmentEnabled", true)
                .containsEntry("username", "faria").containsEntry("count", 0).containsEntry("order", 0);
        assertThat(link.getString("_id")).hasSize(17);

        store.ports().departments().removeAgentFromAll(new UserId("u1"));
        store.ports().departments().removeAgentFromAll(new UserId("u1"));
        assertThat(store.ports().departments().isAgentOf(new UserId("u1"), new DepartmentId("dep1"))).isFalse();
        assertThat(departmentDoc().getInteger("numAgents")).isEqualTo(1);
    }

    private Document departmentDoc() {
        return mongo().database().getCollection("rocketchat_livechat_department").find(Filters.eq("_id", "dep1")).first();
    }

    @Test
    void an_update_preserves_rocket_chat_room_keys_the_domain_does_not_model() {
        MongoStore store = mongo().newStore();
        store.ports().rooms().insert(Samples.openRoom("r1", "v1", "tok-1", T0).snapshot());
        mongo().database().getCollection("rocketchat_room").updateOne(Filters.eq("_id", "r1"), new Document("$set",
                new Document("departmentAncestors", List.of("sriw2wmP2Zz2pPrre"))
                        .append("customFields", new Document("crm", "0032y"))
                        .append("v.phone", "+55")
                        .append("metrics.visitorInactivity", 12)));
        Room room = store.ports().rooms().findById(new RoomId("r1")).orElseThrow();
        room.record(Samples.visitorText(room, "hi", T0.plusSeconds(1)));
        store.ports().rooms().update(room.snapshot());

        Document stored = mongo().database().getCollection("rocketchat_room").find(Filters.eq("_id", "r1")).first();
        assertThat(stored).containsKeys("departmentAncestors", "customFields");
        assertThat(stored.get("v", Document.class)).containsEntry("phone", "+55").containsKey("lastMessageTs");
        assertThat(stored.get("metrics", Document.class)).containsEntry("visitorInactivity", 12).containsKey("v");
        assertThat(store.ports().rooms().findById(new RoomId("r1")).orElseThrow().snapshot())
                .isEqualTo(room.snapshot().toBuilder().version(1).build());
    }
}
