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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Large results stream in portions; a running query can be cancelled or time out. */
class StreamingAndCancelTest {
  static TestServer server;

  /** A query that runs for many seconds in DuckDB unless interrupted. */
  static final String SLOW_QUERY =
      "SELECT count(*) FROM range(100000000) a, range(1000) b WHERE a.range * b.range % 7 = 3";

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

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
