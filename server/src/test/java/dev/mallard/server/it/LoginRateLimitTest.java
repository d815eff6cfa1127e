package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.server.MallardConfig;
import dev.mallard.server.MallardServer;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failed-login rate limiting through pgjdbc over real sockets. Each test connects from its own
 * loopback address (pgjdbc's localSocketAddress binds the client side to 127.0.0.x, and the server
 * sees that as the client's address), so the tests' bans stay apart.
 */
class LoginRateLimitTest {
  static final String PASSWORD = "rate-limit-secret";
  static final Duration BAN = Duration.ofSeconds(2);
  /** Three failures within a minute ban an address for two seconds. */
  static MallardServer strict;
  static int strictPort;
  /** Two failures within three seconds ban an address: for the window test. */
  static MallardServer narrow;
  static int narrowPort;

  @BeforeAll
  static void start() throws Exception {
    strict = server(new MallardConfig.LoginRateLimit(3, Duration.ofMinutes(1), BAN, 1000));
    strictPort = strict.start();
    narrow = server(new MallardConfig.LoginRateLimit(
        2, Duration.ofSeconds(3), Duration.ofMinutes(1), 1000));
    narrowPort = narrow.start();
  }

  @AfterAll
  static void stop() {
    strict.close();
    narrow.close();
  }

  static MallardServer server(MallardConfig.LoginRateLimit limit) throws Exception {
    MallardConfig d = MallardConfig.defaults();
    MallardConfig config = new MallardConfig("127.0.0.1", 0,
        Files.createTempDirectory("mallard-ratelimit"), "postgres", d.tls(), d.limits(),
        d.users(), new MallardConfig.Metrics(null, null),
        new MallardConfig.DuckDb(TestServer.extensionDirectory()), limit);
    return new MallardServer(config, PASSWORD);
  }

  static Connection connect(int port, String from, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "postgres");
    p.setProperty("password", password);
    p.setProperty("localSocketAddress", from);
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/postgres?sslmode=disable", p);
  }

  static String sqlState(int port, String from, String password) {
    return assertThrows(SQLException.class, () -> connect(port, from, password).close())
        .getSQLState();
  }

  static void assertLogsIn(int port, String from) throws SQLException {
    try (Connection c = connect(port, from, PASSWORD);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 40 + 2")) {
      rs.next();
      assertEquals(42, rs.getInt(1));
    }
  }

  @Test
  void bannedAfterMaxFailuresEvenWithTheRightPassword() throws Exception {
    String from = "127.0.0.11";
    for (int i = 0; i < 3; i++) {
      assertEquals("28P01", sqlState(strictPort, from, "wrong-" + i));
    }
    SQLException banned =
        assertThrows(SQLException.class, () -> connect(strictPort, from, PASSWORD));
    assertEquals("28000", banned.getSQLState());
    assertTrue(banned.getMessage().contains("too many failed login attempts from host \"" + from),
        banned.getMessage());
    // another address is not affected, during the ban
    assertLogsIn(strictPort, "127.0.0.12");
    Thread.sleep(BAN.toMillis() + 200);
    assertLogsIn(strictPort, from);
  }

  @Test
  void aSuccessfulLoginDoesNotClearTheFailures() throws Exception {
    String from = "127.0.0.13";
    assertEquals("28P01", sqlState(strictPort, from, "wrong"));
    assertEquals("28P01", sqlState(strictPort, from, "wrong"));
    assertLogsIn(strictPort, from);
    assertEquals("28P01", sqlState(strictPort, from, "wrong"));
    assertEquals("28000", sqlState(strictPort, from, PASSWORD));
  }

  @Test
  void unknownUsersCountAsFailures() throws Exception {
    String from = "127.0.0.14";
    Properties p = new Properties();
    p.setProperty("password", "guess");
    p.setProperty("localSocketAddress", from);
    for (String user : new String[] {"nobody", "admin", "root"}) {
      p.setProperty("user", user);
      SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(
          "jdbc:postgresql://127.0.0.1:" + strictPort + "/postgres?sslmode=disable", p));
      assertEquals("28P01", e.getSQLState());
    }
    assertEquals("28000", sqlState(strictPort, from, PASSWORD));
  }

  @Test
  void failuresOutsideTheWindowDoNotBan() throws Exception {
    String from = "127.0.0.15";
    assertEquals("28P01", sqlState(narrowPort, from, "wrong"));
    Thread.sleep(3300); // the first failure leaves the three-second window
    assertEquals("28P01", sqlState(narrowPort, from, "wrong"));
    assertLogsIn(narrowPort, from);
    assertEquals("28P01", sqlState(narrowPort, from, "wrong")); // two within the window now
    assertEquals("28000", sqlState(narrowPort, from, PASSWORD));
  }
}
