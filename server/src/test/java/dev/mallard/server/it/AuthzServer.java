package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mallard.server.MallardConfig;
import dev.mallard.server.MallardServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.function.Executable;

/**
 * A server with a system catalog in a fresh data directory, for the privilege and sandbox suites:
 * the bootstrap superuser and helpers to run SQL as any role through pgjdbc.
 */
final class AuthzServer implements AutoCloseable {
  static final String SUPERUSER_PASSWORD = "authz-test-secret";
  final Path dataDir;
  final MallardServer server;
  final int port;

  AuthzServer(String name) throws Exception {
    dataDir = Files.createTempDirectory("mallard-" + name);
    MallardConfig d = MallardConfig.defaults();
    MallardConfig config = new MallardConfig("127.0.0.1", 0, dataDir, "postgres", d.tls(),
        d.limits(), List.of(), new MallardConfig.Metrics(null, 0),
        new MallardConfig.DuckDb(TestServer.extensionDirectory()));
    server = new MallardServer(config, SUPERUSER_PASSWORD);
    port = server.start();
  }

  Connection connect(String user, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/postgres?sslmode=disable", p);
  }

  Connection superuser() throws SQLException {
    return connect("postgres", SUPERUSER_PASSWORD);
  }

  void asSuperuser(String... statements) throws SQLException {
    try (Connection c = superuser(); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  PsqlMetaCommandTest.Target psqlTarget(String user, String password) {
    return new PsqlMetaCommandTest.Target(Integer.toString(port), user, password, "postgres");
  }

  static String one(Connection c, String sql) throws SQLException {
    List<String> values = TestServer.column(c, sql);
    return values.isEmpty() ? null : values.get(0);
  }

  static SQLException failure(Executable e) {
    return assertThrows(SQLException.class, e);
  }

  static void run(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
