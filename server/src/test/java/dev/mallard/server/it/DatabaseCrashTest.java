package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Crash safety of database changes: a server process is killed with SIGKILL while a client
 * creates, renames and drops databases, again and again; after each restart the system catalog
 * and the data directory agree: every database listed can be connected to and holds what was
 * committed in it, and no DuckDB file is left without its database.
 */
class DatabaseCrashTest {
  private static final String PASSWORD = "crash-test-secret";

  @Test
  void killedDuringDatabaseChangesTheCatalogStaysConsistent() throws Exception {
    Path dir = Files.createTempDirectory("mallard-crash");
    Random random = new Random(42);
    for (int round = 0; round < 3; round++) {
      try (ServerProcess server = ServerProcess.start(dir, PASSWORD)) {
        assertConsistent(server.port, dir);
        Thread client = new Thread(() -> churn(server.port, random.nextInt(1000)));
        client.start();
        Thread.sleep(1500 + random.nextInt(3000));
        server.kill(); // SIGKILL: no shutdown hook, no checkpoint
      }
    }
    try (ServerProcess server = ServerProcess.start(dir, PASSWORD)) {
      assertConsistent(server.port, dir);
      try (Connection c = connect(server.port, "postgres")) {
        assertTrue(TestServer.column(c, "SELECT datname FROM pg_database").size() >= 3,
            "the rounds changed databases before they were killed");
      }
    }
  }

  /** Creates, fills, renames and drops databases until the server dies. */
  private static void churn(int port, int seed) {
    try (Connection c = connect(port, "postgres"); Statement s = c.createStatement()) {
      for (int i = 0; ; i++) {
        String name = "db_" + seed + "_" + i;
        s.execute("CREATE DATABASE " + name);
        try (Connection t = connect(port, name); Statement ts = t.createStatement()) {
          ts.execute("CREATE TABLE marker AS SELECT '" + name + "' AS name");
        }
        if (i % 3 == 1) {
          s.execute("ALTER DATABASE " + name + " RENAME TO " + name + "_r");
        } else if (i % 3 == 2) {
          s.execute("DROP DATABASE " + name);
        }
      }
    } catch (SQLException e) {
      // the server was killed: what matters is what the restart finds
    }
  }

  private static void assertConsistent(int port, Path dir) throws Exception {
    Set<String> listed;
    try (Connection c = connect(port, "postgres")) {
      listed = new TreeSet<>(TestServer.column(c, "SELECT datname FROM pg_database"));
    }
    Set<String> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
    for (String f : files) {
      assertTrue(!f.contains(".dropped-"), "an interrupted drop was finished: " + f);
      if (f.endsWith(".duckdb")) {
        assertTrue(listed.contains(f.substring(0, f.length() - 7)), f + " has its database");
      }
    }
    for (String name : listed) {
      try (Connection c = connect(port, name)) {
        List<String> markers = TestServer.column(c, "SELECT table_name FROM duckdb_tables()"
            + " WHERE table_name = 'marker'");
        if (!markers.isEmpty()) { // a database killed before its table was made has none
          String marker = TestServer.value(c, "SELECT name FROM marker");
          assertTrue(name.equals(marker) || name.equals(marker + "_r"), name + " holds " + marker);
        }
      }
    }
    assertTrue(listed.contains("postgres"));
  }

  private static Connection connect(int port, String database) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "postgres");
    p.setProperty("password", PASSWORD);
    p.setProperty("sslmode", "disable");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, p);
  }
}
