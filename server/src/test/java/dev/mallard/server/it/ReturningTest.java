package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;

/**
 * INSERT / UPDATE / DELETE ... RETURNING: rows and PostgreSQL's command tags over the simple and
 * the extended protocol (RowDescription at Describe), and pgjdbc's getGeneratedKeys (which
 * appends RETURNING) alone and in batches, in text and binary.
 */
class ReturningTest extends SharedServerTest {
  private static int tables;

  private static String newTable(Statement st) throws SQLException {
    String name = "ret_t" + (++tables);
    st.execute("CREATE SEQUENCE " + name + "_seq");
    st.execute("CREATE TABLE " + name + " (id int8 PRIMARY KEY DEFAULT nextval('" + name
        + "_seq'), name text, score float8)");
    return name;
  }

  @Test
  void commandTagsAndRowsOverTheSimpleProtocol() throws IOException, SQLException {
    String t;
    try (Connection conn = server.connect(); Statement st = conn.createStatement()) {
      t = newTable(st);
    }
    try (RobustnessTest.RawClient c = RobustnessTest.RawClient.loggedIn(server.port)) {
      assertEquals(List.of("T", "D 1|a", "D 2|b", "C INSERT 0 2"), exchange(c,
          "INSERT INTO " + t + " (name) VALUES ('a'), ('b') RETURNING id, name"));
      assertEquals(List.of("T", "D b|2.5", "C UPDATE 1"), exchange(c,
          "UPDATE " + t + " SET score = 2.5 WHERE id = 2 RETURNING name, score"));
      assertEquals(List.of("T", "C UPDATE 0"), exchange(c,
          "UPDATE " + t + " SET score = 1 WHERE id = 99 RETURNING id"));
      assertEquals(List.of("T", "D 1", "D 2", "C DELETE 2"), exchange(c,
          "DELETE FROM " + t + " WHERE id < 3 RETURNING id"));
    }
  }

  /** What one simple Query answered: "T" per RowDescription, "D v|v" per row, "C tag". */
  private static List<String> exchange(RobustnessTest.RawClient c, String sql) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] b = sql.getBytes(StandardCharsets.UTF_8);
    body.write(b, 0, b.length);
    body.write(0);
    c.sendTyped('Q', body.toByteArray());
    List<String> got = new ArrayList<>();
    for (RobustnessTest.RawClient.Message m = c.read(); m.type() != 'Z'; m = c.read()) {
      switch (m.type()) {
        case 'T' -> got.add("T");
        case 'D' -> got.add("D " + String.join("|", values(m.body())));
        case 'C' -> got.add("C " + RobustnessTest.RawClient.cstring(m.body()));
        case 'E' -> got.add("E " + RobustnessTest.RawClient.fields(m.body()).get('C'));
        default -> { }
      }
    }
    return got;
  }

  private static List<String> values(byte[] body) {
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(body);
    int n = buf.getShort();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int len = buf.getInt();
      byte[] v = new byte[Math.max(0, len)];
      buf.get(v);
      out.add(len < 0 ? "NULL" : new String(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void returningOverTheExtendedProtocol() throws SQLException {
    for (String params : List.of("sslmode=disable", "sslmode=disable&prepareThreshold=-1")) {
      try (Connection conn = server.connect(params); Statement st = conn.createStatement()) {
        String t = newTable(st);
        try (PreparedStatement ps = conn.prepareStatement(
            "INSERT INTO " + t + " (name, score) VALUES (?, ?), (?, ?) RETURNING id, name, score")) {
          ps.setString(1, "x");
          ps.setDouble(2, 1.5);
          ps.setString(3, "y");
          ps.setDouble(4, -2);
          // Describe before Execute: the columns are announced by RowDescription
          assertEquals(3, ps.getMetaData().getColumnCount());
          assertEquals("name", ps.getMetaData().getColumnName(2));
          assertTrue(ps.execute());
          try (ResultSet rs = ps.getResultSet()) {
            assertTrue(rs.next());
            assertEquals(1, rs.getLong(1));
            assertEquals("x", rs.getString(2));
            assertEquals(1.5, rs.getDouble(3));
            assertTrue(rs.next());
            assertEquals(2, rs.getLong(1));
            assertEquals(-2.0, rs.getDouble(3));
            assertFalse(rs.next());
          }
        }
        try (PreparedStatement ps = conn.prepareStatement(
            "UPDATE " + t + " SET score = score * ? WHERE name = ? RETURNING id, score")) {
          ps.setDouble(1, 10);
          ps.setString(2, "y");
          try (ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(2, rs.getLong(1));
            assertEquals(-20.0, rs.getDouble(2));
            assertFalse(rs.next());
          }
        }
        try (PreparedStatement ps = conn.prepareStatement(
            "DELETE FROM " + t + " WHERE id = ? RETURNING name")) {
          ps.setLong(1, 1);
          try (ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            assertEquals("x", rs.getString(1));
            assertFalse(rs.next());
          }
        }
      }
    }
  }

  @Test
  void generatedKeysAloneAndInBatches() throws SQLException {
    for (String params : List.of("sslmode=disable", "sslmode=disable&prepareThreshold=-1",
        "sslmode=disable&reWriteBatchedInserts=true")) {
      try (Connection conn = server.connect(params); Statement st = conn.createStatement()) {
        String t = newTable(st);
        try (PreparedStatement ps = conn.prepareStatement(
            "INSERT INTO " + t + " (name) VALUES (?)", new String[] {"id"})) {
          ps.setString(1, "first");
          assertEquals(1, ps.executeUpdate(), params);
          try (ResultSet keys = ps.getGeneratedKeys()) {
            assertTrue(keys.next());
            assertEquals(1, keys.getLong("id"));
            assertFalse(keys.next());
          }
          for (int i = 0; i < 5; i++) {
            ps.setString(1, "batch " + i);
            ps.addBatch();
          }
          int[] counts = ps.executeBatch();
          assertEquals(5, java.util.Arrays.stream(counts).map(c -> c == Statement.SUCCESS_NO_INFO
              ? 1 : c).sum(), params);
          List<Long> ids = new ArrayList<>();
          try (ResultSet keys = ps.getGeneratedKeys()) {
            while (keys.next()) {
              ids.add(keys.getLong(1));
            }
          }
          assertEquals(List.of(2L, 3L, 4L, 5L, 6L), ids, params);
        }
        try (PreparedStatement ps = conn.prepareStatement(
            "INSERT INTO " + t + " (name, score) VALUES (?, 0.25)",
            Statement.RETURN_GENERATED_KEYS)) {
          ps.setString(1, "all columns");
          ps.executeUpdate();
          try (ResultSet keys = ps.getGeneratedKeys()) {
            assertTrue(keys.next());
            assertEquals(7, keys.getLong("id"));
            assertEquals("all columns", keys.getString("name"));
            assertEquals(0.25, keys.getDouble("score"));
          }
        }
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t)) {
          assertTrue(rs.next());
          assertEquals(7, rs.getLong(1));
        }
        int[] updated = st.executeBatch();
        assertArrayEquals(new int[0], updated);
      }
    }
  }
}
