package dev.livechat.application.port.in;

/**
 * The editable fields of a department as {@code POST}/{@code PUT livechat/department} send them (contract 4.7).
 *
 * @param description optional, null when absent
 */
public record DepartmentData(String name, String email, boolean enabled, boolean showOnRegistration,
                             boolean showOnOfflineForm, String description) {
}
