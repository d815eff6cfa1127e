package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Extensions load from the configured extension directory, provisioned offline from the PyPI
 * packages of DuckDB's signed binaries, without reaching DuckDB's servers.
 */
class ExtensionsTest {
  @BeforeAll
  static void provisioned() {
    Path dir = TestServer.extensionDirectory();
    assertTrue(dir != null && Files.isDirectory(dir),
        "DuckDB extensions are not provisioned in " + dir
            + ": run scripts/provision-extensions.sh " + dir + " (bin/test does)");
  }

  @Test
  void duckLakeLoadsFromTheProvisionedDirectoryAndWorks() throws Exception {
    Path lake = Files.createTempDirectory("mallard-lake");
    try (TestServer server = TestServer.start();
        Connection c = server.connect();
        Statement s = c.createStatement()) {
      s.execute("LOAD ducklake");
      s.execute("ATTACH 'ducklake:" + lake.resolve("meta.ducklake") + "' AS lake (DATA_PATH '"
          + lake.resolve("files") + "/')");
      s.execute("CREATE TABLE lake.events (id INTEGER, name VARCHAR)");
      s.execute("INSERT INTO lake.events VALUES (1, 'signup'), (2, 'login')");
      try (ResultSet rs = s.executeQuery("SELECT string_agg(name, ',' ORDER BY id) FROM lake.events")) {
        assertTrue(rs.next());
        assertEquals("signup,login", rs.getString(1));
      }
      // Small inserts may be inlined into DuckLake's metadata; a larger one becomes Parquet.
      s.execute("INSERT INTO lake.events SELECT i, 'view' FROM range(3, 100003) t(i)");
      try (ResultSet rs = s.executeQuery(
          "SELECT count(*) FROM glob('" + lake.resolve("files") + "/**/*.parquet')")) {
        assertTrue(rs.next());
        assertTrue(rs.getLong(1) >= 1, "DuckLake wrote its data as Parquet files");
      }
    }
  }

  @Test
  void postgresScannerLoads() throws Exception {
    try (TestServer server = TestServer.start();
        Connection c = server.connect();
        Statement s = c.createStatement()) {
      s.execute("LOAD postgres_scanner");
      try (ResultSet rs = s.executeQuery(
          "SELECT loaded FROM duckdb_extensions() WHERE extension_name = 'postgres_scanner'")) {
        assertTrue(rs.next());
        assertTrue(rs.getBoolean(1));
      }
    }
  }
}
