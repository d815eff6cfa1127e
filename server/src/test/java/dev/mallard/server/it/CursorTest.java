package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.server.MallardConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SQL-level cursors (DECLARE / FETCH / MOVE / CLOSE) through pgjdbc in the extended protocol
 * (text and binary), the simple protocol, and a raw client that checks command tags as
 * PostgreSQL 15 sends them. The server runs with a small per-session Arrow memory limit, so a
 * cursor that held its whole result in memory would fail.
 */
class CursorTest {
  private static final long SESSION_MEMORY = 24L * 1024 * 1024;
  static TestServer server;

  @BeforeAll
  static void start() {
    MallardConfig d = MallardConfig.defaults();
    MallardConfig.Limits l = d.limits();
    server = TestServer.start(new MallardConfig.Limits(l.maxConnections(), l.maxMessageSizeBytes(),
        l.idleSessionTimeout(), l.shutdownGrace(), l.workerThreads(), l.arrowMemoryLimitBytes(),
        SESSION_MEMORY), d.tls());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The CommandComplete tags, or "ERROR sqlstate", of one simple Query, and its text values. */
  record Outcome(List<String> tags, List<String> values) {}

  private static Outcome simpleQuery(RobustnessTest.RawClient c, String sql) throws IOException {
    c.sendTyped('Q', cstr(sql));
    List<String> tags = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (RobustnessTest.RawClient.Message m = c.read(); m.type() != 'Z'; m = c.read()) {
      if (m.type() == 'C') {
        tags.add(RobustnessTest.RawClient.cstring(m.body()));
      } else if (m.type() == 'E') {
        tags.add("ERROR " + RobustnessTest.RawClient.fields(m.body()).get('C'));
      } else if (m.type() == 'D') {
        values.add(firstValue(m.body()));
      }
    }
    return new Outcome(tags, values);
  }

  /** The first column of a DataRow, as text. */
  private static String firstValue(byte[] body) {
    int len = ((body[2] & 0xff) << 24) | ((body[3] & 0xff) << 16) | ((body[4] & 0xff) << 8)
        | (body[5] & 0xff);
    return len < 0 ? null : new String(body, 6, len, StandardCharsets.UTF_8);
  }

  @Test
  void commandTagsAndRowsAsPostgresql() throws IOException {
    try (RobustnessTest.RawClient c = RobustnessTest.RawClient.loggedIn(server.port)) {
      assertEquals(List.of("BEGIN"), simpleQuery(c, "BEGIN").tags());
      assertEquals(List.of("DECLARE CURSOR"), simpleQuery(c,
          "DECLARE c1 NO SCROLL CURSOR WITHOUT HOLD FOR SELECT range FROM range(10)").tags());
      Outcome three = simpleQuery(c, "FETCH 3 FROM c1");
      assertEquals(List.of("FETCH 3"), three.tags());
      assertEquals(List.of("0", "1", "2"), three.values());
      assertEquals(List.of("FETCH 1"), simpleQuery(c, "FETCH NEXT IN c1").tags());
      assertEquals(List.of("MOVE 2"), simpleQuery(c, "MOVE FORWARD 2 IN c1").tags());
      Outcome rest = simpleQuery(c, "FETCH FORWARD ALL FROM c1");
      assertEquals(List.of("FETCH 4"), rest.tags());
      assertEquals(List.of("6", "7", "8", "9"), rest.values());
      assertEquals(List.of("FETCH 0"), simpleQuery(c, "FETCH c1").tags());
      assertEquals(List.of("MOVE 0"), simpleQuery(c, "MOVE ALL c1").tags());
      assertEquals(List.of("CLOSE CURSOR"), simpleQuery(c, "CLOSE c1").tags());
      assertEquals(List.of("ERROR 34000"), simpleQuery(c, "FETCH c1").tags());
      assertEquals(List.of("ROLLBACK"), simpleQuery(c, "ROLLBACK").tags());
      assertEquals(List.of("ERROR 25P01"),
          simpleQuery(c, "DECLARE c2 CURSOR FOR SELECT 1").tags());
      // A multi-statement Query is an implicit transaction block: DECLARE is allowed there, and
      // its cursor ends with it.
      Outcome implicit = simpleQuery(c,
          "DECLARE c3 CURSOR FOR SELECT 41 + range FROM range(2); FETCH 2 c3");
      assertEquals(List.of("DECLARE CURSOR", "FETCH 2"), implicit.tags());
      assertEquals(List.of("41", "42"), implicit.values());
      assertEquals(List.of("ERROR 34000"), simpleQuery(c, "FETCH c3").tags());
      assertEquals(List.of("BEGIN", "CLOSE CURSOR ALL", "COMMIT"),
          simpleQuery(c, "BEGIN; CLOSE ALL; COMMIT").tags());
    }
  }

  /** An Execute row limit on a FETCH portal suspends it; the next Execute goes on. */
  @Test
  void fetchPortalHonoursTheExecuteRowLimit() throws IOException {
    try (RobustnessTest.RawClient c = RobustnessTest.RawClient.loggedIn(server.port)) {
      simpleQuery(c, "BEGIN");
      simpleQuery(c, "DECLARE lim CURSOR FOR SELECT range FROM range(25)");
      c.sendTyped('P', concat(cstr(""), cstr("FETCH 20 FROM lim"), new byte[] {0, 0}));
      c.sendTyped('B', concat(cstr("p"), cstr(""), new byte[] {0, 0, 0, 0, 0, 0}));
      List<String> values = new ArrayList<>();
      List<Character> ends = new ArrayList<>();
      String tag = null;
      for (int i = 0; i < 3; i++) {
        c.sendTyped('E', concat(cstr("p"), new byte[] {0, 0, 0, 8}));
        c.sendTyped('H', new byte[0]);
        RobustnessTest.RawClient.Message m = c.read();
        while (m.type() == 'D' || m.type() == '1' || m.type() == '2') {
          if (m.type() == 'D') {
            values.add(firstValue(m.body()));
          }
          m = c.read();
        }
        ends.add(m.type());
        if (m.type() == 'C') {
          tag = RobustnessTest.RawClient.cstring(m.body());
        }
      }
      c.sendTyped('S', new byte[0]);
      c.skipUntil('Z');
      assertEquals(List.of('s', 's', 'C'), ends);
      assertEquals("FETCH 4", tag, "PostgreSQL 15 counts the last Execute's rows");
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        expected.add(Integer.toString(i));
      }
      assertEquals(expected, values);
      assertEquals(List.of("20", "21", "22", "23", "24"), simpleQuery(c, "FETCH ALL lim").values());
      simpleQuery(c, "ROLLBACK");
    }
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.write(p, 0, p.length);
    }
    return out.toByteArray();
  }

  @Test
  void scrollCursorsMoveBothWaysAsInPostgresql() throws SQLException {
    // prepareThreshold=-1: the extended protocol with binary results from the first FETCH
    for (String params : List.of("sslmode=disable", "sslmode=disable&prepareThreshold=-1")) {
      try (Connection conn = server.connect(params); Statement st = conn.createStatement()) {
        conn.setAutoCommit(false);
        st.execute("DECLARE s SCROLL CURSOR FOR SELECT range * 10 AS v FROM range(1, 7)");
        assertEquals(List.of(50L), fetch(st, "FETCH ABSOLUTE 5 FROM s"));
        assertEquals(List.of(40L), fetch(st, "FETCH PRIOR FROM s"));
        assertEquals(List.of(60L), fetch(st, "FETCH LAST FROM s"));
        assertEquals(List.of(), fetch(st, "FETCH NEXT FROM s"));
        assertEquals(List.of(60L, 50L, 40L), fetch(st, "FETCH BACKWARD 3 FROM s"));
        assertEquals(List.of(40L), fetch(st, "FETCH RELATIVE 0 FROM s"));
        assertEquals(List.of(30L, 20L, 10L), fetch(st, "FETCH BACKWARD ALL FROM s"));
        assertEquals(List.of(10L, 20L), fetch(st, "FETCH 2 FROM s"));
        assertEquals(List.of(50L), fetch(st, "FETCH ABSOLUTE -2 FROM s"));
        assertEquals(3, st.executeUpdate("MOVE BACKWARD 3 IN s"));
        assertEquals(List.of(30L, 40L, 50L, 60L), fetch(st, "FETCH ALL FROM s"));
        conn.commit();

        st.execute("DECLARE h SCROLL CURSOR WITH HOLD FOR SELECT range AS v FROM range(3)");
        conn.commit(); // its rows now live outside the transaction that stored them
        assertEquals(List.of(), fetch(st, "FETCH BACKWARD 1 FROM h")); // before the first row
        assertEquals(List.of(2L), fetch(st, "FETCH LAST FROM h"));
        assertEquals(List.of(1L, 0L), fetch(st, "FETCH BACKWARD 2 FROM h"));
        assertEquals(List.of(), fetch(st, "FETCH BACKWARD 2 FROM h")); // on the first row
        assertEquals(List.of(0L), fetch(st, "FETCH NEXT FROM h")); // was before the first
        st.execute("CLOSE h");
        conn.commit();
      }
    }
  }

  private static List<Long> fetch(Statement st, String sql) throws SQLException {
    List<Long> values = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getLong(1));
      }
    }
    return values;
  }

  @Test
  void errorsCarryPostgresqlSqlstates() throws SQLException {
    try (Connection conn = server.connect(); Statement st = conn.createStatement()) {
      conn.setAutoCommit(false);
      st.execute("DECLARE dup CURSOR FOR SELECT 1");
      assertEquals("42P03", assertThrows(SQLException.class,
          () -> st.execute("DECLARE dup CURSOR FOR SELECT 2")).getSQLState());
      conn.rollback();
      st.execute("DECLARE fwd CURSOR FOR SELECT range FROM range(5)");
      assertEquals("55000", assertThrows(SQLException.class,
          () -> st.execute("FETCH BACKWARD 1 FROM fwd")).getSQLState());
      conn.rollback();
      assertEquals("34000", assertThrows(SQLException.class,
          () -> st.execute("CLOSE nosuch")).getSQLState());
      conn.rollback();
      assertEquals("42601", assertThrows(SQLException.class,
          () -> st.execute("DECLARE bad CURSOR FOR INSERT INTO t VALUES (1)")).getSQLState());
      conn.rollback();
    }
  }

  @Test
  void parametersAndBinaryResultsOverTheExtendedProtocol() throws SQLException {
    // prepareThreshold=-1: server-prepared statements and binary results from the first run
    for (String params : List.of("sslmode=disable", "sslmode=disable&prepareThreshold=-1",
        "sslmode=disable&preferQueryMode=simple")) {
      try (Connection conn = server.connect(params)) {
        conn.setAutoCommit(false);
        try (PreparedStatement ps = conn.prepareStatement(
            "DECLARE typed CURSOR FOR SELECT i, i * 2.5 AS d, 'row ' || i AS s,"
                + " DATE '2024-01-01' + i::int AS day FROM range(?) t(i) ORDER BY i")) {
          ps.setLong(1, 1000);
          ps.execute();
        }
        long sum = 0;
        int rows = 0;
        try (Statement st = conn.createStatement()) {
          for (int batch = 0; batch < 11; batch++) {
            try (ResultSet rs = st.executeQuery("FETCH FORWARD 100 FROM typed")) {
              while (rs.next()) {
                long i = rs.getLong(1);
                assertEquals(rows, i, params);
                assertEquals(i * 2.5, rs.getDouble(2), 1e-9);
                assertEquals("row " + i, rs.getString(3));
                assertEquals(java.time.LocalDate.of(2024, 1, 1).plusDays(i),
                    rs.getObject(4, java.time.LocalDate.class));
                sum += i;
                rows++;
              }
            }
          }
          assertEquals(1000, rows, params);
          assertEquals(999L * 1000 / 2, sum);
          assertEquals(0, st.executeUpdate("MOVE 5 typed"), "MOVE past the end moves nothing");
        }
        conn.commit();
        // pgjdbc's fetchSize on a FETCH statement: every row arrives, in order
        try (Statement st = conn.createStatement()) {
          st.execute("DECLARE sized CURSOR FOR SELECT range FROM range(250)");
          st.setFetchSize(40);
          long expected = 0;
          try (ResultSet rs = st.executeQuery("FETCH ALL FROM sized")) {
            while (rs.next()) {
              assertEquals(expected++, rs.getLong(1), params);
            }
          }
          assertEquals(250, expected, params);
        }
        conn.commit();
      }
    }
  }

  @Test
  void holdableCursorSurvivesCommitAndInterleavedStatements() throws SQLException {
    try (Connection conn = server.connect(); Statement st = conn.createStatement()) {
      conn.setAutoCommit(false);
      st.execute("DECLARE held CURSOR WITH HOLD FOR SELECT range AS i, repeat('x', 40) || range AS s"
          + " FROM range(400000) ORDER BY range");
      st.execute("DECLARE unheld CURSOR FOR SELECT 1");
      conn.commit();
      assertEquals("34000", assertThrows(SQLException.class,
          () -> st.executeQuery("FETCH unheld")).getSQLState());
      conn.rollback();
      long next = 0;
      while (true) {
        int got = 0;
        try (ResultSet rs = st.executeQuery("FETCH 50000 FROM held")) {
          while (rs.next()) {
            assertEquals(next, rs.getLong(1));
            assertEquals("x".repeat(40) + next, rs.getString(2));
            next++;
            got++;
          }
        }
        // another statement between fetches: the cursor goes on where it stopped
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM range(7)")) {
          assertTrue(rs.next());
          assertEquals(7, rs.getLong(1));
        }
        conn.commit();
        if (got == 0) {
          break;
        }
      }
      assertEquals(400000, next);
      st.execute("CLOSE held");
      conn.commit();
    }
  }

  @Test
  void holdableCursorOfARolledBackTransactionIsGone() throws SQLException {
    try (Connection conn = server.connect(); Statement st = conn.createStatement()) {
      conn.setAutoCommit(false);
      st.execute("DECLARE gone CURSOR WITH HOLD FOR SELECT 1");
      conn.rollback();
      assertEquals("34000", assertThrows(SQLException.class,
          () -> st.executeQuery("FETCH gone")).getSQLState());
      conn.rollback();
      conn.setAutoCommit(true);
      st.execute("DECLARE auto CURSOR WITH HOLD FOR SELECT 7 AS v, 8 AS v");
      try (ResultSet rs = st.executeQuery("FETCH ALL auto")) {
        assertEquals("v", rs.getMetaData().getColumnName(1));
        assertEquals("v", rs.getMetaData().getColumnName(2), "duplicate names as declared");
        assertTrue(rs.next());
        assertEquals(7, rs.getInt(1));
        assertEquals(8, rs.getInt(2));
        assertFalse(rs.next());
      }
      st.execute("CLOSE auto");
    }
  }

  /**
   * A result far larger than the session's memory limit streams through FETCH; the same cursor
   * read with other statements in between must hold its rest in memory, and fails with 54000
   * instead (which shows the limit is real).
   */
  @Test
  void largeResultsStreamThroughFetchWithinTheMemoryLimit() throws SQLException {
    String big = "SELECT range AS i, repeat('y', 100) || range AS s FROM range(3000000)";
    try (Connection conn = server.connect(); Statement st = conn.createStatement()) {
      conn.setAutoCommit(false);
      st.execute("DECLARE big CURSOR FOR " + big);
      long rows = 0;
      long sum = 0;
      while (true) {
        int got = 0;
        try (ResultSet rs = st.executeQuery("FETCH FORWARD 20000 FROM big")) {
          while (rs.next()) {
            sum += rs.getLong(1);
            got++;
          }
        }
        rows += got;
        if (got == 0) {
          break;
        }
      }
      assertEquals(3000000, rows);
      assertEquals(2999999L * 3000000 / 2, sum);
      conn.commit();
      st.execute("DECLARE big2 CURSOR FOR " + big);
      st.executeQuery("FETCH 10 FROM big2").close();
      SQLException e = assertThrows(SQLException.class, () -> st.executeQuery("SELECT 1"));
      assertEquals("54000", e.getSQLState());
      conn.rollback();
    }
  }

  private static byte[] cstr(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.write(b, 0, b.length);
    out.write(0);
    return out.toByteArray();
  }
}
