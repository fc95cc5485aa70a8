package dev.livechat.application.port.in;

import dev.livechat.domain.department.Department;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.visitor.Visitor;

import java.util.List;

/**
 * What the widget needs to start (contract 4.18); the fixed settings and survey items are the HTTP adapter's.
 *
 * @param departments enabled departments with at least one agent, by name
 * @param online      whether a chat can be opened now
 * @param guest       the visitor of the token, or null
 * @param room        that visitor's open room, or null
 * @param agent       the room's serving agent, or null
 */
public record WidgetConfig(List<Department> departments, boolean online, Visitor guest, RoomSnapshot room,
                           UserView agent) {

    public WidgetConfig {
        departments = List.copyOf(departments);
    }
}
