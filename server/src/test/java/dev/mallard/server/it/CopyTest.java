package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;

/** COPY FROM STDIN and TO STDOUT through pgjdbc's CopyManager, in text, CSV and binary. */
class CopyTest extends SharedServerTest {
  static CopyManager copy(Connection c) throws SQLException {
    return c.unwrap(PGConnection.class).getCopyAPI();
  }

  static String copyOut(Connection c, String sql) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    copy(c).copyOut(sql, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void textRoundTripWithEscapesAndNulls() throws Exception {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE copy_text(id INTEGER, name VARCHAR, ok BOOLEAN, d DATE, amount DECIMAL(10,2))");
      String data = "1\tplain\tt\t2024-01-02\t1.50\n"
          + "2\ttab\\there\tf\t2024-02-03\t-2.25\n"
          + "3\t\\N\t\\N\t\\N\t\\N\n"
          + "4\tline\\nbreak \\\\ slash\ttrue\t1999-12-31\t0.00\n";
      long n = copy(c).copyIn("COPY copy_text FROM STDIN", new StringReader(data));
      assertEquals(4, n);
      try (ResultSet rs = s.executeQuery("SELECT name, ok FROM copy_text WHERE id = 2")) {
        assertTrue(rs.next());
        assertEquals("tab\there", rs.getString(1));
        assertEquals(false, rs.getBoolean(2));
      }
      String expected = "1\tplain\tt\t2024-01-02\t1.50\n"
          + "2\ttab\\there\tf\t2024-02-03\t-2.25\n"
          + "3\t\\N\t\\N\t\\N\t\\N\n"
          + "4\tline\\nbreak \\\\ slash\tt\t1999-12-31\t0.00\n";
      assertEquals(expected, copyOut(c, "COPY (SELECT * FROM copy_text ORDER BY id) TO STDOUT"));
    }
  }

  @Test
  void csvWithHeaderQuotesAndOptions() throws Exception {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE copy_csv(id INTEGER, note VARCHAR)");
      String data = "id,note\n1,\"hello, world\"\n2,\"say \"\"hi\"\"\"\n3,\n4,\"\"\n5,\"multi\nline\"\n";
      long n = copy(c).copyIn("COPY copy_csv FROM STDIN WITH (FORMAT csv, HEADER true)", new StringReader(data));
      assertEquals(5, n);
      try (ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE note IS NULL), max(note) FILTER (WHERE id = 2) FROM copy_csv")) {
        assertTrue(rs.next());
        assertEquals(1, rs.getInt(1), "unquoted empty is NULL, quoted empty is not");
        assertEquals("say \"hi\"", rs.getString(2));
      }
      String out = copyOut(c, "COPY (SELECT * FROM copy_csv ORDER BY id) TO STDOUT WITH CSV HEADER");
      assertEquals("id,note\n1,\"hello, world\"\n2,\"say \"\"hi\"\"\"\n3,\n4,\"\"\n5,\"multi\nline\"\n", out);
      String semi = copyOut(c, "COPY (SELECT id, note FROM copy_csv WHERE id = 1) TO STDOUT WITH (FORMAT csv, DELIMITER ';', FORCE_QUOTE *)");
      assertEquals("\"1\";\"hello, world\"\n", semi);
    }
  }

  @Test
  void columnListLeavesOtherColumnsAtTheirDefault() throws Exception {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE copy_cols(id INTEGER, label VARCHAR DEFAULT 'none', qty INTEGER)");
      copy(c).copyIn("COPY copy_cols (qty, id) FROM STDIN", new StringReader("10\t1\n20\t2\n"));
      assertEquals("1\tnone\t10\n2\tnone\t20\n", copyOut(c, "COPY (SELECT * FROM copy_cols ORDER BY id) TO STDOUT"));
      assertEquals("10\n20\n", copyOut(c, "COPY copy_cols (qty) TO STDOUT"));
    }
  }

  @Test
  void binaryFormatRoundTrips() throws Exception {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE copy_bin_src AS SELECT range::INTEGER AS i, 'v' || range AS t, (range * 1.5)::DOUBLE AS f, DATE '2024-01-01' + range::INTEGER AS d FROM range(1000)");
      s.execute("CREATE TABLE copy_bin_dst(i INTEGER, t VARCHAR, f DOUBLE, d DATE)");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long written = copy(c).copyOut("COPY copy_bin_src TO STDOUT (FORMAT binary)", out);
      assertEquals(1000, written);
      byte[] bytes = out.toByteArray();
      assertArrayEquals("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1),
          java.util.Arrays.copyOf(bytes, 11));
      long read = copy(c).copyIn("COPY copy_bin_dst FROM STDIN WITH (FORMAT binary)", new ByteArrayInputStream(bytes));
      assertEquals(1000, read);
      try (ResultSet rs = s.executeQuery(
          "SELECT count(*) FROM copy_bin_src a JOIN copy_bin_dst b USING (i) WHERE a.t = b.t AND a.f = b.f AND a.d = b.d")) {
        assertTrue(rs.next());
        assertEquals(1000, rs.getInt(1));
      }
    }
  }

  @Test
  void binaryTimestampsAtWholeMinutesRoundTrip() throws Exception {
    // pgx's CopyFrom sends binary timestamps; a value at :00 seconds once lost its seconds.
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      s.execute("CREATE TABLE copy_ts_src AS SELECT TIMESTAMPTZ '2024-05-06 07:09:00+00' AS tz,"
          + " TIMESTAMP '2024-05-06 07:09:00' AS ts, TIME '07:09:00' AS t"
          + " UNION ALL SELECT TIMESTAMPTZ '2024-05-06 07:09:01.5+00', TIMESTAMP '2024-05-06 07:09:01.5',"
          + " TIME '07:09:01.5'");
      s.execute("CREATE TABLE copy_ts_dst (tz TIMESTAMPTZ, ts TIMESTAMP, t TIME)");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      copy(c).copyOut("COPY copy_ts_src TO STDOUT (FORMAT binary)", out);
      assertEquals(2, copy(c).copyIn("COPY copy_ts_dst FROM STDIN (FORMAT binary)",
          new ByteArrayInputStream(out.toByteArray())));
      assertEquals("2024-05-06 07:09:00+00\t2024-05-06 07:09:00\t07:09:00\n"
              + "2024-05-06 07:09:01.5+00\t2024-05-06 07:09:01.5\t07:09:01.5\n",
          copyOut(c, "COPY (SELECT * FROM copy_ts_dst ORDER BY tz) TO STDOUT"));
    }
  }

  @Test
  void malformedRowFailsWith22P04AndKeepsNothing() throws Exception {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE copy_bad(a INTEGER, b VARCHAR)");
      PSQLException e = assertThrows(PSQLException.class, () -> copy(c).copyIn(
          "COPY copy_bad FROM STDIN", new StringReader("1\tx\n2\ty\n3\n4\tz\n")));
      assertEquals("22P04", e.getSQLState());
      assertTrue(e.getServerErrorMessage().getWhere().contains("line 3"), e.getServerErrorMessage().getWhere());
      PSQLException bad = assertThrows(PSQLException.class, () -> copy(c).copyIn(
          "COPY copy_bad FROM STDIN", new StringReader("1\tx\nnot-a-number\ty\n")));
      assertEquals("22P02", bad.getSQLState());
      assertTrue(bad.getServerErrorMessage().getWhere().contains("line 2"), bad.getServerErrorMessage().getWhere());
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM copy_bad")) {
        assertTrue(rs.next());
        assertEquals(0, rs.getInt(1), "a failed COPY keeps none of its rows");
      }
      // the session still works
      assertEquals(2, copy(c).copyIn("COPY copy_bad FROM STDIN", new StringReader("1\tx\n2\ty\n")));
    }
  }

  @Test
  void largeCopyInStreams() throws Exception {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE copy_big(i BIGINT, s VARCHAR)");
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 200_000; i++) {
        sb.append(i).append('\t').append("row-").append(i).append('\n');
      }
      assertEquals(200_000, copy(c).copyIn("COPY copy_big FROM STDIN", new StringReader(sb.toString())));
      try (ResultSet rs = s.executeQuery("SELECT sum(i), count(DISTINCT s) FROM copy_big")) {
        assertTrue(rs.next());
        assertEquals(199_999L * 200_000 / 2, rs.getLong(1));
        assertEquals(200_000, rs.getLong(2));
      }
    }
  }
}
