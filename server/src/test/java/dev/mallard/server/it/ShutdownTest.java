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

/** Graceful shutdown: running queries finish, then sessions end with 57P01 and the port closes. */
class ShutdownTest {

  @Test
  void runningQueryFinishesThenSessionsAreTerminated() throws Exception {
    TestServer server = TestServer.start();
    try (Connection busy = server.connect(); Connection idle = server.connect()) {
      Statement s = busy.createStatement();
      CompletableFuture<Long> running = CompletableFuture.supplyAsync(() -> {
        try (ResultSet rs = s.executeQuery(
            "SELECT count(*) FROM range(60000000) a WHERE (a.range * 31) % 11 = 4")) {
          rs.next();
          return rs.getLong(1);
        } catch (SQLException e) {
          throw new RuntimeException(e);
        }
      });
      Thread.sleep(200);
      server.close();
      assertEquals(5454545L, running.get(60, TimeUnit.SECONDS), "the running query completed");
      SQLException e = assertThrows(SQLException.class, () -> {
        try (Statement t = idle.createStatement()) {
          t.executeQuery("SELECT 1");
        }
      });
      assertTrue(e.getSQLState().equals("57P01") || e.getSQLState().startsWith("08"), e.getSQLState());
      assertThrows(SQLException.class, server::connect, "no new connections after shutdown");
    }
  }
}
