package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.server.MallardConfig;
import dev.mallard.server.MallardServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.postgresql.util.PSQLException;

/**
 * Databases as tenants through pgjdbc and psql over real sockets: CREATE, DROP and ALTER
 * DATABASE with PostgreSQL's rules and SQLSTATEs, per-database connection limits and settings,
 * \l and pg_database from the system catalog, idle instances closing, DuckDB files from before
 * the system catalog adopted, and everything surviving a restart.
 */
class DatabasesTest {
  static final String PASSWORD = TestServer.PASSWORD;
  static Path dataDir;
  static MallardServer server;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    dataDir = Files.createTempDirectory("mallard-databases");
    // A DuckDB file made before the system catalog existed: it must be served as a database.
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dataDir.resolve("legacy.duckdb"));
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE kept AS SELECT 42 AS answer");
    }
    startServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static void startServer() throws Exception {
    server = newServer(dataDir, MallardConfig.DuckDb.DEFAULT_TENANT_IDLE_TIMEOUT);
    port = server.start();
  }

  static MallardServer newServer(Path dir, Duration idleTimeout) {
    MallardConfig d = MallardConfig.defaults();
    MallardConfig config = new MallardConfig("127.0.0.1", 0, dir, "postgres", d.tls(),
        d.limits(), List.of(), new MallardConfig.Metrics(null, 0),
        new MallardConfig.DuckDb(TestServer.extensionDirectory(), idleTimeout, null));
    return new MallardServer(config, PASSWORD);
  }

  static Connection connect(String database, String user, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?sslmode=disable", p);
  }

  static Connection superuser(String database) throws SQLException {
    return connect(database, "postgres", PASSWORD);
  }

  static void asSuperuser(String... statements) throws SQLException {
    try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  static String sqlState(Executable e) {
    return assertThrows(SQLException.class, e).getSQLState();
  }

  @Test
  void createdDatabaseIsItsOwnTenantAndOutlivesARestart() throws Exception {
    asSuperuser("CREATE DATABASE sales");
    try (Connection c = superuser("sales"); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE orders (id INTEGER, amount DECIMAL(10,2))");
      s.execute("INSERT INTO orders VALUES (1, 9.50), (2, 20.00)");
      assertEquals("sales", TestServer.value(c, "SELECT current_database()"));
    }
    try (Connection c = superuser("postgres")) {
      // Tenants are isolated: the other database's table is not here.
      assertEquals(List.of(), TestServer.column(c,
          "SELECT table_name FROM information_schema.tables WHERE table_name = 'orders'"));
      assertEquals("10", TestServer.value(c, "SELECT datdba FROM pg_database WHERE datname = 'sales'"));
      assertTrue(TestServer.column(c, "SELECT datname FROM pg_database").containsAll(
          List.of("postgres", "sales", "legacy")));
    }
    assertEquals("42P04", sqlState(() -> asSuperuser("CREATE DATABASE sales")));
    server.close();
    startServer();
    try (Connection c = superuser("sales")) {
      assertEquals("29.50", TestServer.value(c, "SELECT sum(amount) FROM orders"));
    }
  }

  @Test
  void unknownDatabaseIs3D000AndLegacyFilesAreAdopted() throws Exception {
    PSQLException e = assertThrows(PSQLException.class, () -> superuser("nowhere"));
    assertEquals("3D000", e.getSQLState());
    assertEquals("FATAL: database \"nowhere\" does not exist", e.getMessage());
    try (Connection c = superuser("legacy")) {
      assertEquals("42", TestServer.value(c, "SELECT answer FROM kept"));
    }
  }

  @Test
  void createDatabaseNeedsCreatedbAndMakesTheCreatorOwner() throws Exception {
    asSuperuser("CREATE ROLE plain LOGIN PASSWORD 'pw'", "CREATE ROLE maker LOGIN CREATEDB PASSWORD 'pw'",
        "CREATE DATABASE notmine");
    try (Connection c = connect("postgres", "plain", "pw"); Statement s = c.createStatement()) {
      SQLException denied = assertThrows(SQLException.class, () -> s.execute("CREATE DATABASE p1"));
      assertEquals("42501", denied.getSQLState());
      assertEquals("ERROR: permission denied to create database", denied.getMessage());
    }
    try (Connection c = connect("postgres", "maker", "pw"); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE made WITH OWNER = maker CONNECTION LIMIT = 5");
      assertEquals("maker|5|true", TestServer.value(c, "SELECT r.rolname || '|' || d.datconnlimit || '|'"
          + " || d.datallowconn FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba"
          + " WHERE d.datname = 'made'"));
      // Only superusers choose where a DuckLake keeps its files: that reaches outside the tenant.
      assertEquals("42501", sqlState(() -> s.execute(
          "CREATE DATABASE elsewhere WITH TYPE ducklake DATA_PATH '/tmp/elsewhere'")));
      assertEquals("42501", sqlState(() -> s.execute("CREATE DATABASE theirs OWNER postgres")));
      assertEquals("42501", sqlState(() -> s.execute("ALTER DATABASE notmine RENAME TO mine")));
      assertEquals("42501", sqlState(() -> s.execute("DROP DATABASE notmine")), "not the owner");
    }
    // A role that owns a database cannot be dropped (pg_database.datdba must name a role).
    SQLException owned = assertThrows(SQLException.class, () -> asSuperuser("DROP ROLE maker"));
    assertEquals("2BP01", owned.getSQLState());
    try (Connection c = connect("postgres", "maker", "pw"); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE made");
    }
    asSuperuser("DROP ROLE maker");
  }

  @Test
  void dropIsRefusedWhileInUseAndRemovesTheFiles() throws Exception {
    asSuperuser("CREATE DATABASE doomed");
    Path file = dataDir.resolve("doomed.duckdb");
    assertTrue(Files.exists(file));
    try (Connection user = superuser("doomed")) {
      SQLException busy = assertThrows(SQLException.class, () -> asSuperuser("DROP DATABASE doomed"));
      assertEquals("55006", busy.getSQLState());
      assertTrue(busy.getMessage().contains("database \"doomed\" is being accessed by other users"));
      assertTrue(busy.getMessage().contains("There is 1 other session using the database."),
          busy.getMessage());
      try (Statement s = user.createStatement()) {
        SQLException current = assertThrows(SQLException.class, () -> s.execute("DROP DATABASE doomed"));
        assertEquals("55006", current.getSQLState());
        assertEquals("ERROR: cannot drop the currently open database", current.getMessage());
      }
    }
    asSuperuser("DROP DATABASE doomed");
    assertFalse(Files.exists(file));
    assertEquals("3D000", sqlState(() -> superuser("doomed")));
    assertEquals("3D000", sqlState(() -> asSuperuser("DROP DATABASE doomed")));
    try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS doomed");
      SQLWarning w = s.getWarnings();
      assertEquals("database \"doomed\" does not exist, skipping", w.getMessage());
      assertFalse(TestServer.column(c, "SELECT datname FROM pg_database").contains("doomed"));
    }
  }

  @Test
  void alterDatabaseRenamesChangesOwnerAndSettings() throws Exception {
    asSuperuser("CREATE DATABASE old_name", "CREATE ROLE new_owner LOGIN PASSWORD 'pw'");
    try (Connection c = superuser("old_name"); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t AS SELECT 7 AS v");
      // The database's owner has no rights on others' tables (as in PostgreSQL) but this grant,
      // which must follow the database to its new name.
      s.execute("GRANT SELECT ON t TO new_owner");
      assertEquals("0A000", sqlState(() -> s.execute("ALTER DATABASE old_name RENAME TO x")));
    }
    asSuperuser("ALTER DATABASE old_name RENAME TO new_name",
        "ALTER DATABASE new_name OWNER TO new_owner",
        "ALTER DATABASE new_name SET statement_timeout = '1500ms'",
        "ALTER DATABASE new_name SET memory_limit TO '512MB'",
        "ALTER DATABASE new_name SET threads = 1");
    assertEquals("3D000", sqlState(() -> superuser("old_name")));
    try (Connection c = connect("new_name", "new_owner", "pw")) {
      assertEquals("7", TestServer.value(c, "SELECT v FROM t"));
      assertEquals("1500ms", TestServer.value(c, "SHOW statement_timeout"));
      try (Connection su = superuser("new_name")) { // DuckDB's settings are the superuser's to read
        assertEquals("488.2 MiB", TestServer.value(su, "SELECT value FROM duckdb_settings() WHERE name = 'memory_limit'"));
        assertEquals("1", TestServer.value(su, "SELECT value FROM duckdb_settings() WHERE name = 'threads'"));
      }
      assertEquals("new_owner", TestServer.value(c, "SELECT pg_get_userbyid(datdba) FROM pg_database"
          + " WHERE datname = current_database()"));
      try (Statement s = c.createStatement()) {
        // The owner may set session defaults, but resource limits are the superuser's.
        s.execute("ALTER DATABASE new_name SET statement_timeout = 0");
        assertEquals("42501", sqlState(() -> s.execute("ALTER DATABASE new_name SET memory_limit = '8GB'")));
        assertEquals("42501", sqlState(() -> s.execute("ALTER DATABASE new_name RESET ALL")));
        assertEquals("42501", sqlState(() -> s.execute("ALTER DATABASE postgres SET statement_timeout = 1")));
      }
    }
    assertEquals("22023", sqlState(() -> asSuperuser("ALTER DATABASE new_name SET memory_limit = 'lots'")));
    assertEquals("22023", sqlState(() -> asSuperuser("ALTER DATABASE new_name SET statement_timeout = 'soon'")));
    assertEquals("0A000", sqlState(() -> asSuperuser("ALTER DATABASE new_name SET work_mem = '4MB'")));
    asSuperuser("ALTER DATABASE new_name RESET memory_limit", "ALTER DATABASE new_name RESET ALL");
    try (Connection c = superuser("new_name")) {
      assertEquals("0", TestServer.value(c, "SHOW statement_timeout"));
    }
  }

  @Test
  void connectionLimitAndAllowConnectionsAreEnforced() throws Exception {
    asSuperuser("CREATE DATABASE limited CONNECTION LIMIT 1", "CREATE ROLE limited_user LOGIN PASSWORD 'pw'");
    try (Connection first = connect("limited", "limited_user", "pw")) {
      PSQLException e = assertThrows(PSQLException.class, () -> connect("limited", "limited_user", "pw"));
      assertEquals("53300", e.getSQLState());
      assertEquals("FATAL: too many connections for database \"limited\"", e.getMessage());
      try (Connection su = superuser("limited")) { // superusers are exempt
        assertEquals("1", TestServer.value(su, "SELECT 1"));
      }
    }
    try (Connection again = connectOnceReleased("limited", "limited_user", "pw")) {
      assertEquals("1", TestServer.value(again, "SELECT 1"));
    }
    assertEquals("22023", sqlState(() -> asSuperuser("ALTER DATABASE limited CONNECTION LIMIT -2")));
    asSuperuser("ALTER DATABASE limited WITH ALLOW_CONNECTIONS false");
    assertEquals("55000", sqlState(() -> superuser("limited")));
    asSuperuser("ALTER DATABASE limited ALLOW_CONNECTIONS true CONNECTION LIMIT -1");
    try (Connection a = connect("limited", "limited_user", "pw");
        Connection b = connect("limited", "limited_user", "pw")) {
      assertEquals("1", TestServer.value(b, "SELECT 1"));
    }
  }

  /**
   * A closed session gives its slot back when the server has ended it, a moment after the
   * client's Terminate (PostgreSQL's backends exit the same way): retry 53300 for a while.
   */
  private static Connection connectOnceReleased(String database, String user, String password)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        return connect(database, user, password);
      } catch (PSQLException e) {
        if (!"53300".equals(e.getSQLState()) || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }

  @Test
  void idleInstancesCloseAndReopen() throws Exception {
    MallardServer idle = newServer(Files.createTempDirectory("mallard-idle"), Duration.ofMillis(300));
    int idlePort = idle.start();
    try {
      Properties p = new Properties();
      p.setProperty("user", "postgres");
      p.setProperty("password", PASSWORD);
      String url = "jdbc:postgresql://127.0.0.1:" + idlePort + "/postgres?sslmode=disable";
      try (Connection c = DriverManager.getConnection(url, p); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t AS SELECT 1 AS v");
        Thread.sleep(600); // a session keeps its instance open however long it idles
        assertTrue(idle.tenants().openTenant("postgres").isPresent());
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (idle.tenants().openTenant("postgres").isPresent() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertFalse(idle.tenants().openTenant("postgres").isPresent(), "closed after being idle");
      try (Connection c = DriverManager.getConnection(url, p)) {
        assertEquals("1", TestServer.value(c, "SELECT v FROM t"));
      }
    } finally {
      idle.close();
    }
  }

  @Test
  void syntaxAndUnsupportedOptions() throws Exception {
    assertEquals("42601", sqlState(() -> asSuperuser("CREATE DATABASE")));
    assertEquals("42601", sqlState(() -> asSuperuser("CREATE DATABASE x WITH bogus = 1")));
    assertEquals("42601", sqlState(() -> asSuperuser("CREATE DATABASE x OWNER a OWNER b")));
    assertEquals("0A000", sqlState(() -> asSuperuser("CREATE DATABASE x ENCODING 'LATIN1'")));
    assertEquals("0A000", sqlState(() -> asSuperuser("CREATE DATABASE x TEMPLATE sales")));
    assertEquals("0A000", sqlState(() -> asSuperuser("DROP DATABASE sales WITH (FORCE)")));
    assertEquals("42602", sqlState(() -> asSuperuser("CREATE DATABASE \"../escape\"")));
    assertEquals("42939", sqlState(() -> asSuperuser("CREATE DATABASE system")));
    asSuperuser("CREATE DATABASE dumped WITH TEMPLATE = template0 ENCODING = 'UTF8'"
        + " LOCALE_PROVIDER = libc LOCALE = 'C'");
    asSuperuser("DROP DATABASE dumped");
  }

  @Test
  void createAndDropCannotRunInATransactionBlock() throws Exception {
    try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      SQLException e = assertThrows(SQLException.class, () -> s.execute("CREATE DATABASE in_tx"));
      assertEquals("25001", e.getSQLState());
      assertEquals("ERROR: CREATE DATABASE cannot run inside a transaction block", e.getMessage());
      c.rollback();
      c.setAutoCommit(true);
      assertFalse(TestServer.column(c, "SELECT datname FROM pg_database").contains("in_tx"));
    }
    // A multi-statement simple query is an implicit transaction block, as in PostgreSQL.
    PsqlMetaCommandTest.Result r = PsqlMetaCommandTest.psql(new PsqlMetaCommandTest.Target(
        Integer.toString(port), "postgres", PASSWORD, "postgres"),
        "-c", "SELECT 1; CREATE DATABASE in_tx");
    assertTrue(r.err().contains("CREATE DATABASE cannot run inside a transaction block"), r.err());
  }

  @Test
  void psqlListsTheDatabases() throws Exception {
    asSuperuser("CREATE DATABASE listed");
    PsqlMetaCommandTest.Result r = PsqlMetaCommandTest.psql(new PsqlMetaCommandTest.Target(
        Integer.toString(port), "postgres", PASSWORD, "postgres"), "-c", "\\l");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("listed"), r.out());
    assertTrue(r.out().contains("legacy"), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith(" listed ") && l.contains("postgres")
        && l.contains("UTF8")), r.out());
  }
}
