package dev.livechat.adapter.jdbc.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DialectTest {

    @Test
    void detects_the_three_supported_products_and_nothing_else() {
        assertThat(Dialect.fromProductName("H2")).contains(Dialect.H2);
        assertThat(Dialect.fromProductName("PostgreSQL")).contains(Dialect.POSTGRESQL);
        assertThat(Dialect.fromProductName("MariaDB")).contains(Dialect.MARIADB);
        assertThat(Dialect.fromProductName("MySQL")).isEmpty();
        assertThat(Dialect.fromProductName("Oracle")).isEmpty();
        assertThat(Dialect.fromProductName(null)).isEmpty();
    }

    @Test
    void every_dialect_fills_every_placeholder_of_the_common_migration() {
        for (Dialect dialect : Dialect.values()) {
            assertThat(dialect.migrationPlaceholders())
                    .containsOnlyKeys("timestamp", "long_text", "sort_collation", "table_options");
        }
        assertThat(Dialect.MARIADB.migrationPlaceholders().get("table_options")).contains("utf8mb4_nopad_bin");
        assertThat(Dialect.POSTGRESQL.migrationPlaceholders().get("sort_collation")).isEqualTo("COLLATE \"C\"");
    }
}
