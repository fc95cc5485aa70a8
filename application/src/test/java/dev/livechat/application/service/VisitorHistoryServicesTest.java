package dev.livechat.application.service;

import dev.livechat.application.port.in.ChatHistoryQuery;
import dev.livechat.application.port.in.CloseRoomByUserCommand;
import dev.livechat.application.port.in.SearchChatsQuery;
import dev.livechat.application.port.in.SendAgentMessageCommand;
import dev.livechat.application.port.in.SendVisitorMessageCommand;
import dev.livechat.application.testing.InMemoryLivechat;
import dev.livechat.application.testing.InMemoryLivechat.Session;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.RoomSortField;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.visitor.Visitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code visitors.chatHistory} and {@code visitors.searchChats} with the room access rule (contract 1.12, 3.1, 3.2). */
class VisitorHistoryServicesTest {

    private final InMemoryLivechat app = new InMemoryLivechat();
    private Session faria;
    private Visitor maria;
    private RoomSnapshot closedRoom;
    private RoomSnapshot openRoom;

    @BeforeEach
    void aVisitorWithAClosedAndAnOpenRoom() {
        faria = app.createAgent("faria");
        maria = app.registerVisitor("maria-token", "Maria", null);
        closedRoom = app.openRoom("maria-token");
        app.clock().advanceMillis(5_000);
        app.sendVisitorMessage().sendVisitorMessage(new SendVisitorMessageCommand("maria-token",
                closedRoom.id().value(), "A question about my INVOICE", null));
        app.clock().advanceMillis(5_000);
        app.closeRoomByUser().closeRoomByUser(new CloseRoomByUserCommand(faria.caller(), closedRoom.id().value(),
                "Issue solved", List.of("billing")));
        closedRoom = stored(closedRoom.id());
        app.clock().advanceMillis(60_000);
        openRoom = app.openRoom("maria-token");
        app.clock().advanceMillis(1_000);
        app.sendAgentMessage().sendAgentMessage(new SendAgentMessageCommand(faria.caller(), openRoom.id().value(),
                "Welcome back", null));
        openRoom = stored(openRoom.id());
    }

    private RoomSnapshot stored(RoomId id) {
        return app.stores().rooms().findById(id).orElseThrow().snapshot();
    }

    private Page<RoomSnapshot> history(Session caller, RoomSnapshot room, String visitorId) {
        return app.chatHistory().chatHistory(new ChatHistoryQuery(caller.caller(), room.id().value(), visitorId,
                List.of(), 0, 50));
    }

    private Page<RoomSnapshot> search(Session caller, String searchText, boolean closed, boolean served,
                                      String source) {
        return app.searchChats().searchChats(new SearchChatsQuery(caller.caller(), openRoom.id().value(),
                maria.id().value(), searchText, closed, served, source, List.of(), 0, 50));
    }

    @Test
    void theHistoryListsEveryRoomOfTheVisitorNewestFirstByDefault() {
        Page<RoomSnapshot> page = history(faria, openRoom, maria.id().value());

        assertThat(page.items()).containsExactly(openRoom, closedRoom);
        assertThat(page.total()).isEqualTo(2);
    }

    @Test
    void sortAndPagingArePassedOn() {
        Page<RoomSnapshot> page = app.chatHistory().chatHistory(new ChatHistoryQuery(faria.caller(),
                openRoom.id().value(), maria.id().value(), List.of(new SortKey<>(RoomSortField.TS, true)), 1, 1));

        assertThat(page.items()).containsExactly(openRoom);
        assertThat(page.total()).isEqualTo(2);
    }

    @Test
    void theServingAgentAndRoomViewersMayReadAnyRoomOfTheVisitor() {
        Session manager = app.createManager("manager");
        Session admin = app.createUser("admin", Role.ADMIN);

        assertThat(history(faria, closedRoom, maria.id().value()).total()).as("served it, closed now").isEqualTo(2);
        assertThat(history(manager, openRoom, maria.id().value()).total()).isEqualTo(2);
        assertThat(history(admin, closedRoom, maria.id().value()).total()).isEqualTo(2);
    }

    @Test
    void checksComeInTheContractsOrder() {
        Session plain = app.createUser("plain", Role.USER);
        Session omar = app.createAgent("omar");
        Visitor other = app.registerVisitor("other-token");

        Expect.routePermission(() -> history(plain, openRoom, maria.id().value()));
        Expect.plain(() -> app.chatHistory().chatHistory(new ChatHistoryQuery(faria.caller(), "unknownRoom",
                "bad id!", List.of(), 0, 50)), "invalid-room");
        Expect.plain(() -> app.chatHistory().chatHistory(new ChatHistoryQuery(faria.caller(), "bad id!",
                maria.id().value(), List.of(), 0, 50)), "invalid-room");
        Expect.plain(() -> history(omar, openRoom, maria.id().value()), "error-not-allowed");
        Expect.plain(() -> history(omar, closedRoom, maria.id().value()), "error-not-allowed");
        Expect.plain(() -> history(faria, openRoom, other.id().value()), "error-not-allowed");
        Expect.plain(() -> history(faria, openRoom, "bad id!"), "error-not-allowed");
        Expect.routePermission(() -> app.searchChats().searchChats(new SearchChatsQuery(plain.caller(),
                openRoom.id().value(), maria.id().value(), null, false, false, null, List.of(), 0, 50)));
        Expect.plain(() -> app.searchChats().searchChats(new SearchChatsQuery(faria.caller(), openRoom.id().value(),
                other.id().value(), null, false, false, null, List.of(), 0, 50)), "error-not-allowed");
    }

    @Test
    void searchFiltersByTextStateAndSource() {
        assertThat(search(faria, null, false, false, null).items()).containsExactly(openRoom, closedRoom);
        assertThat(search(faria, "", false, false, "").items()).containsExactly(openRoom, closedRoom);
        assertThat(search(faria, "invoice", false, false, null).items()).containsExactly(closedRoom);
        assertThat(search(faria, "WELCOME", false, false, null).items()).containsExactly(openRoom);
        assertThat(search(faria, "issue solved", false, false, null).items()).containsExactly(closedRoom);
        assertThat(search(faria, "connected", false, false, null).total()).isZero();
        assertThat(search(faria, null, true, false, null).items()).containsExactly(closedRoom);
        assertThat(search(faria, null, false, true, "API").items()).containsExactly(openRoom, closedRoom);
        assertThat(search(faria, null, false, false, "widget").total()).isZero();
        assertThat(search(faria, ".*", false, false, null).total()).isZero();
    }
}
