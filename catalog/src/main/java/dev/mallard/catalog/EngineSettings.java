package dev.mallard.catalog;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Checks per-database engine settings (memory_limit, threads, temp_directory) with DuckDB. */
final class EngineSettings {
  private EngineSettings() {}

  /**
   * Sets the value on a throwaway in-memory instance, so that DuckDB's own parser judges it
   * whether or not the tenant's instance is open: a value DuckDB refuses would otherwise only
   * show when the tenant next opens, and lock everyone out of it.
   */
  static void validate(String name, String value) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      Tenant.applyEngineSetting(c, name, value);
    } catch (SQLException e) {
      throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
          "invalid value for parameter \"" + name + "\": \"" + value + "\" (" + firstLine(e) + ")");
    }
  }

  private static String firstLine(SQLException e) {
    String m = String.valueOf(e.getMessage());
    int newline = m.indexOf('\n');
    return newline < 0 ? m : m.substring(0, newline);
  }
}
