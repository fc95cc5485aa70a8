package dev.livechat.application.port.out.contract;

import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.port.out.VisitorChatSearch.ChatSearchFilter;
import dev.livechat.application.port.out.VisitorChatSearch;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.room.ClosedBy;
import dev.livechat.domain.room.Closer;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.RoomSortField;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.room.ServedBy;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.user.User;
import dev.livechat.domain.visitor.Visitor;
import dev.livechat.domain.visitor.VisitorProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.livechat.application.port.out.contract.ContractFixtures.at;
import static dev.livechat.application.port.out.contract.ContractFixtures.author;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link VisitorChatSearch} guarantees: a visitor's rooms, filtered, sorted (absent values smallest, ties by
 * {@code _id} ascending) and paged; {@code searchText} matches searchable messages literally, folded per character like
 * {@code SearchText.fold}.
 */
public abstract class VisitorChatSearchContract {

    private static final ChatSearchFilter NO_FILTER = new ChatSearchFilter(null, false, false, null);
    private static final List<SortKey<RoomSortField>> NEWEST_FIRST = sort(RoomSortField.TS, false);

    private StorePorts stores;
    private VisitorChatSearch search;
    private ContractFixtures f;
    private Visitor maria;
    private Visitor other;
    private User faria;
    /** Closed and served, source api: an invoice question, the agent's reply, membership messages, a close comment. */
    private RoomSnapshot first;
    /** Open and served, source widget with alias: text full of pattern characters. */
    private RoomSnapshot second;
    /** Closed without ever being served, source api. */
    private RoomSnapshot third;
    /** The other visitor's open room. */
    private RoomSnapshot othersRoom;

    /** A fresh, empty store for each test. */
    protected abstract StorePorts newStores();

    @BeforeEach
    public final void freshStoreWithAVisitorsHistory() {
        stores = newStores();
        search = stores.chatSearch();
        f = new ContractFixtures(stores);
        maria = f.visitor(f.newToken(), new VisitorProfile("Maria", null, null, null));
        other = f.visitor(f.newToken(), new VisitorProfile("Other", null, null, null));
        faria = f.agent("faria");
        User manager = f.user("manager", Role.USER, Role.LIVECHAT_MANAGER);

        RoomId r1 = f.servedRoom(maria, faria, at(0)).id();
        f.write(r1, Message.system(MessageType.COMMAND, f.newMessageId(), r1, "connected", at(0), author(faria)));
        f.write(r1, Message.system(MessageType.USER_JOINED, f.newMessageId(), r1, "", at(0), author(faria)));
        f.visitorSays(r1, maria, "I have a question about my INVOICE", at(5_000));
        f.agentSays(r1, faria, "Let me check", at(12_000));
        f.write(r1, Message.system(MessageType.USER_LEFT, f.newMessageId(), r1, "faria", at(13_000), author(faria)));
        first = f.closeByUser(r1, faria, "Issue solved", List.of("billing"), at(600_000));

        RoomId r3 = f.openRoom(maria, at(2_000_000)).id();
        f.visitorSays(r3, maria, "bye", at(2_050_000));
        third = f.closeByUser(r3, manager, "", List.of(), at(2_100_000));

        // stored after the third room (one open room per visitor), although it started earlier
        Room open = f.newOpenRoom(maria, at(1_000_000), null, new RoomSource("widget", "Shop-Front"));
        open.assign(new ServedBy(faria.id(), faria.username(), at(1_000_000)));
        RoomId r2 = f.store(open).id();
        second = f.visitorSays(r2, maria, "hello 100% _sure_ C:\\path .* ΟΔΟΣ İstanbul", at(1_000_500));

        othersRoom = f.openRoom(other, at(3_000_000));
        f.visitorSays(othersRoom.id(), other, "invoice 100%", at(3_000_100));
    }

    private static List<SortKey<RoomSortField>> sort(RoomSortField field, boolean ascending) {
        return List.of(new SortKey<>(field, ascending));
    }

    private static List<RoomId> ids(Page<Room> page) {
        return page.items().stream().map(Room::id).toList();
    }

    private List<RoomId> history(List<SortKey<RoomSortField>> sort) {
        return ids(search.chatHistory(maria.id(), sort, 0, 50));
    }

    private List<RoomId> text(String searchText) {
        return ids(search.searchChats(maria.id(), new ChatSearchFilter(searchText, false, false, null), NEWEST_FIRST,
                0, 50));
    }

    private List<RoomId> filtered(ChatSearchFilter filter) {
        return ids(search.searchChats(maria.id(), filter, NEWEST_FIRST, 0, 50));
    }

    @Test
    public final void chatHistoryListsEveryRoomOfTheVisitorAndNoOtherAsStored() {
        Page<Room> page = search.chatHistory(maria.id(), NEWEST_FIRST, 0, 50);

        assertThat(page.total()).isEqualTo(3);
        assertThat(ids(page)).containsExactly(third.id(), second.id(), first.id());
        assertThat(page.items().get(2).snapshot()).isEqualTo(first);
        assertThat(ids(search.chatHistory(other.id(), NEWEST_FIRST, 0, 50))).containsExactly(othersRoom.id());
        Page<Room> nobody = search.chatHistory(new VisitorId("nobody"), NEWEST_FIRST, 0, 50);
        assertThat(nobody.items()).isEmpty();
        assertThat(nobody.total()).isZero();
    }

    @Test
    public final void chatHistorySortsByEveryAllowedFieldWithAbsentValuesSmallest() {
        assertThat(history(sort(RoomSortField.TS, true))).containsExactly(first.id(), second.id(), third.id());
        assertThat(history(sort(RoomSortField.CLOSED_AT, true))).containsExactly(second.id(), first.id(), third.id());
        assertThat(history(sort(RoomSortField.CLOSED_AT, false))).containsExactly(third.id(), first.id(), second.id());
        assertThat(history(sort(RoomSortField.MSGS, true))).containsExactly(second.id(), third.id(), first.id());
        assertThat(history(sort(RoomSortField.MSGS, false))).containsExactly(first.id(), third.id(), second.id());
        assertThat(history(sort(RoomSortField.LM, true))).containsExactly(first.id(), second.id(), third.id());
        assertThat(history(sort(RoomSortField.LM, false))).containsExactly(third.id(), second.id(), first.id());
        assertThat(history(sort(RoomSortField.UPDATED_AT, false))).containsExactly(third.id(), second.id(), first.id());
    }

    @Test
    public final void tiesAreBrokenByIdAscendingWhateverTheDirection() {
        List<RoomId> byId = List.of(first.id(), second.id(), third.id()).stream()
                .sorted(java.util.Comparator.comparing(RoomId::value)).toList();

        assertThat(history(sort(RoomSortField.FNAME, true))).containsExactlyElementsOf(byId);
        assertThat(history(sort(RoomSortField.FNAME, false))).containsExactlyElementsOf(byId);
        assertThat(history(List.of())).containsExactlyElementsOf(byId);
    }

    @Test
    public final void equalTimestampsAreOrderedByIdEvenWhenInsertedInAnotherOrder() {
        Visitor tied = f.visitor();
        for (String id : List.of("tie-c", "tie-a", "tie-b")) {
            Room room = Room.open(new RoomId(id), tied.id(), tied.username(), tied.token(), null, null,
                    RoomSource.API, at(42));
            room.close(Closer.VISITOR, new ClosedBy(tied.id().value(), tied.username()), List.of(), at(43));
            stores.rooms().insert(room.snapshot());
        }

        assertThat(ids(search.chatHistory(tied.id(), sort(RoomSortField.TS, false), 0, 50)))
                .extracting(RoomId::value).containsExactly("tie-a", "tie-b", "tie-c");
        assertThat(ids(search.chatHistory(tied.id(), sort(RoomSortField.CLOSED_AT, true), 0, 50)))
                .extracting(RoomId::value).containsExactly("tie-a", "tie-b", "tie-c");
    }

    @Test
    public final void laterSortKeysBreakTiesOfEarlierOnes() {
        List<SortKey<RoomSortField>> byNameThenNewest = List.of(new SortKey<>(RoomSortField.FNAME, true),
                new SortKey<>(RoomSortField.TS, false));

        assertThat(history(byNameThenNewest)).containsExactly(third.id(), second.id(), first.id());
    }

    @Test
    public final void pagesCountTheWholeSelection() {
        Page<Room> middle = search.chatHistory(maria.id(), NEWEST_FIRST, 1, 1);
        assertThat(ids(middle)).containsExactly(second.id());
        assertThat(middle.total()).isEqualTo(3);

        Page<Room> tail = search.chatHistory(maria.id(), NEWEST_FIRST, 2, 50);
        assertThat(ids(tail)).containsExactly(first.id());

        Page<Room> beyond = search.chatHistory(maria.id(), NEWEST_FIRST, 7, 50);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(3);
    }

    @Test
    public final void searchWithoutFiltersListsEveryRoom() {
        Page<Room> page = search.searchChats(maria.id(), NO_FILTER, NEWEST_FIRST, 0, 50);

        assertThat(ids(page)).containsExactly(third.id(), second.id(), first.id());
        assertThat(page.total()).isEqualTo(3);
    }

    @Test
    public final void closedAndServedFiltersKeepOnlyClosedOrServedRooms() {
        assertThat(filtered(new ChatSearchFilter(null, true, false, null))).containsExactly(third.id(), first.id());
        assertThat(filtered(new ChatSearchFilter(null, false, true, null))).containsExactly(second.id(), first.id());
        assertThat(filtered(new ChatSearchFilter(null, true, true, null))).containsExactly(first.id());
    }

    @Test
    public final void theSourceFilterIsACaseInsensitiveSubstringOfTypeOrAlias() {
        assertThat(filtered(new ChatSearchFilter(null, false, false, "WIDGET"))).containsExactly(second.id());
        assertThat(filtered(new ChatSearchFilter(null, false, false, "shop-f"))).containsExactly(second.id());
        assertThat(filtered(new ChatSearchFilter(null, false, false, "Ap"))).containsExactly(third.id(), first.id());
        assertThat(filtered(new ChatSearchFilter(null, false, false, "%"))).isEmpty();
        assertThat(filtered(new ChatSearchFilter(null, false, false, "mobile"))).isEmpty();
    }

    @Test
    public final void searchTextLooksAtVisitorTextAgentTextAndTheClosingCommentIgnoringCase() {
        assertThat(text("invoice")).containsExactly(first.id());
        assertThat(text("LET ME check")).containsExactly(first.id());
        assertThat(text("issue SOLVED")).containsExactly(first.id());
        assertThat(text("BYE")).containsExactly(third.id());
    }

    @Test
    public final void searchTextIgnoresSystemAndMembershipMessages() {
        assertThat(text("connected")).isEmpty();
        assertThat(text("faria")).isEmpty();
    }

    @Test
    public final void searchTextIsMatchedLiterallyNeverAsAPattern() {
        assertThat(text("100%")).containsExactly(second.id());
        assertThat(text("%")).containsExactly(second.id());
        assertThat(text("_sure_")).containsExactly(second.id());
        assertThat(text("_")).containsExactly(second.id());
        assertThat(text("C:\\path")).containsExactly(second.id());
        assertThat(text("\\")).containsExactly(second.id());
        assertThat(text(".*")).containsExactly(second.id());
        assertThat(text("h%o")).as("no LIKE wildcard").isEmpty();
        assertThat(text("h_llo")).as("no LIKE single-character wildcard").isEmpty();
        assertThat(text("s.*e")).as("no regular expression").isEmpty();
        assertThat(text("[a-z]")).isEmpty();
        assertThat(text("%invoice%")).isEmpty();
    }

    @Test
    public final void searchTextFoldsCasePerCharacterLikeSearchTextFold() {
        assertThat(text("οδοσ")).as("final sigma folds to σ per character").containsExactly(second.id());
        assertThat(text("ΟΔΟΣ")).containsExactly(second.id());
        assertThat(text("istanbul")).as("İ folds to i per character").containsExactly(second.id());
        assertThat(text("İSTANBUL")).containsExactly(second.id());
    }

    @Test
    public final void aRoomMatchingSeveralTimesAppearsOnceAndPagesCountRooms() {
        Page<Room> all = search.searchChats(maria.id(), new ChatSearchFilter("e", false, false, null),
                sort(RoomSortField.TS, true), 0, 50);
        assertThat(ids(all)).containsExactly(first.id(), second.id(), third.id());
        assertThat(all.total()).isEqualTo(3);

        Page<Room> middle = search.searchChats(maria.id(), new ChatSearchFilter("e", false, false, null),
                sort(RoomSortField.TS, true), 1, 1);
        assertThat(ids(middle)).containsExactly(second.id());
        assertThat(middle.total()).isEqualTo(3);
    }

    @Test
    public final void allGivenFiltersMustHold() {
        assertThat(filtered(new ChatSearchFilter("INVOICE", true, true, "api"))).containsExactly(first.id());
        assertThat(filtered(new ChatSearchFilter("invoice", true, true, "widget"))).isEmpty();
        assertThat(filtered(new ChatSearchFilter("hello", true, false, null))).isEmpty();
        assertThat(filtered(new ChatSearchFilter("bye", false, true, null))).isEmpty();
        assertThat(ids(search.searchChats(other.id(), new ChatSearchFilter("invoice", false, false, null),
                NEWEST_FIRST, 0, 50))).containsExactly(othersRoom.id());
    }

    @Test
    public final void aRoomGivenToAnotherVisitorIsListedUnderItsNewVisitor() {
        Room moved = Room.restore(f.reload(first.id()));
        moved.changeVisitor(other.id(), other.username(), other.token(), at(4_000_000));
        stores.rooms().update(moved.snapshot());

        assertThat(ids(search.chatHistory(maria.id(), NEWEST_FIRST, 0, 50))).containsExactly(third.id(), second.id());
        assertThat(ids(search.chatHistory(other.id(), NEWEST_FIRST, 0, 50)))
                .containsExactly(othersRoom.id(), first.id());
        assertThat(ids(search.searchChats(other.id(), new ChatSearchFilter("let me", false, false, null),
                NEWEST_FIRST, 0, 50))).containsExactly(first.id());
    }
}
