package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** pgjdbc against a running Mallard over a socket: protocol basics, errors, transactions. */
class JdbcBasicsTest extends SharedServerTest {
  @ParameterizedTest
  @ValueSource(strings = {"sslmode=disable&preferQueryMode=simple", "sslmode=disable&preferQueryMode=extended",
      "sslmode=disable&binaryTransfer=true&prepareThreshold=1", "sslmode=disable&binaryTransfer=false"})
  void selectsValuesOverEachProtocolMode(String params) throws SQLException {
    try (Connection c = server.connect(params); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT 42 AS answer, 'duck'::VARCHAR AS name, 1.50::DECIMAL(5,2) AS price, NULL::INTEGER AS missing")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals("answer", md.getColumnLabel(1));
      assertEquals(Types.INTEGER, md.getColumnType(1));
      assertEquals("int4", md.getColumnTypeName(1));
      assertEquals("text", md.getColumnTypeName(2));
      assertEquals("numeric", md.getColumnTypeName(3));
      assertTrue(rs.next());
      assertEquals(42, rs.getInt(1));
      assertEquals("duck", rs.getString(2));
      assertEquals(new BigDecimal("1.50"), rs.getBigDecimal(3));
      assertNull(rs.getObject(4));
      assertFalse(rs.next());
    }
  }

  @Test
  void preparedStatementWithParametersIsReused() throws SQLException {
    try (Connection c = server.connect("sslmode=disable&prepareThreshold=1&binaryTransfer=true")) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE reuse(id INTEGER, label VARCHAR)");
        assertEquals(3, s.executeUpdate("INSERT INTO reuse VALUES (1, 'a'), (2, 'b'), (3, 'c')"));
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT label FROM reuse WHERE id = ?")) {
        for (int i = 1; i <= 3; i++) {
          ps.setInt(1, i);
          try (ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(String.valueOf((char) ('a' + i - 1)), rs.getString(1));
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE reuse SET label = ? WHERE id >= ?")) {
        ps.setString(1, "z");
        ps.setInt(2, 2);
        assertEquals(2, ps.executeUpdate());
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM reuse WHERE label = ?")) {
        ps.setString(1, "z");
        assertEquals(2, ps.executeUpdate());
      }
    }
  }

  @Test
  void batchInsertCountsEveryRow() throws SQLException {
    try (Connection c = server.connect()) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE batch_t(i INTEGER)");
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO batch_t VALUES (?)")) {
        for (int i = 0; i < 100; i++) {
          ps.setInt(1, i);
          ps.addBatch();
        }
        int[] counts = ps.executeBatch();
        assertEquals(100, counts.length);
        assertEquals(1, counts[99]);
      }
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sum(i) FROM batch_t")) {
        assertTrue(rs.next());
        assertEquals(4950, rs.getLong(1));
      }
    }
  }

  @Test
  void errorsCarryPostgresSqlStates() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      assertEquals("42P01", state(s, "SELECT * FROM no_such_table"));
      assertEquals("42601", state(s, "SELEC 1"));
      assertEquals("42703", state(s, "SELECT no_such_column FROM (SELECT 1 AS a) t"));
      assertEquals("42883", state(s, "SELECT no_such_function(1)"));
      assertEquals("22P02", state(s, "SELECT 'abc'::INTEGER"));
      s.execute("CREATE TABLE uniq(id INTEGER PRIMARY KEY, v INTEGER NOT NULL)");
      s.execute("INSERT INTO uniq VALUES (1, 1)");
      assertEquals("23505", state(s, "INSERT INTO uniq VALUES (1, 2)"));
      assertEquals("23502", state(s, "INSERT INTO uniq VALUES (2, NULL)"));
      // the connection is still usable after errors
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM uniq")) {
        assertTrue(rs.next());
        assertEquals(1, rs.getInt(1));
      }
    }
  }

  static String state(Statement s, String sql) {
    SQLException e = assertThrows(SQLException.class, () -> s.execute(sql));
    return e.getSQLState();
  }

  @Test
  void failedTransactionRejectsUntilRollback() throws SQLException {
    try (Connection c = server.connect()) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE tx(i INTEGER)");
      }
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO tx VALUES (1)");
        assertEquals("42P01", state(s, "SELECT * FROM missing_in_tx"));
        assertEquals("25P02", state(s, "SELECT 1"));
      }
      c.rollback();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM tx")) {
        assertTrue(rs.next());
        assertEquals(0, rs.getInt(1), "the failed transaction's insert was rolled back");
      }
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO tx VALUES (2)");
      }
      c.commit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sum(i) FROM tx")) {
        assertTrue(rs.next());
        assertEquals(2, rs.getInt(1));
      }
    }
  }

  @Test
  void wrongPasswordIsRejectedWith28P01() {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("user", "postgres");
    p.setProperty("password", "wrong");
    SQLException e = assertThrows(SQLException.class,
        () -> java.sql.DriverManager.getConnection(server.url("sslmode=disable"), p));
    assertEquals("28P01", e.getSQLState());
  }

  @Test
  void unknownDatabaseIs3D000() {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("user", "postgres");
    p.setProperty("password", TestServer.PASSWORD);
    SQLException e = assertThrows(SQLException.class, () -> java.sql.DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + server.port + "/nope?sslmode=disable", p));
    assertEquals("3D000", e.getSQLState());
  }

  @Test
  void tlsRequiredConnectionWorks() throws SQLException {
    try (Connection c = server.connect("sslmode=require"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 'secure'")) {
      assertTrue(rs.next());
      assertEquals("secure", rs.getString(1));
    }
  }

  @Test
  void setAndShowSettings() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("SET application_name = 'mallard-test'");
      try (ResultSet rs = s.executeQuery("SHOW application_name")) {
        assertTrue(rs.next());
        assertEquals("mallard-test", rs.getString(1));
      }
      s.execute("SET TimeZone TO 'Europe/Paris'");
      try (ResultSet rs = s.executeQuery("SELECT TIMESTAMPTZ '2024-01-02 03:04:05+00'::VARCHAR")) {
        assertTrue(rs.next());
        assertEquals("2024-01-02 04:04:05+01", rs.getString(1));
      }
      s.execute("SET myapp.user_id = '7'");
      try (ResultSet rs = s.executeQuery("SHOW myapp.user_id")) {
        assertTrue(rs.next());
        assertEquals("7", rs.getString(1));
      }
      assertEquals("42704", state(s, "SET no_such_setting = 1"));
      try (ResultSet rs = s.executeQuery(
          "SELECT current_setting('application_name'), current_setting('TimeZone'), current_setting('nope', true)")) {
        assertTrue(rs.next());
        assertEquals("mallard-test", rs.getString(1));
        assertEquals("Europe/Paris", rs.getString(2));
        assertNull(rs.getString(3));
      }
      assertEquals("42704", state(s, "SELECT current_setting('no_such_setting')"));
      try (ResultSet rs = s.executeQuery("SELECT set_config('TimeZone', 'America/New_York', false)")) {
        assertTrue(rs.next());
        assertEquals("America/New_York", rs.getString(1));
      }
      try (ResultSet rs = s.executeQuery("SELECT TIMESTAMPTZ '2024-01-02 12:00:00+00'::VARCHAR, current_setting('timezone')")) {
        assertTrue(rs.next());
        assertEquals("2024-01-02 07:00:00-05", rs.getString(1), "set_config applies to later statements");
        assertEquals("America/New_York", rs.getString(2));
      }
      s.execute("SET IntervalStyle = iso_8601");
      try (ResultSet rs = s.executeQuery("SELECT INTERVAL '1 day 2 hours'")) {
        assertTrue(rs.next());
        assertEquals("P1DT2H", rs.getString(1));
      }
      assertEquals("0A000", state(s, "SET IntervalStyle = sql_standard"));
      s.execute("RESET IntervalStyle");
      s.execute("RESET application_name");
      try (ResultSet rs = s.executeQuery("SHOW application_name")) {
        assertTrue(rs.next());
        assertEquals("", rs.getString(1));
      }
    }
  }

  @Test
  void largeTextAndUnicodeRoundTrip() throws SQLException {
    String big = "x".repeat(1024 * 1024);
    String unicode = "héllo wörld — 你好 🦆";
    try (Connection c = server.connect(); PreparedStatement ps = c.prepareStatement("SELECT ?::VARCHAR, ?::VARCHAR, length(?::VARCHAR)")) {
      ps.setString(1, big);
      ps.setString(2, unicode);
      ps.setString(3, unicode);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(big, rs.getString(1));
        assertEquals(unicode, rs.getString(2));
        assertEquals(unicode.codePointCount(0, unicode.length()), rs.getInt(3));
      }
    }
  }

  @Test
  void byteaRoundTrip() throws SQLException {
    byte[] data = {0, 1, 2, (byte) 0xff, 0x7f};
    for (String mode : new String[] {"binaryTransfer=true", "binaryTransfer=false"}) {
      try (Connection c = server.connect("sslmode=disable&prepareThreshold=1&" + mode);
          PreparedStatement ps = c.prepareStatement("SELECT ?::BLOB")) {
        ps.setBytes(1, data);
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          assertArrayEquals(data, rs.getBytes(1));
        }
      }
    }
  }

  @Test
  void searchPathDecidesWhereUnqualifiedNamesResolve() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA sp_a");
      s.execute("CREATE TABLE sp_a.where_am_i AS SELECT 'schema a' AS v");
      s.execute("CREATE TABLE where_am_i AS SELECT 'main' AS v");
      s.execute("SET search_path TO sp_a, public");
      try (ResultSet rs = s.executeQuery("SELECT v FROM where_am_i")) {
        assertTrue(rs.next());
        assertEquals("schema a", rs.getString(1));
      }
      try (ResultSet rs = s.executeQuery("SHOW search_path")) {
        assertTrue(rs.next());
        assertEquals("sp_a, public", rs.getString(1));
      }
      s.execute("SET search_path TO \"$user\", public, no_such_schema");
      try (ResultSet rs = s.executeQuery("SELECT v FROM where_am_i")) {
        assertTrue(rs.next());
        assertEquals("main", rs.getString(1), "public is DuckDB's main; missing schemas are skipped");
      }
    }
  }
}
