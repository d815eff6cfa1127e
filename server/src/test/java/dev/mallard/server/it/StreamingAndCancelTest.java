package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Large results stream in portions; a running query can be cancelled or time out. */
class StreamingAndCancelTest extends SharedServerTest {
  /** A query that runs for many seconds in DuckDB unless interrupted. */
  static final String SLOW_QUERY =
      "SELECT count(*) FROM range(100000000) a, range(1000) b WHERE a.range * b.range % 7 = 3";

  @Test
  void fetchSizeStreamsAMillionRowsInsideATransaction() throws SQLException {
    try (Connection c = server.connect("sslmode=disable&binaryTransfer=true")) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.setFetchSize(1000);
        long count = 0;
        long sum = 0;
        try (ResultSet rs = s.executeQuery("SELECT range AS i, 'row ' || range AS label FROM range(1000000)")) {
          while (rs.next()) {
            sum += rs.getLong(1);
            if (count == 999_999) {
              assertEquals("row 999999", rs.getString(2));
            }
            count++;
          }
        }
        assertEquals(1_000_000, count);
        assertEquals(999_999L * 1_000_000 / 2, sum);
      }
      c.commit();
    }
  }

  /**
   * Several sessions stream at once, with and without TLS, in text and binary, while some of them
   * run other statements on the same connection between fetches (which take back rows offered to
   * the event loop, see ExpressLane): every session reads every row once, in order, with the
   * values it asked for.
   */
  @Test
  void concurrentStreamsWithStatementsBetweenFetchesKeepEveryRowInOrder() throws Exception {
    String query = "SELECT range AS i, range * 0.5 AS half, 'row ' || range AS label,"
        + " TIMESTAMPTZ '2024-01-01 00:00:00+00' + range * INTERVAL '1 second' AS ts"
        + " FROM range(60000)";
    double sentAheadBefore = server.metric("mallard_executes_sent_ahead_total");
    java.util.List<CompletableFuture<Long>> streams = new java.util.ArrayList<>();
    for (int n = 0; n < 6; n++) {
      int session = n;
      streams.add(CompletableFuture.supplyAsync(() -> {
        String params = (session % 2 == 0 ? "sslmode=require" : "sslmode=disable")
            + (session % 3 == 0 ? "&prepareThreshold=-1&binaryTransfer=true" : "");
        try (Connection c = server.connect(params)) {
          c.setAutoCommit(false);
          try (Statement s = c.createStatement(); Statement other = c.createStatement()) {
            s.setFetchSize(700);
            long expected = 0;
            try (ResultSet rs = s.executeQuery(query)) {
              while (rs.next()) {
                assertEquals(expected, rs.getLong(1), "session " + session);
                assertEquals(expected * 0.5, rs.getBigDecimal(2).doubleValue());
                assertEquals("row " + expected, rs.getString(3));
                assertEquals(java.time.Instant.parse("2024-01-01T00:00:00Z").plusSeconds(expected),
                    rs.getObject(4, java.time.OffsetDateTime.class).toInstant());
                expected++;
                if (session % 2 == 1 && expected % 7000 == 0) {
                  // between fetches: a query, and a setting that changes how rows are encoded
                  try (ResultSet one = other.executeQuery("SELECT " + expected)) {
                    assertTrue(one.next());
                    assertEquals(expected, one.getLong(1));
                  }
                  String zone = expected % 14000 == 0 ? "UTC" : "Asia/Tokyo";
                  other.execute("SET TimeZone = '" + zone + "'");
                }
              }
            }
            c.commit();
            return expected;
          }
        } catch (SQLException e) {
          throw new java.util.concurrent.CompletionException(e);
        }
      }));
    }
    for (CompletableFuture<Long> stream : streams) {
      assertEquals(60000L, stream.get(120, TimeUnit.SECONDS));
    }
    // some of those fetches were answered on the event loop, from rows encoded ahead
    assertTrue(server.metric("mallard_executes_sent_ahead_total") > sentAheadBefore);
  }

  @Test
  void cancelStopsARunningQueryWith57014() throws Exception {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      CompletableFuture<SQLException> failure = CompletableFuture.supplyAsync(() -> {
        try {
          s.executeQuery(SLOW_QUERY);
          return null;
        } catch (SQLException e) {
          return e;
        }
      });
      Thread.sleep(500);
      s.cancel();
      SQLException e = failure.get(30, TimeUnit.SECONDS);
      assertEquals("57014", e.getSQLState());
      assertTrue(e.getMessage().contains("user request"), e.getMessage());
      try (ResultSet rs = s.executeQuery("SELECT 1")) {
        assertTrue(rs.next(), "the session works after a cancel");
      }
    }
  }

  @Test
  void statementTimeoutCancelsWith57014() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("SET statement_timeout = '300ms'");
      long start = System.nanoTime();
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(SLOW_QUERY));
      assertEquals("57014", e.getSQLState());
      assertTrue(e.getMessage().contains("statement timeout"), e.getMessage());
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20));
      s.execute("SET statement_timeout = 0");
      try (ResultSet rs = s.executeQuery("SELECT 2")) {
        assertTrue(rs.next());
        assertEquals(2, rs.getInt(1));
      }
    }
  }

  @Test
  void cancelStopsAResultWhileItStreams() throws Exception {
    try (Connection c = server.connect()) {
      c.setAutoCommit(false);
      Statement s = c.createStatement();
      s.setFetchSize(5);
      CompletableFuture<SQLException> failure = CompletableFuture.supplyAsync(() -> {
        try (ResultSet rs = s.executeQuery(
            "SELECT range FROM range(100000000000) WHERE hash(range) % 1000000 = 7")) {
          while (rs.next()) {
            // each fetch makes DuckDB scan on until it finds five more rows
          }
          return null;
        } catch (SQLException e) {
          return e;
        }
      });
      Thread.sleep(1000);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!failure.isDone() && System.nanoTime() < deadline) {
        s.cancel(); // a cancel that lands between two fetches finds nothing running, as in PostgreSQL
        Thread.sleep(300);
      }
      SQLException e = failure.get(1, TimeUnit.SECONDS);
      assertEquals("57014", e.getSQLState());
      c.rollback();
      try (ResultSet rs = s.executeQuery("SELECT 3")) {
        assertTrue(rs.next());
        assertEquals(3, rs.getInt(1));
      }
    }
  }
}
