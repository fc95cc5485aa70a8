package dev.livechat.adapter.jdbc.internal;

import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.domain.error.StoreUnavailableException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** How driver failures of each dialect become port exceptions, from the drivers' real message shapes. */
class StoreErrorsTest {

    private static final StoreErrors H2 = new StoreErrors(Dialect.H2);
    private static final StoreErrors POSTGRESQL = new StoreErrors(Dialect.POSTGRESQL);
    private static final StoreErrors MARIADB = new StoreErrors(Dialect.MARIADB);

    private static Constraint constraintOf(RuntimeException translated) {
        assertThat(translated).isInstanceOf(UniqueConstraintViolation.class);
        return ((UniqueConstraintViolation) translated).constraint();
    }

    /** Wrapped as Jdbi wraps it, to check that the cause chain is searched. */
    private static RuntimeException wrapped(SQLException e) {
        return new RuntimeException("statement failed [arguments: secret-token]", e);
    }

    @Test
    void h2_names_the_index_before_the_values() {
        SQLException e = new SQLIntegrityConstraintViolationException(
                "Unique index or primary key violation: \"PUBLIC.UX_USERS_EMAIL_LOWER ON PUBLIC.USERS(EMAIL_LOWER NULLS"
                        + " FIRST) VALUES ( /* 1 */ 'ux_users_username_lower' )\"; SQL statement:\nINSERT ...",
                "23505", 23505);

        assertThat(constraintOf(H2.translate(wrapped(e), null))).isEqualTo(Constraint.USER_EMAIL);
    }

    @Test
    void postgresql_names_the_constraint_on_the_first_line_and_the_values_after() {
        SQLException e = new SQLException("ERROR: duplicate key value violates unique constraint"
                + " \"ux_rooms_open_visitor_token\"\n  Detail: Key (open_visitor_token)=(ux_visitors_token) already exists.",
                "23505");

        assertThat(constraintOf(POSTGRESQL.translate(wrapped(e), null))).isEqualTo(Constraint.OPEN_ROOM_PER_VISITOR);
    }

    @Test
    void mariadb_names_the_key_after_the_values() {
        SQLException e = new SQLIntegrityConstraintViolationException(
                "(conn=42) Duplicate entry 'for key 'ux_departments_name'' for key 'ux_visitors_token'", "23000", 1062);

        assertThat(constraintOf(MARIADB.translate(wrapped(e), null))).isEqualTo(Constraint.VISITOR_TOKEN);
    }

    @Test
    void a_primary_key_violation_means_what_the_call_says_it_means() {
        SQLException mariadb = new SQLIntegrityConstraintViolationException(
                "Duplicate entry 'abc' for key 'PRIMARY'", "23000", 1062);
        SQLException h2 = new SQLIntegrityConstraintViolationException(
                "Unique index or primary key violation: \"PUBLIC.PRIMARY_KEY_A ON PUBLIC.MESSAGES(ID) VALUES (1)\"",
                "23505", 23505);

        assertThat(constraintOf(MARIADB.translate(wrapped(mariadb), Constraint.MESSAGE_ID))).isEqualTo(Constraint.MESSAGE_ID);
        assertThat(constraintOf(H2.translate(wrapped(h2), Constraint.MESSAGE_ID))).isEqualTo(Constraint.MESSAGE_ID);
        assertThat(MARIADB.translate(wrapped(mariadb), null))
                .isInstanceOf(IllegalStateException.class)
                .hasNoCause()
                .satisfies(t -> assertThat(t.getMessage()).doesNotContain("abc").contains("23000").contains("1062"));
    }

    @Test
    void connection_failures_timeouts_and_deadlocks_make_the_store_unavailable() {
        assertThat(H2.translate(wrapped(new SQLTransientConnectionException("pool timed out")), null))
                .isInstanceOf(StoreUnavailableException.class)
                .hasCauseInstanceOf(SQLTransientConnectionException.class);
        assertThat(POSTGRESQL.translate(wrapped(new SQLException("I/O error", "08006")), null))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(POSTGRESQL.translate(wrapped(new SQLException("deadlock detected", "40P01")), null))
                .isInstanceOf(StoreUnavailableException.class)
                .hasNoCause();
        assertThat(POSTGRESQL.translate(wrapped(new SQLException("terminating connection", "57P01")), null))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(MARIADB.translate(wrapped(new SQLException("Lock wait timeout exceeded", "HY000", 1205)), null))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(MARIADB.translate(wrapped(new SQLException("Deadlock found", "40001", 1213)), null))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(H2.translate(wrapped(new SQLException("Timeout trying to lock table", "HYT00", 50200)), null))
                .isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void only_deadlocks_and_serialisation_failures_are_retried() {
        assertThat(POSTGRESQL.isRetryableConflict(wrapped(new SQLException("deadlock", "40P01")))).isTrue();
        assertThat(POSTGRESQL.isRetryableConflict(wrapped(new SQLException("serialization", "40001")))).isTrue();
        assertThat(MARIADB.isRetryableConflict(wrapped(new SQLException("Deadlock found", "40001", 1213)))).isTrue();
        assertThat(MARIADB.isRetryableConflict(wrapped(new SQLException("Lock wait timeout", "HY000", 1205)))).isFalse();
        assertThat(H2.isRetryableConflict(wrapped(new SQLException("dup", "23505", 23505)))).isFalse();
        assertThat(H2.isRetryableConflict(new RuntimeException("no SQL at all"))).isFalse();
    }

    @Test
    void other_failures_are_unexpected_and_keep_only_messages_that_hold_no_data() {
        RuntimeException syntax = POSTGRESQL.translate(wrapped(new SQLException("column \"x\" does not exist", "42703")), null);
        RuntimeException tooLong = H2.translate(wrapped(new SQLException("Value too long: 'secret-token'", "22001", 22001)), null);

        assertThat(syntax).isInstanceOf(IllegalStateException.class).hasCauseInstanceOf(SQLException.class);
        assertThat(tooLong).isInstanceOf(IllegalStateException.class).hasNoCause();
        assertThat(tooLong.getMessage()).doesNotContain("secret");
    }
}
