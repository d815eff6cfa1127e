package dev.mallard.server.it;

import static dev.mallard.server.it.AuthzServer.failure;
import static dev.mallard.server.it.AuthzServer.one;
import static dev.mallard.server.it.AuthzServer.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The adversarial suite: a role that is not a superuser, holding SELECT on one table, tries to
 * leave its sandbox or exceed its grants in as many distinct ways as we could think of. Every
 * attempt must fail with 42501 and leave no trace: the set of tables, views, macros, attached
 * databases, loaded extensions, secrets and DuckDB settings is the same afterwards, and no file
 * appears in the scratch directory or the data directory.
 */
class SandboxTest {
  static AuthzServer server;
  static Connection mallory;
  static Connection observer;
  static Path scratch;

  @BeforeAll
  static void start() throws Exception {
    server = new AuthzServer("sandbox");
    scratch = Files.createTempDirectory("mallard-sandbox-scratch");
    Files.writeString(scratch.resolve("secret.csv"), "a,b\n1,2\n");
    // Another tenant's file, as CREATE DATABASE would leave it in the data directory.
    Path other = server.dataDir.resolve("other.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + other)) {
      run(c, "CREATE TABLE private_data AS SELECT 'other tenant' AS v");
    }
    Files.createSymbolicLink(scratch.resolve("link.csv"), other);
    server.asSuperuser("CREATE USER mallory PASSWORD 'mallory-pw'",
        "CREATE TABLE accounts (id INTEGER, owner VARCHAR)", "INSERT INTO accounts VALUES (1, 'a')",
        "CREATE TABLE secrets (k VARCHAR)", "INSERT INTO secrets VALUES ('top')",
        "GRANT SELECT ON accounts TO mallory", "CREATE SEQUENCE invoice_numbers");
    mallory = server.connect("mallory", "mallory-pw");
    observer = server.superuser();
  }

  @AfterAll
  static void stop() throws SQLException {
    mallory.close();
    observer.close();
    server.close();
  }

  static Stream<Arguments> attempts() {
    String s = scratch.toString();
    String other = server.dataDir.resolve("other.duckdb").toString();
    String self = server.dataDir.resolve("postgres.duckdb").toString();
    return Stream.of(
        a("read_csv absolute path", "SELECT * FROM read_csv('/etc/passwd')"),
        a("read_csv_auto relative path", "SELECT * FROM read_csv_auto('secret.csv')"),
        a("read_csv list of paths", "SELECT * FROM read_csv(['" + s + "/secret.csv'])"),
        a("read_csv through a symlink", "SELECT * FROM read_csv('" + s + "/link.csv')"),
        a("read_parquet", "SELECT * FROM read_parquet('" + s + "/x.parquet')"),
        a("parquet_scan", "SELECT * FROM parquet_scan('" + s + "/x.parquet')"),
        a("read_json", "SELECT * FROM read_json('/etc/hosts')"),
        a("read_text", "SELECT * FROM read_text('/etc/passwd')"),
        a("read_blob of the tenant's own file", "SELECT * FROM read_blob('" + self + "')"),
        a("glob", "SELECT * FROM glob('" + s + "/*')"),
        a("read_csv of a URL", "SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')"),
        a("file as a string in FROM", "SELECT * FROM '" + s + "/secret.csv'"),
        a("file as a quoted name", "SELECT * FROM \"" + s + "/secret.csv\""),
        a("relative file as a quoted name", "SELECT * FROM \"secret.csv\""),
        a("file function in a join", "SELECT * FROM accounts, read_text('/etc/passwd')"),
        a("file function in a scalar subquery",
            "SELECT (SELECT content FROM read_text('/etc/passwd')) FROM accounts"),
        a("COPY table to a file", "COPY accounts TO '" + s + "/out.csv'"),
        a("COPY query to a relative file", "COPY (SELECT 1) TO 'out.csv'"),
        a("COPY from a file", "COPY accounts FROM '" + s + "/secret.csv'"),
        a("COPY a table without SELECT to STDOUT", "COPY secrets TO STDOUT"),
        a("EXPORT DATABASE", "EXPORT DATABASE '" + s + "/export'"),
        a("IMPORT DATABASE", "IMPORT DATABASE '" + s + "'"),
        a("ATTACH a new file", "ATTACH '" + s + "/evil.duckdb' AS evil"),
        a("ATTACH another tenant's file", "ATTACH '" + other + "' AS other"),
        a("read another tenant's file by path", "SELECT * FROM read_blob('" + other + "')"),
        a("DETACH the catalog emulation", "DETACH __mallard"),
        a("USE another catalog", "USE system"),
        a("INSTALL an extension", "INSTALL httpfs"),
        a("LOAD an extension", "LOAD httpfs"),
        a("LOAD an extension file", "LOAD '" + s + "/evil.duckdb_extension'"),
        a("SET enable_external_access", "SET enable_external_access = false"),
        a("SET threads", "SET threads = 1"),
        a("SET GLOBAL memory_limit", "SET GLOBAL memory_limit = '1GB'"),
        a("SET allowed_directories", "SET allowed_directories = ['/']"),
        a("SET autoinstall_known_extensions", "SET autoinstall_known_extensions = true"),
        a("PRAGMA", "PRAGMA enable_profiling"),
        a("PRAGMA listing tables", "PRAGMA show_tables"),
        a("CALL", "CALL pragma_version()"),
        a("CHECKPOINT", "CHECKPOINT"),
        a("CREATE MACRO", "CREATE MACRO m(x) AS x + 1"),
        a("CREATE FUNCTION hiding a file read",
            "CREATE FUNCTION f() AS TABLE SELECT * FROM read_csv('/etc/passwd')"),
        a("CREATE SECRET", "CREATE SECRET s (TYPE s3, KEY_ID 'k', SECRET 'v')"),
        a("duckdb_settings()", "SELECT * FROM duckdb_settings()"),
        a("duckdb_secrets()", "SELECT * FROM duckdb_secrets()"),
        a("query() running SQL in a string", "SELECT * FROM query('DELETE FROM accounts')"),
        a("another session's settings function", "SELECT mallard_set_config(1, 'search_path', 'x', false)"),
        a("the system catalog", "SELECT * FROM system.main.duckdb_tables"),
        a("the pg emulation's role table", "SELECT * FROM __mallard.pg.mallard_roles"),
        a("writing the pg emulation", "DELETE FROM __mallard.pg.mallard_roles"),
        a("writable CTE", "WITH d AS (DELETE FROM accounts RETURNING *) SELECT * FROM d"),
        // Readable with the grant held, but JSQLParser cannot parse them: never allowed unknown.
        a("FROM-first with SELECT after it", "FROM accounts SELECT id"),
        a("UNPIVOT", "UNPIVOT accounts ON owner INTO NAME k VALUE v"),
        a("SUMMARIZE", "SUMMARIZE accounts"),
        a("PREPARE hiding a file read", "PREPARE p AS SELECT * FROM read_text('/etc/passwd')"),
        a("DECLARE over a file read", "DECLARE c CURSOR FOR SELECT * FROM read_text('/etc/passwd')"),
        a("table without SELECT", "SELECT * FROM secrets"),
        a("table without SELECT, fully qualified", "SELECT * FROM postgres.main.secrets"),
        a("table without SELECT in a subquery",
            "SELECT * FROM accounts WHERE owner IN (SELECT k FROM secrets)"),
        a("INSERT with SELECT only", "INSERT INTO accounts VALUES (2, 'b')"),
        a("UPDATE with SELECT only", "UPDATE accounts SET owner = 'x'"),
        a("DELETE with SELECT only", "DELETE FROM accounts"),
        a("TRUNCATE with SELECT only", "TRUNCATE accounts"),
        a("DROP a table not owned", "DROP TABLE accounts"),
        a("ALTER a table not owned", "ALTER TABLE accounts ADD COLUMN x INTEGER"),
        a("CREATE INDEX on a table not owned", "CREATE INDEX i ON accounts (id)"),
        a("CREATE TABLE without CREATE on the schema", "CREATE TABLE stolen AS SELECT * FROM accounts"),
        a("CREATE VIEW without CREATE", "CREATE VIEW v AS SELECT * FROM accounts"),
        a("CREATE SCHEMA without CREATE on the database", "CREATE SCHEMA mine"),
        a("GRANT to oneself", "GRANT SELECT ON secrets TO mallory"),
        a("GRANT on a table held without grant option", "GRANT SELECT ON accounts TO PUBLIC"),
        a("making oneself a superuser", "ALTER ROLE mallory SUPERUSER"),
        a("resetting a sequence", "SELECT setval('invoice_numbers', 1000)"),
        a("advancing a sequence", "SELECT nextval('invoice_numbers')"));
  }

  private static Arguments a(String name, String sql) {
    return Arguments.of(name, sql);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attempts")
  void deniedWithoutTrace(String name, String sql) throws Exception {
    String before = state();
    SQLException e = failure(() -> run(mallory, sql));
    assertEquals("42501", e.getSQLState(), name + ": " + e.getMessage());
    assertEquals(before, state(), name + " left a trace");
  }

  @Test
  void suiteHasAtLeastFortyDistinctAttempts() {
    List<Arguments> all = attempts().toList();
    assertTrue(all.size() >= 40, "only " + all.size());
    assertEquals(all.size(), all.stream().map(a -> a.get()[1]).distinct().count());
  }

  @Test
  void grantedWorkStillWorks() throws Exception {
    assertEquals("1", one(mallory, "SELECT count(*) FROM accounts"));
    assertEquals("3", one(mallory, "SELECT count(*) FROM generate_series(1, 3)"));
    run(mallory, "SET search_path = public");
    run(mallory, "SET application_name = 'sandboxed'");
    assertEquals("1", one(mallory, "SELECT count(*) FROM pg_catalog.pg_class WHERE relname = 'accounts'"));
  }

  /**
   * Everything an attempt could have changed, as seen by a superuser: objects, attached
   * databases, loaded extensions, secrets, settings, sequence values, and the files of the scratch and data
   * directories (DuckDB's write-ahead logs come and go by themselves and are left out).
   */
  private static String state() throws Exception {
    String objects = one(observer, "SELECT string_agg(x, chr(10) ORDER BY x) FROM ("
        + "SELECT 'table ' || database_name || '.' || schema_name || '.' || table_name || ' '"
        + " || estimated_size AS x FROM duckdb_tables()"
        + " UNION ALL SELECT 'view ' || database_name || '.' || schema_name || '.' || view_name"
        + " FROM duckdb_views() WHERE NOT internal"
        + " UNION ALL SELECT 'function ' || database_name || '.' || function_name"
        + " FROM duckdb_functions() WHERE NOT internal AND database_name <> 'temp'"
        + " UNION ALL SELECT 'database ' || database_name FROM duckdb_databases()"
        + " UNION ALL SELECT 'extension ' || extension_name FROM duckdb_extensions() WHERE loaded"
        + " UNION ALL SELECT 'secret ' || name FROM duckdb_secrets()"
        + " UNION ALL SELECT 'sequence ' || sequence_name || '=' || coalesce(last_value, start_value)"
        + " FROM duckdb_sequences()"
        + " UNION ALL SELECT 'setting ' || name || '=' || coalesce(value, '') FROM duckdb_settings())");
    StringBuilder files = new StringBuilder(objects);
    for (Path dir : List.of(scratch, server.dataDir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(p -> !p.toString().endsWith(".wal")).sorted()
            .forEach(p -> files.append('\n').append(p));
      }
    }
    return files.toString();
  }
}
