package dev.mallard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts a real server on a free port and talks to it with pgjdbc. */
class ServerStartupTest {
  private static final String PASSWORD = "startup-test-pw";

  @TempDir Path dataDir;
  @TempDir Path otherDataDir;

  private MallardConfig config(int port) {
    return config(port, dataDir);
  }

  private MallardConfig config(int port, Path dataDir) {
    MallardConfig d = MallardConfig.defaults();
    MallardConfig.Limits l = d.limits();
    MallardConfig.Limits limits =
        new MallardConfig.Limits(
            10, l.maxMessageSizeBytes(), Duration.ZERO, Duration.ofSeconds(2), 4,
            64L << 20, 16L << 20);
    return new MallardConfig(
        "127.0.0.1", port, dataDir, "postgres", d.tls(), limits,
        List.of(new MallardConfig.User("alice", "alice-pw", null, false)));
  }

  private static String url(int port, String user, String password, String sslmode) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + user + "&password="
        + password + "&sslmode=" + sslmode;
  }

  private static int selectOne(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      assertTrue(rs.next());
      return rs.getInt(1);
    }
  }

  @Test
  void startsServesAndStops() throws Exception {
    int port;
    try (MallardServer server = new MallardServer(config(0), PASSWORD)) {
      port = server.start();
      assertTrue(port > 0);

      assertEquals(1, selectOne(url(port, "postgres", PASSWORD, "disable")));
      assertEquals(1, selectOne(url(port, "postgres", PASSWORD, "require")));
      assertEquals(1, selectOne(url(port, "alice", "alice-pw", "disable")));
      assertThrows(SQLException.class, () -> selectOne(url(port, "postgres", "wrong", "disable")));

      assertTrue(Files.exists(dataDir.resolve("tls/server.crt")), "self-signed certificate");
      assertEquals(PASSWORD, Files.readString(dataDir.resolve("postgres.password")).strip());
    }
    assertThrows(SQLException.class, () -> selectOne(url(port, "postgres", PASSWORD, "disable")));
  }

  @Test
  void portInUseIsABindException() throws Exception {
    try (MallardServer first = new MallardServer(config(0), PASSWORD)) {
      int port = first.start();
      MallardServer second = new MallardServer(config(port, otherDataDir), PASSWORD);
      BindException e = assertThrows(BindException.class, second::start);
      assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
      second.close();
      second.awaitClosed();
    }
  }
}
