package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's data-modifying CTEs (WITH x AS (INSERT/UPDATE/DELETE ... RETURNING ...) ...),
 * which DuckDB cannot run, over both protocols through pgjdbc; expected values are PostgreSQL
 * 15's for the same statements.
 */
class WritableCteTest extends SharedServerTest {
  @Test
  void theRestOfTheStatementReadsTheReturnedRows() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE wc_days (day date, holiday boolean, note text, tags text[])");
      s.execute("INSERT INTO wc_days VALUES ('2024-01-01', true, 'it''s new', ARRAY['a', 'b c']),"
          + " ('2024-01-02', false, NULL, NULL), ('2024-12-25', true, NULL, ARRAY['x'])");
      try (ResultSet rs = s.executeQuery("WITH gone AS (DELETE FROM wc_days WHERE holiday"
          + " RETURNING day, note, tags) SELECT day, note, tags FROM gone ORDER BY day")) {
        rs.next();
        assertEquals("2024-01-01|it's new|{a,\"b c\"}",
            rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
        assertEquals(Types.DATE, rs.getMetaData().getColumnType(1));
        rs.next();
        assertEquals("2024-12-25|null|{x}",
            rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
      }
      assertEquals("1", TestServer.value(c, "SELECT count(*) FROM wc_days"));
      // the main statement may itself write: rows move from one table to another
      s.execute("CREATE TABLE wc_archive (day date)");
      assertEquals(1, s.executeUpdate("WITH moved AS (DELETE FROM wc_days RETURNING day)"
          + " INSERT INTO wc_archive SELECT day FROM moved"));
      assertEquals("0|2024-01-02", TestServer.value(c, "SELECT (SELECT count(*) FROM wc_days) || '|' ||"
          + " (SELECT max(day) FROM wc_archive)"));
    }
  }

  @Test
  void parametersAndTheExtendedProtocol() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE wc_items (id int, qty int)");
      s.execute("INSERT INTO wc_items VALUES (1, 5), (2, 7), (3, 9)");
      try (PreparedStatement ps = c.prepareStatement("WITH up AS (UPDATE wc_items SET qty = qty + ?"
          + " WHERE id >= ? RETURNING id, qty) SELECT count(*), sum(qty) FROM up")) {
        ps.setInt(1, 10);
        ps.setInt(2, 2);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertEquals("2|36", rs.getString(1) + "|" + rs.getString(2));
        }
        assertEquals("count", ps.getMetaData().getColumnName(1));
      }
      assertEquals("41", TestServer.value(c, "SELECT sum(qty) FROM wc_items"));
      try (ResultSet rs = s.executeQuery("WITH ins AS (INSERT INTO wc_items VALUES (4, 1)"
          + " RETURNING *) SELECT count(*) FROM ins WHERE false")) {
        rs.next();
        assertEquals(0, rs.getInt(1));
      }
      assertEquals("4", TestServer.value(c, "SELECT count(*) FROM wc_items"));
    }
  }

  @Test
  void aFailureUndoesTheWholeStatement() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE wc_safe (id int)");
      s.execute("INSERT INTO wc_safe VALUES (1), (2)");
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(
          "WITH d AS (DELETE FROM wc_safe RETURNING id) SELECT 1 / (id - id) FROM d"));
      assertEquals("22012", e.getSQLState());
      assertEquals("2", TestServer.value(c, "SELECT count(*) FROM wc_safe"));
      // inside the client's transaction, the changes are the transaction's
      c.setAutoCommit(false);
      TestServer.value(c, "WITH d AS (DELETE FROM wc_safe WHERE id = 1 RETURNING id) SELECT count(*) FROM d");
      assertEquals("1", TestServer.value(c, "SELECT count(*) FROM wc_safe"));
      c.rollback();
      assertEquals("2", TestServer.value(c, "SELECT count(*) FROM wc_safe"));
      // as in PostgreSQL, a cursor's query may not change data
      SQLException cursor = assertThrows(SQLException.class, () -> s.execute("DECLARE wc CURSOR"
          + " FOR WITH d AS (DELETE FROM wc_safe RETURNING id) SELECT * FROM d"));
      assertEquals("0A000", cursor.getSQLState());
      c.rollback();
      assertEquals("2", TestServer.value(c, "SELECT count(*) FROM wc_safe"));
    }
  }
}
