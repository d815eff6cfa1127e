package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SAVEPOINT, RELEASE and ROLLBACK TO through pgjdbc (its Savepoint API and autosave), with what
 * Mallard can honestly do on DuckDB: go back to a savepoint by running the changes made before it
 * again in a new DuckDB transaction, and refuse with 0A000 when they would not come out the same
 * (the transaction then fails as a whole, and nothing is stored).
 */
class SavepointTest extends SharedServerTest {
  private static int tables;

  private static String newTable(Statement st) throws SQLException {
    String name = "sp_t" + (++tables);
    st.execute("CREATE TABLE " + name + " (id int4 PRIMARY KEY, v text)");
    return name;
  }

  private static List<Integer> ids(Statement st, String table) throws SQLException {
    List<Integer> ids = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("SELECT id FROM " + table + " ORDER BY id")) {
      while (rs.next()) {
        ids.add(rs.getInt(1));
      }
    }
    return ids;
  }

  private static String show(Statement st, String setting) throws SQLException {
    try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  @Test
  void errorsOutsideABlockAndForUnknownSavepoints() throws SQLException {
    try (Connection conn = server.connect(); Statement st = conn.createStatement()) {
      assertEquals("25P01", assertThrows(SQLException.class,
          () -> st.execute("SAVEPOINT a")).getSQLState());
      assertEquals("25P01", assertThrows(SQLException.class,
          () -> st.execute("RELEASE SAVEPOINT a")).getSQLState());
      assertEquals("25P01", assertThrows(SQLException.class,
          () -> st.execute("ROLLBACK TO SAVEPOINT a")).getSQLState());
      conn.setAutoCommit(false);
      st.execute("SAVEPOINT a");
      assertEquals("3B001", assertThrows(SQLException.class,
          () -> st.execute("ROLLBACK TO b")).getSQLState());
      conn.rollback();
      st.execute("SAVEPOINT a");
      st.execute("SAVEPOINT a");
      st.execute("RELEASE a");
      st.execute("RELEASE a"); // two of that name, as PostgreSQL allows
      assertEquals("3B001", assertThrows(SQLException.class,
          () -> st.execute("RELEASE a")).getSQLState());
      conn.rollback();
    }
  }

  @Test
  void rollbackToAfterAFailedQueryKeepsEarlierWrites() throws SQLException {
    try (Connection conn = server.connect(); Statement st = conn.createStatement()) {
      String t = newTable(st);
      conn.setAutoCommit(false);
      st.execute("INSERT INTO " + t + " VALUES (1, 'before')");
      String appName = show(st, "application_name");
      Savepoint sp = conn.setSavepoint("inner");
      st.execute("SET application_name = 'inside'");
      st.execute("DECLARE later CURSOR FOR SELECT 1");
      SQLException e = assertThrows(SQLException.class,
          () -> st.executeQuery("SELECT * FROM no_such_table_sp"));
      assertEquals("42P01", e.getSQLState());
      assertEquals("25P02", assertThrows(SQLException.class,
          () -> st.executeQuery("SELECT 1")).getSQLState());
      conn.rollback(sp);
      assertEquals(appName, show(st, "application_name"), "the SET after the savepoint is undone");
      assertEquals("34000", assertThrows(SQLException.class,
          () -> st.executeQuery("FETCH later")).getSQLState());
      conn.rollback(sp);
      st.execute("INSERT INTO " + t + " VALUES (2, 'after')");
      conn.releaseSavepoint(sp);
      conn.commit();
      assertEquals(List.of(1, 2), ids(st, t));
    }
  }

  @Test
  void failedInsertInASavepointOfAnUnchangedTransaction() throws SQLException {
    // get_or_create: the INSERT fails on the unique key inside a savepoint, the ORM goes back
    // to it and reads the existing row. DuckDB aborts its whole transaction on that error; it
    // had changed nothing, so it is started again.
    try (Connection conn = server.connect(); Statement st = conn.createStatement()) {
      String t = newTable(st);
      st.execute("INSERT INTO " + t + " VALUES (1, 'existing')");
      conn.setAutoCommit(false);
      Savepoint sp = conn.setSavepoint();
      assertEquals("23505", assertThrows(SQLException.class,
          () -> st.execute("INSERT INTO " + t + " VALUES (1, 'dup')")).getSQLState());
      conn.rollback(sp);
      try (ResultSet rs = st.executeQuery("SELECT v FROM " + t + " WHERE id = 1")) {
        assertTrue(rs.next());
        assertEquals("existing", rs.getString(1));
      }
      st.execute("INSERT INTO " + t + " VALUES (2, 'new')");
      conn.commit();
      assertEquals(List.of(1, 2), ids(st, t));
    }
  }

  @Test
  void changesSinceTheSavepointAreUndoneAndEarlierOnesKept() throws SQLException {
    try (Connection conn = server.connect(); Statement st = conn.createStatement()) {
      String t = newTable(st);
      conn.setAutoCommit(false);
      st.execute("INSERT INTO " + t + " VALUES (1, 'before')");
      st.execute("WITH w AS (INSERT INTO " + t + " VALUES (5, 'cte') RETURNING id)"
          + " SELECT count(*) FROM w"); // a change made by a query
      Savepoint a = conn.setSavepoint("a");
      st.execute("INSERT INTO " + t + " VALUES (2, 'inside a')");
      Savepoint b = conn.setSavepoint("b");
      st.execute("UPDATE " + t + " SET v = 'changed in b'");
      conn.rollback(b);
      try (ResultSet rs = st.executeQuery("SELECT string_agg(v, ',' ORDER BY id) FROM " + t)) {
        assertTrue(rs.next());
        assertEquals("before,inside a,cte", rs.getString(1));
      }
      conn.rollback(a);
      assertEquals(List.of(1, 5), ids(st, t));
      st.execute("INSERT INTO " + t + " VALUES (3, 'after')");
      conn.commit();
      assertEquals(List.of(1, 3, 5), ids(st, t));

      // a write before the savepoint, and an error that aborts DuckDB's transaction after it
      st.execute("INSERT INTO " + t + " VALUES (4, 'kept')");
      Savepoint c = conn.setSavepoint("c");
      assertEquals("23505", assertThrows(SQLException.class,
          () -> st.execute("INSERT INTO " + t + " VALUES (4, 'dup')")).getSQLState());
      conn.rollback(c);
      conn.commit();
      assertEquals(List.of(1, 3, 4, 5), ids(st, t));
    }
  }

  @Test
  void changesThatWouldComeOutDifferentAnswer0A000AndNothingIsStored() throws SQLException {
    try (Connection conn = server.connect(); Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE sp_serial (id serial, v text)");
      conn.setAutoCommit(false);
      st.execute("INSERT INTO sp_serial (v) VALUES ('a')"); // a serial id: not the same again
      conn.rollback(conn.setSavepoint("unchanged")); // allowed: nothing to undo, nothing re-run
      Savepoint sp = conn.setSavepoint("w"); // the serial insert is still before it
      st.execute("INSERT INTO sp_serial (v) VALUES ('b')");
      SQLException e = assertThrows(SQLException.class, () -> conn.rollback(sp));
      assertEquals("0A000", e.getSQLState());
      assertTrue(e.getMessage().contains("sp_serial"), e.getMessage());
      assertEquals("25P02", assertThrows(SQLException.class,
          () -> st.executeQuery("SELECT 1")).getSQLState());
      conn.rollback();

      String t = newTable(st);
      conn.commit();
      st.execute("INSERT INTO " + t + " VALUES (1, now()::text)"); // the clock: not the same again
      Savepoint sp2 = conn.setSavepoint("w2");
      st.execute("INSERT INTO " + t + " VALUES (2, 'x')");
      assertEquals("0A000", assertThrows(SQLException.class,
          () -> conn.rollback(sp2)).getSQLState());
      conn.commit(); // PostgreSQL's COMMIT of a failed transaction rolls back
      assertEquals(List.of(), ids(st, t));
      conn.commit();
    }
  }

  @Test
  void aChangeThatNowTouchesOtherRowsFailsWith40001() throws SQLException {
    try (Connection conn = server.connect(); Connection other = server.connect();
        Statement st = conn.createStatement(); Statement ot = other.createStatement()) {
      String t = newTable(st);
      st.execute("INSERT INTO " + t + " VALUES (1, 'a')");
      conn.setAutoCommit(false);
      assertEquals(1, st.executeUpdate("UPDATE " + t + " SET v = 'b' WHERE v = 'a'"));
      Savepoint sp = conn.setSavepoint("w");
      st.execute("INSERT INTO " + t + " VALUES (2, 'x')");
      ot.execute("INSERT INTO " + t + " VALUES (3, 'a')"); // committed meanwhile
      SQLException e = assertThrows(SQLException.class, () -> conn.rollback(sp));
      assertEquals("40001", e.getSQLState(), e.getMessage());
      conn.rollback();
      assertEquals(List.of(1, 3), ids(st, t));
      conn.commit();
    }
  }

  @Test
  void pgjdbcAutosaveRecoversFromAFailedQuery() throws SQLException {
    // autosave=always: pgjdbc sets a savepoint before each statement and rolls back to it when
    // the statement fails, so the transaction goes on.
    try (Connection conn = server.connect("sslmode=disable&autosave=always");
        Statement st = conn.createStatement()) {
      String t = newTable(st);
      conn.setAutoCommit(false);
      st.execute("INSERT INTO " + t + " VALUES (1, 'a')");
      assertEquals("42P01", assertThrows(SQLException.class,
          () -> st.executeQuery("SELECT * FROM missing_in_autosave")).getSQLState());
      st.execute("INSERT INTO " + t + " VALUES (2, 'b')");
      conn.commit();
      assertEquals(List.of(1, 2), ids(st, t));
      conn.commit();
    }
  }
}
