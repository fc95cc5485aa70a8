package dev.livechat.application.port.in;

import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.user.UserSortField;

import java.util.List;

/** Lists agents or managers (contract 4.5): {@code text} filter (null = none), sort (empty = default), page. */
public record LivechatUsersQuery(Caller caller, String type, String text, List<SortKey<UserSortField>> sort, int offset,
                                 int count) {

    public LivechatUsersQuery {
        sort = List.copyOf(sort);
    }
}
