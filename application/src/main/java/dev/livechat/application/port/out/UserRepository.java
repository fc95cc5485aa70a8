package dev.livechat.application.port.out;

import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.user.User;
import dev.livechat.domain.user.UserSortField;

import java.util.List;
import java.util.Optional;

/** Stores user accounts; usernames and emails are unique ignoring case. */
public interface UserRepository {

    /**
     * @throws UniqueConstraintViolation {@code USERNAME} or {@code USER_EMAIL} (case-insensitive)
     */
    void insert(User user);

    Optional<User> findById(UserId id);

    /** Case-insensitive ({@code Locale.ROOT}). */
    Optional<User> findByUsername(String username);

    /** Case-insensitive ({@code Locale.ROOT}). */
    Optional<User> findByEmail(String email);

    /** Replaces the stored user with the same id. */
    void update(User user);

    boolean existsWithRole(Role role);

    /**
     * Users holding {@code role}, optionally filtered by {@code text} (literal, case-insensitive substring of username
     * or name; null = no filter), sorted by {@code sort} then id, paged.
     */
    Page<User> findByRole(Role role, String text, List<SortKey<UserSortField>> sort, int offset, int count);
}
