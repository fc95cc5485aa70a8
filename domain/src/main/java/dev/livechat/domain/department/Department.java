package dev.livechat.domain.department;

import dev.livechat.domain.shared.DepartmentId;

import java.time.Instant;
import java.util.Objects;

/**
 * A department (contract 2.5): routes a visitor's rooms to its agents.
 *
 * @param id                 department id
 * @param enabled            disabled departments route to nobody
 * @param name               unique, non-blank name
 * @param description        optional description, or null
 * @param showOnRegistration shown in the widget's registration form
 * @param showOnOfflineForm  shown in the offline form
 * @param email              contact email
 * @param updatedAt          {@code _updatedAt}
 */
public record Department(DepartmentId id, boolean enabled, String name, String description, boolean showOnRegistration,
                         boolean showOnOfflineForm, String email, Instant updatedAt) {

    public Department {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (name.isBlank()) {
            throw new IllegalArgumentException("department name must not be blank");
        }
    }
}
