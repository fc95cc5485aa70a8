package dev.livechat.domain.visitor;

import dev.livechat.domain.shared.DepartmentId;

/**
 * The optional registration fields of a visitor; a null field means "not given" (contract 4.8 step 5).
 *
 * @param name       display name
 * @param email      trimmed, lower-cased email
 * @param phone      phone number as given
 * @param department resolved department id
 */
public record VisitorProfile(String name, String email, String phone, DepartmentId department) {

    public static final VisitorProfile EMPTY = new VisitorProfile(null, null, null, null);
}
