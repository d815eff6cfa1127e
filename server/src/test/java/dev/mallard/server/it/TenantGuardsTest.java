package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.server.MallardServer;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * DuckDB's own guards on a database created WITH SANDBOX = true: they hold even for a superuser,
 * whom Mallard's statement analysis lets through, while the database works as usual. The
 * server-wide default stays off, so an unguarded database keeps full DuckDB power.
 */
class TenantGuardsTest {
  private static Path dataDir;
  private static Path outside;
  private static MallardServer server;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    dataDir = Files.createTempDirectory("mallard-guards");
    outside = Files.createTempDirectory("mallard-guards-outside");
    Files.writeString(outside.resolve("secret.csv"), "a,b\n1,2\n3,4\n");
    server = DatabasesTest.newServer(dataDir, java.time.Duration.ZERO);
    port = server.start();
    asSuperuser("CREATE DATABASE guarded WITH SANDBOX = true",
        "CREATE DATABASE open_db",
        "CREATE DATABASE guarded_lake WITH TYPE ducklake SANDBOX = on");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Connection connect(String user, String password, String database)
      throws SQLException {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    return java.sql.DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?sslmode=disable", p);
  }

  private static void asSuperuser(String... statements) throws SQLException {
    try (Connection c = connect("postgres", TestServer.PASSWORD, "postgres");
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private static String secret() {
    return outside.resolve("secret.csv").toString();
  }

  @Test
  void superuserCannotReachFilesOutsideAGuardedDatabase() throws Exception {
    try (Connection c = connect("postgres", TestServer.PASSWORD, "guarded")) {
      SQLException read = assertThrows(SQLException.class,
          () -> TestServer.value(c, "SELECT count(*) FROM read_csv('" + secret() + "')"));
      assertEquals("42501", read.getSQLState());
      assertTrue(read.getMessage().contains("disabled by configuration"), read.getMessage());
      Path target = outside.resolve("out.csv");
      assertEquals("42501", DatabasesTest.sqlState(() -> c.createStatement()
          .execute("COPY (SELECT 1) TO '" + target + "' (FORMAT csv)")));
      assertFalse(Files.exists(target));
      assertFalse(DatabasesTest.sqlState(() -> c.createStatement()
          .execute("SET enable_external_access = true")).isEmpty());
      assertFalse(DatabasesTest.sqlState(() -> c.createStatement()
          .execute("SET allowed_directories = ['/']")).isEmpty());
      assertEquals("false", TestServer.value(c,
          "SELECT value FROM duckdb_settings() WHERE name = 'enable_external_access'"));
    }
  }

  @Test
  void guardedDatabaseWorksAsUsual() throws Exception {
    try (Connection c = connect("postgres", TestServer.PASSWORD, "guarded"); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE items (id int, name text)");
      long copied = ((PGConnection) c).getCopyAPI()
          .copyIn("COPY items FROM STDIN (FORMAT csv)", new StringReader("1,one\n2,two\n"));
      assertEquals(2, copied);
      assertEquals("2", TestServer.value(c, "SELECT count(*) FROM items"));
      // What psql's \dt asks.
      assertEquals("items", TestServer.value(c, "SELECT c.relname FROM pg_catalog.pg_class c"
          + " LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE c.relkind IN ('r','p') AND n.nspname <> 'pg_catalog'"
          + " AND n.nspname !~ '^pg_toast' AND n.nspname <> 'information_schema'"
          + " AND pg_catalog.pg_table_is_visible(c.oid) ORDER BY 1"));
      s.execute("SET TimeZone = 'Europe/Paris'");
      assertEquals("Europe/Paris", TestServer.value(c, "SHOW TimeZone"));
    }
  }

  @Test
  void unguardedDatabaseKeepsFullPowerForSuperusers() throws Exception {
    try (Connection c = connect("postgres", TestServer.PASSWORD, "open_db")) {
      assertEquals("2", TestServer.value(c,
          "SELECT count(*) FROM read_csv('" + secret() + "')"));
    }
  }

  @Test
  void guardedDuckLakeStillWorks() throws Exception {
    try (Connection c = connect("postgres", TestServer.PASSWORD, "guarded_lake"); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE lake_items AS SELECT range AS id FROM range(5)");
      s.execute("INSERT INTO lake_items VALUES (5)");
      assertEquals("6", TestServer.value(c, "SELECT count(*) FROM lake_items"));
      assertEquals("42501", DatabasesTest.sqlState(
          () -> TestServer.value(c, "SELECT count(*) FROM read_csv('" + secret() + "')")));
    }
  }

  @Test
  void sandboxChangeTakesEffectWhenTheInstanceReopens() throws Exception {
    asSuperuser("CREATE DATABASE toggled");
    try (Connection c = connect("postgres", TestServer.PASSWORD, "toggled"); Statement s = c.createStatement()) {
      s.execute("ALTER DATABASE toggled SET sandbox = on");
      SQLWarning notice = s.getWarnings();
      assertTrue(notice != null && notice.getMessage().contains("reopens"), String.valueOf(notice));
      // Still the unguarded instance while this session lives.
      assertEquals("2", TestServer.value(c, "SELECT count(*) FROM read_csv('" + secret() + "')"));
    }
    assertEquals("SQLSTATE 42501", readSecretOnceReopened("toggled", "SQLSTATE 42501"));
    asSuperuser("ALTER DATABASE toggled SET sandbox = off");
    assertEquals("2", readSecretOnceReopened("toggled", "2"));
  }

  /**
   * Reads the secret file in a new session of {@code database}: its count, or the SQLSTATE that
   * refused it. The server releases the instance when the last session's close has been handled,
   * which may come after the client returned from close(); a session arriving before that shares
   * the old instance, so this tries again for a few seconds until {@code expected} comes.
   */
  private static String readSecretOnceReopened(String database, String expected)
      throws Exception {
    String got = null;
    for (int attempt = 0; attempt < 50 && !expected.equals(got); attempt++) {
      if (attempt > 0) {
        Thread.sleep(100);
      }
      try (Connection c = connect("postgres", TestServer.PASSWORD, database)) {
        got = TestServer.value(c, "SELECT count(*) FROM read_csv('" + secret() + "')");
      } catch (SQLException e) {
        got = "SQLSTATE " + e.getSQLState();
      }
    }
    return got;
  }

  @Test
  void memoryLimitStillChangesOnAGuardedDatabase() throws Exception {
    asSuperuser("ALTER DATABASE guarded SET memory_limit = '512MB'");
    try (Connection c = connect("postgres", TestServer.PASSWORD, "guarded")) {
      assertTrue(TestServer.value(c, "SELECT value FROM duckdb_settings() WHERE name = 'memory_limit'")
          .startsWith("488"), "512MB as DuckDB shows it");
    }
  }

  @Test
  void onlySuperusersChooseTheSandbox() throws Exception {
    asSuperuser("CREATE ROLE guard_owner LOGIN CREATEDB PASSWORD 'pw'");
    try (Connection c = connect("guard_owner", "pw", "postgres");
        Statement s = c.createStatement()) {
      assertEquals("42501", DatabasesTest.sqlState(
          () -> s.execute("CREATE DATABASE mine WITH SANDBOX = false")));
      s.execute("CREATE DATABASE mine");
      assertEquals("42501", DatabasesTest.sqlState(
          () -> s.execute("ALTER DATABASE mine SET sandbox = off")));
    }
    assertEquals("42601", DatabasesTest.sqlState(
        () -> asSuperuser("ALTER DATABASE mine SET sandbox = maybe")));
  }
}
