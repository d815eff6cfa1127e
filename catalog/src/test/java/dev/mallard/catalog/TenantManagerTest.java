package dev.mallard.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.catalog.system.SystemCatalog;
import dev.mallard.wire.error.PgException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantManagerTest {
  @TempDir Path dir;
  SystemCatalog system;

  @BeforeEach
  void open() {
    system = SystemCatalog.open(dir);
  }

  @AfterEach
  void close() throws Exception {
    system.close();
  }

  TenantManager manager(Duration idle) {
    Path ext = Path.of(System.getProperty("mallard.test.extensionDir", dir.resolve("ext").toString()));
    return new TenantManager(system, "postgres", new TenantConfig(dir, ext, idle, Map.of()));
  }

  @Test
  void createsTheDefaultDatabaseAndAdoptsExistingFiles() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("old.duckdb"))) {
      c.createStatement().execute("CREATE TABLE t AS SELECT 1 AS v");
    }
    try (TenantManager m = manager(Duration.ZERO)) {
      assertEquals(List.of("old", "postgres"), m.databaseNames());
      assertEquals(Role.BOOTSTRAP_OID, m.database("old").orElseThrow().ownerOid());
      assertTrue(Files.exists(dir.resolve("postgres.duckdb")));
    }
    // Adoption happens once: the row now exists, and OIDs stay as they were.
    int oid = system.databases().find("old").orElseThrow().oid();
    try (TenantManager m = manager(Duration.ZERO)) {
      assertEquals(oid, m.database("old").orElseThrow().oid());
    }
  }

  @Test
  void aDropInterruptedByACrashIsFinishedAtStart() throws Exception {
    Database victim;
    try (TenantManager m = manager(Duration.ZERO)) {
      victim = m.create(Database.duckDb("victim", Role.BOOTSTRAP_OID));
    }
    // The state a crash leaves after DROP renamed the file aside but before the row went.
    Path aside = dir.resolve("victim.duckdb.dropped-" + victim.oid());
    Files.move(dir.resolve("victim.duckdb"), aside);
    try (TenantManager m = manager(Duration.ZERO)) {
      assertTrue(m.database("victim").isEmpty());
      assertFalse(Files.exists(aside));
      assertFalse(Files.exists(dir.resolve("victim.duckdb")));
    }
  }

  @Test
  void aRenameInterruptedByACrashIsFinishedAtStart() throws Exception {
    Database before;
    try (TenantManager m = manager(Duration.ZERO)) {
      before = m.create(Database.duckDb("before", Role.BOOTSTRAP_OID));
      Tenant t = m.acquire("before", true);
      try (Connection c = t.connect(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept AS SELECT 5 AS v");
      } finally {
        t.release();
      }
    }
    // The state a crash leaves after RENAME changed the row but before the file moved.
    system.databases().update(before.withName("after").withOption("renamed_from", "before"));
    try (TenantManager m = manager(Duration.ZERO)) {
      assertEquals(List.of("after", "postgres"), m.databaseNames());
      assertFalse(m.database("after").orElseThrow().options().containsKey("renamed_from"));
      assertFalse(Files.exists(dir.resolve("before.duckdb")));
      Tenant t = m.acquire("after", true);
      try (Connection c = t.connect(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
        rs.next();
        assertEquals(5, rs.getInt(1));
      } finally {
        t.release();
      }
    }
  }

  @Test
  void connectionLimitCountsNonExemptSessions() {
    try (TenantManager m = manager(Duration.ZERO)) {
      m.update(m.database("postgres").orElseThrow().withConnectionLimit(1));
      Tenant t = m.acquire("postgres", false);
      PgException full = assertThrows(PgException.class, () -> m.acquire("postgres", false));
      assertEquals("53300", full.sqlState());
      assertEquals(PgException.Severity.FATAL, full.severity());
      m.acquire("postgres", true).release();
      t.release();
      m.acquire("postgres", false).release();
      assertEquals(0, t.sessionCount());
    }
  }

  @Test
  void idleInstancesCloseButNotWhileUsed() throws Exception {
    try (TenantManager m = manager(Duration.ofMillis(50))) {
      Tenant t = m.acquire("postgres", true);
      Thread.sleep(120);
      m.closeIdle();
      assertTrue(m.openTenant("postgres").isPresent());
      t.release();
      Thread.sleep(120);
      m.closeIdle();
      assertTrue(m.openTenant("postgres").isEmpty());
    }
  }

  @Test
  void renameMovesTheFileAndEngineSettingsApplyLive() throws Exception {
    try (TenantManager m = manager(Duration.ZERO)) {
      Database d = m.create(Database.duckDb("before", Role.BOOTSTRAP_OID));
      Database renamed = m.rename(d, "after");
      assertEquals(d.oid(), renamed.oid());
      assertTrue(Files.exists(dir.resolve("after.duckdb")));
      assertFalse(Files.exists(dir.resolve("before.duckdb")));
      Tenant t = m.acquire("after", true);
      m.update(renamed.withSetting("threads", "1"));
      try (Connection c = t.connect(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT current_setting('threads')")) {
        rs.next();
        assertEquals(1, rs.getInt(1));
      } finally {
        t.release();
      }
      PgException bad = assertThrows(PgException.class,
          () -> m.update(renamed.withSetting("memory_limit", "lots")));
      assertEquals("22023", bad.sqlState());
      assertFalse(m.database("after").orElseThrow().settings().containsKey("memory_limit"));
    }
  }
}
