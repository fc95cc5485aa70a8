package dev.livechat.adapter.jdbc.internal;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A query with one text parameter, run with plain JDBC on a Jdbi handle's connection (so inside the handle's
 * transaction, if any): for the single-key lookups behind every visitor request, where Jdbi's per-statement machinery
 * (configuration copy, named-argument binding, result iterator and cleanup) cost about a third as much as H2's own
 * execution (docs/benchmarks.md). Failures surface as Jdbi's {@link UnableToExecuteStatementException}, so the store
 * translates them like any other statement's.
 */
public final class PlainQuery {

    /** Reads the current row. */
    @FunctionalInterface
    public interface RowReader<R> {
        R read(Columns row) throws SQLException;
    }

    private PlainQuery() {
    }

    /** The rows of {@code sql} (one {@code ?} placeholder) for {@code parameter}. */
    public static <R> List<R> list(Handle handle, String sql, String parameter, RowReader<R> reader) {
        try (PreparedStatement statement = handle.getConnection().prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                List<R> rows = new ArrayList<>(1);
                while (rs.next()) {
                    rows.add(reader.read(Columns.of(rs, sql)));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, (StatementContext) null);
        }
    }
}
