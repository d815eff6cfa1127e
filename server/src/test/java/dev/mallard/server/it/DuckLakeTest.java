package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * DuckLake tenants through pgjdbc and psql: a lake whose metadata lives in the real reference
 * PostgreSQL is served by two Mallard server processes at once, and a commit through one is visible
 * through the other; lakes with DuckDB-file and SQLite metadata; clients see the lake's tables
 * in public through the pg_catalog emulation, as for any tenant.
 */
class DuckLakeTest {
  private static final String METADATA_DB = "mallard_ducklake_it";

  static Connection connect(int port, String database) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "postgres");
    p.setProperty("password", TestServer.PASSWORD);
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?sslmode=disable", p);
  }

  static void run(int port, String database, String... statements) throws SQLException {
    try (Connection c = connect(port, database); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  static Connection reference(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:55432/" + database, "postgres", "postgres");
  }

  @Test
  void twoServersServeOneLakeWithMetadataInPostgres() throws Exception {
    Assumptions.assumeTrue(PsqlMetaCommandTest.reference() != null,
        "reference PostgreSQL is not running (scripts/pg-reference.sh start)");
    try (Connection pg = reference("postgres"); Statement s = pg.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + METADATA_DB + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + METADATA_DB);
    }
    Path data = Files.createTempDirectory("mallard-lake-shared");
    String create = "CREATE DATABASE lake WITH TYPE = ducklake METADATA = 'postgres:dbname="
        + METADATA_DB + " host=127.0.0.1 port=55432 user=postgres password=postgres'"
        + " DATA_PATH = '" + data + "'";
    // Two processes, as two machines would run them: this JVM's server and one of its own.
    try (TestServer a = TestServer.start();
        ServerProcess b = ServerProcess.start(Files.createTempDirectory("mallard-lake-b"),
            TestServer.PASSWORD)) {
      run(a.port, "postgres", create);
      run(b.port, "postgres", create);
      run(a.port, "lake", "CREATE TABLE events (id INTEGER, name VARCHAR)",
          "INSERT INTO events VALUES (1, 'signup'), (2, 'login')");
      try (Connection c = connect(b.port, "lake")) {
        assertEquals(List.of("1 signup", "2 login"),
            TestServer.column(c, "SELECT id || ' ' || name FROM events ORDER BY id"));
      }
      run(b.port, "lake", "INSERT INTO events SELECT i, 'view' FROM range(3, 100003) t(i)");
      try (Connection c = connect(a.port, "lake")) {
        assertEquals("100002", TestServer.value(c, "SELECT count(*) FROM events"));
        assertEquals("lake", TestServer.value(c, "SELECT current_database()"));
        assertEquals("public", TestServer.value(c, "SELECT table_schema FROM"
            + " information_schema.tables WHERE table_name = 'events'"));
        assertEquals("events", TestServer.value(c, "SELECT tablename FROM pg_tables"
            + " WHERE schemaname = 'public'"));
      }
      PsqlMetaCommandTest.Result dt = PsqlMetaCommandTest.psql(new PsqlMetaCommandTest.Target(
          Integer.toString(a.port), "postgres", TestServer.PASSWORD, "lake"), "-c", "\\dt");
      assertEquals(0, dt.exitCode(), dt.err());
      assertTrue(dt.out().contains(" public | events | table | postgres"), dt.out());
      assertTrue(parquetFiles(data) >= 1, "the lake's data are Parquet files in its data path");
      // The metadata really is in PostgreSQL: DuckLake's snapshot table is there.
      try (Connection pg = reference(METADATA_DB)) {
        assertTrue(Integer.parseInt(TestServer.value(pg,
            "SELECT count(*) FROM ducklake_snapshot")) >= 3);
      }
    } finally {
      try (Connection pg = reference("postgres"); Statement s = pg.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + METADATA_DB + " WITH (FORCE)");
      }
    }
  }

  @Test
  void lakeWithDuckDbMetadataOutlivesRestartAndDrop() throws Exception {
    Path dir = Files.createTempDirectory("mallard-lake-local");
    MallardServer server = DatabasesTest.newServer(dir, MallardConfig.DuckDb.DEFAULT_TENANT_IDLE_TIMEOUT);
    int port = server.start();
    try {
      run(port, "postgres", "CREATE DATABASE local_lake WITH TYPE ducklake");
      run(port, "local_lake", "CREATE TABLE readings AS SELECT i AS id, i * 1.5 AS v"
          + " FROM range(0, 50000) t(i)");
    } finally {
      server.close();
    }
    assertTrue(Files.isRegularFile(dir.resolve("local_lake.ducklake")), "metadata in a DuckDB file");
    assertTrue(parquetFiles(dir.resolve("local_lake.files")) >= 1);
    server = DatabasesTest.newServer(dir, MallardConfig.DuckDb.DEFAULT_TENANT_IDLE_TIMEOUT);
    port = server.start();
    try {
      try (Connection c = connect(port, "local_lake")) {
        assertEquals("50000", TestServer.value(c, "SELECT count(*) FROM readings"));
        assertEquals("ducklake", TestServer.value(c, "SELECT type FROM duckdb_databases()"
            + " WHERE database_name = current_database()"));
      }
      // DROP forgets a lake but leaves its metadata and data: another server may be serving it.
      run(port, "postgres", "DROP DATABASE local_lake",
          "CREATE DATABASE again WITH METADATA 'local_lake.ducklake' DATA_PATH 'local_lake.files'");
      try (Connection c = connect(port, "again")) {
        assertEquals("50000", TestServer.value(c, "SELECT count(*) FROM readings"));
      }
    } finally {
      server.close();
    }
  }

  @Test
  void lakeWithSqliteMetadata() throws Exception {
    try (TestServer server = TestServer.start()) {
      run(server.port, "postgres",
          "CREATE DATABASE sqlite_lake WITH METADATA = 'sqlite:lake.sqlite' DATA_PATH = 'lake-data'");
      run(server.port, "sqlite_lake", "CREATE SCHEMA sales",
          "CREATE TABLE sales.orders (id INTEGER, amount DECIMAL(10,2))",
          "INSERT INTO sales.orders VALUES (1, 10.25), (2, 4.75)");
      try (Connection c = connect(server.port, "sqlite_lake")) {
        assertEquals("15.00", TestServer.value(c, "SELECT sum(amount) FROM sales.orders"));
        assertEquals("orders", TestServer.value(c, "SELECT table_name FROM information_schema.tables"
            + " WHERE table_schema = 'sales'"));
      }
      assertTrue(Files.isRegularFile(server.dataDir.resolve("lake.sqlite")));
      // An unreachable metadata store is refused at CREATE, not at the first login.
      assertEquals("58030", DatabasesTest.sqlState(() -> run(server.port, "postgres",
          "CREATE DATABASE broken WITH METADATA 'postgres:dbname=none host=127.0.0.1 port=1'")));
      assertEquals("3D000", DatabasesTest.sqlState(() -> connect(server.port, "broken")));
    }
  }

  private static long parquetFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".parquet")).count();
    }
  }
}
