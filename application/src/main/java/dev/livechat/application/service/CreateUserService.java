package dev.livechat.application.service;

import dev.livechat.application.port.in.CreateUserCommand;
import dev.livechat.application.port.in.CreateUserUseCase;
import dev.livechat.application.port.in.UserView;
import dev.livechat.application.port.out.IdGenerator;
import dev.livechat.application.port.out.PasswordHasher;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.port.out.UserRepository;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.Permission;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.user.User;
import dev.livechat.domain.user.UserEmail;
import dev.livechat.domain.visitor.EmailAddress;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Creates user accounts with Rocket.Chat's checks, in its order and with its exact Meteor errors (contract 4.4). */
public final class CreateUserService implements CreateUserUseCase {

    private static final String METHOD = "insertOrUpdateUser";

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final IdGenerator ids;
    private final Clock clock;

    public CreateUserService(UserRepository users, PasswordHasher hasher, IdGenerator ids, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public UserView createUser(CreateUserCommand command) {
        if (!command.caller().has(Permission.CREATE_USER)) {
            throw BusinessRuleException.meteor("error-action-not-allowed", "Adding user is not allowed",
                    details("action", "Adding_user"));
        }
        List<Role> roles = roles(command.roles());
        String name = command.name();
        if (name == null || name.isBlank()) {
            throw fieldRequired("Name");
        }
        String username = command.username();
        if (username == null || username.isBlank()) {
            throw fieldRequired("Username");
        }
        if (!User.USERNAME.matcher(username).matches()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("method", METHOD);
            details.put("input", username);
            details.put("field", "Username");
            throw BusinessRuleException.meteor("error-input-is-not-a-valid-field",
                    Html.escape(username) + " is not a valid username", details);
        }
        if (users.findByUsername(username).isPresent()) {
            throw inUse(username);
        }
        String rawEmail = command.email() == null ? "" : command.email();
        String email = validEmail(rawEmail).orElseThrow(() -> BusinessRuleException.meteor("error-invalid-email",
                "Invalid email " + Html.escape(rawEmail)));
        if (users.findByEmail(email).isPresent()) {
            throw inUse(rawEmail);
        }
        boolean active = command.active() == null || command.active();
        boolean verified = command.verified() != null && command.verified();
        User user = User.create(new UserId(ids.newId()), username, name, new UserEmail(email, verified),
                hasher.hash(command.password()), active, roles, Time.now(clock));
        try {
            users.insert(user);
        } catch (UniqueConstraintViolation e) {
            switch (e.constraint()) {
                case USERNAME -> throw inUse(username);
                case USER_EMAIL -> throw inUse(rawEmail);
                default -> throw e;
            }
        }
        return UserView.of(user, false);
    }

    private static List<Role> roles(List<String> names) {
        if (names == null) {
            return List.of(Role.USER);
        }
        List<Role> roles = new ArrayList<>();
        for (String name : names) {
            Role role = Role.fromWireName(name).orElseThrow(() -> BusinessRuleException.meteor(
                    "error-action-not-allowed", "The field Roles consist invalid role id",
                    details("action", "Assign_role")));
            if (!roles.contains(role)) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** The lower-cased address when the email as sent has the shape {@code local@domain.tld} and no spaces at all. */
    private static Optional<String> validEmail(String raw) {
        return EmailAddress.parse(raw).filter(normalized -> normalized.equals(raw.toLowerCase(Locale.ROOT)));
    }

    private static BusinessRuleException fieldRequired(String field) {
        return BusinessRuleException.meteor("error-the-field-is-required", "The field " + field + " is required",
                details("field", field));
    }

    private static BusinessRuleException inUse(String value) {
        return BusinessRuleException.meteor("error-field-unavailable", Html.escape(value) + " is already in use :(",
                details("field", value));
    }

    private static Map<String, Object> details(String key, String value) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", METHOD);
        details.put(key, value);
        return details;
    }
}
