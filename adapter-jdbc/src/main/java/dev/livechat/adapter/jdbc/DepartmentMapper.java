package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.internal.Row;
import dev.livechat.adapter.jdbc.internal.SqlValues;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.message.SearchText;
import dev.livechat.domain.shared.DepartmentId;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps a {@link Department} to and from a {@code departments} row. */
final class DepartmentMapper {

    private DepartmentMapper() {
    }

    static Row row(Department department) {
        return new Row()
                .string("id", department.id().value())
                .string("name", department.name())
                .string("name_folded", SearchText.fold(department.name()))
                .bool("enabled", department.enabled())
                .string("description", department.description())
                .bool("show_on_registration", department.showOnRegistration())
                .bool("show_on_offline_form", department.showOnOfflineForm())
                .string("email", department.email())
                .timestamp("updated_at", department.updatedAt());
    }

    static Department read(ResultSet rs) throws SQLException {
        return new Department(new DepartmentId(rs.getString("id")), rs.getBoolean("enabled"), rs.getString("name"),
                rs.getString("description"), rs.getBoolean("show_on_registration"),
                rs.getBoolean("show_on_offline_form"), rs.getString("email"), SqlValues.instant(rs, "updated_at"));
    }
}
