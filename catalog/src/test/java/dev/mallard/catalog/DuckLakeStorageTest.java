package dev.mallard.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.wire.error.PgException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SQL that attaches a DuckLake tenant. S3 cannot be reached from the test machine, so the
 * secret made from S3 options is checked as text here (and its syntax by DuckDB in {@link
 * #s3SecretIsValidDuckDbSql}).
 */
class DuckLakeStorageTest {
  private static final Path DATA = Path.of("/srv/mallard");

  @Test
  void defaultsAreFilesInTheDataDirectory() {
    Map<String, String> o = DuckLakeStorage.resolve("lake", Map.of(), DATA);
    assertEquals("/srv/mallard/lake.ducklake", o.get("metadata"));
    assertEquals("/srv/mallard/lake.files/", o.get("data_path"));
    assertEquals(List.of("LOAD ducklake",
        "ATTACH 'ducklake:/srv/mallard/lake.ducklake' AS \"lake\" (DATA_PATH '/srv/mallard/lake.files/')"),
        DuckLakeStorage.attachStatements("lake", o, Map.of()));
  }

  @Test
  void relativePathsAreTakenFromTheDataDirectory() {
    Map<String, String> o = DuckLakeStorage.resolve("l",
        Map.of("metadata", "sqlite:meta/l.sqlite", "data_path", "../shared/"), DATA);
    assertEquals("sqlite:/srv/mallard/meta/l.sqlite", o.get("metadata"));
    assertEquals("/srv/shared/", o.get("data_path"));
    assertEquals("LOAD sqlite_scanner", DuckLakeStorage.attachStatements("l", o, Map.of()).get(1));
  }

  @Test
  void postgresMetadataIsPassedThroughAndQuoted() {
    Map<String, String> o = DuckLakeStorage.resolve("o'k", Map.of("metadata",
        "postgres:dbname=lake password='x'", "metadata_schema", "lake_meta"), DATA);
    List<String> sql = DuckLakeStorage.attachStatements("o'k", o, Map.of());
    assertEquals("LOAD postgres_scanner", sql.get(1));
    assertEquals("ATTACH 'ducklake:postgres:dbname=lake password=''x''' AS \"o'k\""
        + " (DATA_PATH '/srv/mallard/o''k.files/', METADATA_SCHEMA 'lake_meta')", sql.get(2));
  }

  @Test
  void s3DataPathGetsASecretFromOptionsThenServerDefaults() {
    Map<String, String> o = DuckLakeStorage.resolve("lake", Map.of("data_path",
        "s3://bucket/lakes/lake", "s3_key_id", "AKIA1", "s3_secret", "s'cret",
        "s3_url_style", "path", "s3_use_ssl", "FALSE"), DATA);
    assertEquals("s3://bucket/lakes/lake/", o.get("data_path"));
    List<String> sql = DuckLakeStorage.attachStatements("lake", o,
        Map.of("s3_endpoint", "minio:9000", "s3_region", "eu-west-1", "s3_key_id", "IGNORED"));
    assertEquals("LOAD httpfs", sql.get(1));
    assertEquals("CREATE OR REPLACE TEMPORARY SECRET mallard_lake (TYPE s3, ENDPOINT 'minio:9000',"
        + " KEY_ID 'AKIA1', REGION 'eu-west-1', SECRET 's''cret', URL_STYLE 'path', USE_SSL false,"
        + " SCOPE 's3://bucket')", sql.get(2));
    assertTrue(sql.get(3).startsWith("ATTACH 'ducklake:/srv/mallard/lake.ducklake' AS \"lake\""
        + " (DATA_PATH 's3://bucket/lakes/lake/'"));
  }

  @Test
  void s3WithoutCredentialsLeavesDuckDbsCredentialChain() {
    Map<String, String> o = DuckLakeStorage.resolve("lake", Map.of("data_path", "s3://b/x"), DATA);
    assertEquals(List.of("LOAD ducklake", "LOAD httpfs"),
        DuckLakeStorage.attachStatements("lake", o, Map.of()).subList(0, 2));
    assertEquals(3, DuckLakeStorage.attachStatements("lake", o, Map.of()).size());
  }

  @Test
  void badS3OptionsAreRefused() {
    PgException style = assertThrows(PgException.class, () -> DuckLakeStorage.resolve("l",
        Map.of("s3_url_style", "sideways"), DATA));
    assertEquals("22023", style.sqlState());
    assertEquals("22023", assertThrows(PgException.class, () -> DuckLakeStorage.resolve("l",
        Map.of("s3_use_ssl", "maybe"), DATA)).sqlState());
  }

  @Test
  void s3SecretIsValidDuckDbSql() throws Exception {
    String secret = DuckLakeStorage.secret("s3://bucket/p/", Map.of("s3_key_id", "k",
        "s3_secret", "s", "s3_region", "r", "s3_endpoint", "localhost:9000", "s3_url_style",
        "path", "s3_use_ssl", "true", "s3_session_token", "t"), Map.of()).orElseThrow();
    java.util.Properties p = new java.util.Properties();
    String ext = System.getProperty("mallard.test.extensionDir");
    if (ext != null && !ext.isBlank()) {
      p.setProperty("extension_directory", ext);
    }
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:", p);
        java.sql.Statement s = c.createStatement()) {
      s.execute("LOAD httpfs");
      s.execute(secret);
      try (java.sql.ResultSet rs = s.executeQuery(
          "SELECT type, scope[1] FROM duckdb_secrets() WHERE name = 'mallard_lake'")) {
        assertTrue(rs.next());
        assertEquals("s3", rs.getString(1));
        assertEquals("s3://bucket", rs.getString(2));
      }
    }
  }
}
