package dev.mallard.engine;

import dev.mallard.engine.sql.RewriteContext;
import dev.mallard.engine.sql.RewriteContext.ColumnType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's own view of its relations for the rewrite rules that need one, read from DuckDB's
 * catalog on the session's connection (so it sees the session's temporary tables and what its
 * open transaction created). Asked only for the rare statements that need it.
 */
final class SessionRelations implements RewriteContext.Relations {
  private static final String IS_VIEW = "SELECT count(*) FROM duckdb_views()"
      + " WHERE database_name = current_database()"
      + " AND schema_name = coalesce(?, system.main.current_schema()) AND view_name = ?";
  /** Temporary relations hide others of the same name, as pg_temp comes first in search_path. */
  private static final String COLUMNS = "SELECT database_name, column_name, data_type"
      + " FROM duckdb_columns() WHERE lower(table_name) = lower(?)"
      + " AND (database_name = 'temp' AND (? IS NULL OR ?)"
      + " OR database_name = current_database() AND NOT ?"
      + " AND schema_name = coalesce(?, system.main.current_schema()))"
      + " ORDER BY database_name <> 'temp', column_index";

  private final Connection connection;

  SessionRelations(Connection connection) {
    this.connection = connection;
  }

  @Override
  public boolean isView(String schema, String name) {
    try (PreparedStatement p = connection.prepareStatement(IS_VIEW)) {
      p.setString(1, duckDbSchema(schema));
      p.setString(2, name);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() && rs.getLong(1) > 0;
      }
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, IS_VIEW);
    }
  }

  @Override
  public List<ColumnType> columns(String schema, String name) {
    boolean temp = "temp".equals(schema);
    List<ColumnType> columns = new ArrayList<>();
    try (PreparedStatement p = connection.prepareStatement(COLUMNS)) {
      p.setString(1, name);
      p.setString(2, schema);
      p.setBoolean(3, temp);
      p.setBoolean(4, temp);
      p.setString(5, duckDbSchema(schema));
      try (ResultSet rs = p.executeQuery()) {
        String database = null;
        while (rs.next()) {
          if (database != null && !database.equals(rs.getString(1))) {
            break;
          }
          database = rs.getString(1);
          columns.add(new ColumnType(rs.getString(2), rs.getString(3)));
        }
      }
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, COLUMNS);
    }
    return columns;
  }

  /** PostgreSQL's public is DuckDB's main. */
  private static String duckDbSchema(String schema) {
    return "public".equals(schema) ? "main" : schema;
  }
}
