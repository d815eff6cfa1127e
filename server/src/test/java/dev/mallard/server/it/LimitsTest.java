package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.server.MallardConfig;
import java.io.DataOutputStream;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** Connection limits, idle-session timeout, required TLS and cancel keys. */
class LimitsTest {

  static MallardConfig.Limits limits(int maxConnections, Duration idle) {
    MallardConfig.Limits d = MallardConfig.Limits.defaults();
    return new MallardConfig.Limits(maxConnections, d.maxMessageSizeBytes(), idle,
        d.shutdownGrace(), d.workerThreads(), d.arrowMemoryLimitBytes(), d.perSessionMemoryLimitBytes());
  }

  @Test
  void connectionsBeyondTheLimitGet53300() throws SQLException {
    try (TestServer server = TestServer.start(limits(2, Duration.ZERO), MallardConfig.Tls.defaults());
        Connection a = server.connect();
        Connection b = server.connect()) {
      SQLException e = assertThrows(SQLException.class, server::connect);
      assertEquals("53300", e.getSQLState());
      a.close();
      // a slot is free again once a session ends
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      Connection c = null;
      while (c == null) {
        try {
          c = server.connect();
        } catch (SQLException retry) {
          assertTrue(System.nanoTime() < deadline, "slot was not released");
        }
      }
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
        assertTrue(rs.next());
      }
      c.close();
    }
  }

  @Test
  void idleSessionsAreClosed() throws Exception {
    // 2 s, not less: the same limit bounds the login, which a loaded 2-core machine can slow
    try (TestServer server = TestServer.start(limits(10, Duration.ofSeconds(2)), MallardConfig.Tls.defaults());
        Connection c = server.connect()) {
      Thread.sleep(4000);
      SQLException e = assertThrows(SQLException.class, () -> {
        try (Statement s = c.createStatement()) {
          s.executeQuery("SELECT 1");
        }
      });
      assertTrue(e.getSQLState().startsWith("08") || e.getSQLState().equals("57P05"), e.getSQLState());
    }
  }

  @Test
  void idleInTransactionTimeoutEndsTheSession() throws Exception {
    try (TestServer server = TestServer.start(); Connection c = server.connect()) {
      try (Statement s = c.createStatement()) {
        s.execute("SET idle_in_transaction_session_timeout = '300ms'");
        Thread.sleep(600); // idle outside a transaction: this timeout does not apply
        s.execute("SELECT 1");
      }
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SELECT 1");
      }
      Thread.sleep(1500);
      SQLException e = assertThrows(SQLException.class, () -> {
        try (Statement s = c.createStatement()) {
          s.executeQuery("SELECT 1");
        }
      });
      assertTrue(e.getSQLState().equals("25P03") || e.getSQLState().startsWith("08"), e.getSQLState());
    }
  }

  @Test
  void requiredTlsRefusesPlainConnections() throws SQLException {
    MallardConfig.Tls require = new MallardConfig.Tls(MallardConfig.TlsMode.REQUIRE, null, null, false);
    try (TestServer server = TestServer.start(MallardConfig.Limits.defaults(), require)) {
      SQLException e = assertThrows(SQLException.class, () -> server.connect("sslmode=disable"));
      assertEquals("28000", e.getSQLState());
      try (Connection c = server.connect("sslmode=require"); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT 'tls'")) {
        assertTrue(rs.next());
        assertEquals("tls", rs.getString(1));
      }
    }
  }

  @Test
  void cancelWithAWrongKeyDoesNothing() throws Exception {
    try (TestServer server = TestServer.start(); Connection c = server.connect();
        Statement s = c.createStatement()) {
      int pid = c.unwrap(PGConnection.class).getBackendPID();
      CompletableFuture<Long> result = CompletableFuture.supplyAsync(() -> {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM range(30000000) a WHERE a.range % 7 = 3")) {
          rs.next();
          return rs.getLong(1);
        } catch (SQLException e) {
          throw new RuntimeException(e);
        }
      });
      Thread.sleep(100);
      try (Socket socket = new Socket("127.0.0.1", server.port)) {
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeInt(16);
        out.writeInt(80877102);
        out.writeInt(pid);
        out.writeInt(0x5eed); // not this session's key
        out.flush();
        assertEquals(-1, socket.getInputStream().read(), "the server closes a cancel connection");
      }
      assertEquals(4285714L, result.get(60, TimeUnit.SECONDS));
    }
  }
}
