package dev.mallard.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The table every system is measured on, created with the same DDL and the same row formulas over
 * {@code generate_series(1, rows)} (a table function in both PostgreSQL and DuckDB, inclusive in
 * both), so the data are identical value for value and the readers' checksums must agree.
 */
final class BenchTable {
  static final String NAME = "mallard_bench_stream";
  static final String QUERY = "SELECT * FROM " + NAME;

  private static final String DDL =
      "CREATE TABLE " + NAME
          + " (id int8, x float8, label text, ts timestamp, amount numeric(12,2))";

  // ~10-12 byte labels with 1000 distinct values; timestamps one second apart; cents vary.
  private static final String LOAD =
      "INSERT INTO " + NAME + " SELECT i, CAST(i AS float8) / 7, "
          + "'label-' || CAST(i % 1000 AS text), "
          + "TIMESTAMP '2024-01-01 00:00:00' + i * INTERVAL '1 second', "
          + "((i * 37) % 1000000) * 0.01 "
          + "FROM generate_series(1, ROWS) AS s(i)";

  private BenchTable() {}

  /**
   * Drops and recreates the table with {@code rows} rows in one INSERT ... SELECT.
   *
   * @param postgres also VACUUM (FREEZE, ANALYZE), so that no measured pass pays for setting hint
   *     bits on freshly written pages
   */
  static void create(Connection c, long rows, boolean postgres) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(true);
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + NAME);
      st.execute(DDL);
      st.executeUpdate(LOAD.replace("ROWS", Long.toString(rows)));
      if (postgres) {
        st.execute("VACUUM (FREEZE, ANALYZE) " + NAME);
      }
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  static void drop(Connection c) throws SQLException {
    c.setAutoCommit(true);
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + NAME);
    }
  }
}
