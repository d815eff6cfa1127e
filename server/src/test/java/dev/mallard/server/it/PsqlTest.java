package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real psql client (installed by the test command) against a running Mallard. */
class PsqlTest extends SharedServerTest {
  record Result(int exitCode, String out, String err) {}

  static Result psql(String sslmode, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("psql", "-X", "-h", "127.0.0.1", "-p",
        Integer.toString(server.port), "-U", "postgres", "-d", "postgres"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("PGPASSWORD", TestServer.PASSWORD);
    pb.environment().put("PGSSLMODE", sslmode);
    pb.environment().put("PGCONNECT_TIMEOUT", "10");
    Path outFile = Files.createTempFile("psql", ".out");
    Path errFile = Files.createTempFile("psql", ".err");
    pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("psql timed out");
    }
    return new Result(p.exitValue(), Files.readString(outFile, StandardCharsets.UTF_8),
        Files.readString(errFile, StandardCharsets.UTF_8));
  }

  @Test
  void commandPrintsUnalignedRows() throws Exception {
    Result r = psql("disable", "-At", "-c", "SELECT 1 AS a, 'two' AS b UNION ALL SELECT 3, 'four' ORDER BY a");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("1|two\n3|four\n", r.out());
  }

  @Test
  void sslModesDisablePreferRequire() throws Exception {
    for (String mode : new String[] {"disable", "prefer", "require"}) {
      Result r = psql(mode, "-At", "-c", "SELECT 'ok'", "-c", "SHOW ssl");
      assertEquals(0, r.exitCode(), mode + ": " + r.err());
      assertEquals("ok\non\n", r.out(), mode);
    }
  }

  @Test
  void expandedDisplay() throws Exception {
    Result r = psql("disable", "-c", "\\x on", "-c", "SELECT 1 AS first, 'b' AS second");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("first  | 1"), r.out());
    assertTrue(r.out().contains("second | b"), r.out());
  }

  @Test
  void errorsReportSqlStateAndExitNonZero() throws Exception {
    Result r = psql("disable", "-v", "ON_ERROR_STOP=1", "-v", "VERBOSITY=verbose",
        "-c", "SELECT * FROM missing_table");
    assertNotEquals(0, r.exitCode());
    assertTrue(r.err().contains("42P01"), r.err());
    assertTrue(r.err().contains("missing_table"), r.err());
  }

  @Test
  void scriptStopsAtFirstErrorWithOnErrorStop() throws Exception {
    Path script = Files.createTempFile("script", ".sql");
    Files.writeString(script, String.join("\n",
        "CREATE TABLE script_t(i INTEGER);",
        "INSERT INTO script_t VALUES (1);",
        "INSERT INTO script_t VALUES ('not a number');",
        "INSERT INTO script_t VALUES (3);",
        ""));
    Result r = psql("disable", "-v", "ON_ERROR_STOP=1", "-f", script.toString());
    assertEquals(3, r.exitCode(), "psql exits 3 when a script stops on error: " + r.err());
    Result check = psql("disable", "-At", "-c", "SELECT count(*), sum(i) FROM script_t");
    assertEquals("1|1\n", check.out(), check.err());
  }

  @Test
  void multiStatementQueryReturnsEachResult() throws Exception {
    Result r = psql("disable", "-At", "-c", "SELECT 1; SELECT 2");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("1\n2\n", r.out());
  }

  @Test
  void backslashCopyInAndOut() throws Exception {
    Path in = Files.createTempFile("copy-in", ".csv");
    Files.writeString(in, "id,name\n1,alpha\n2,\"b, c\"\n3,\n");
    Path out = Files.createTempFile("copy-out", ".csv");
    Result r = psql("disable", "-v", "ON_ERROR_STOP=1",
        "-c", "CREATE TABLE psql_copy(id INTEGER, name VARCHAR)",
        "-c", "\\copy psql_copy FROM '" + in + "' WITH (FORMAT csv, HEADER)",
        "-c", "\\copy (SELECT * FROM psql_copy ORDER BY id) TO '" + out + "' WITH CSV HEADER");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("COPY 3"), r.out());
    assertEquals("id,name\n1,alpha\n2,\"b, c\"\n3,\n", Files.readString(out));
    Result check = psql("disable", "-At", "-c", "SELECT count(*) FILTER (WHERE name IS NULL) FROM psql_copy");
    assertEquals("1\n", check.out(), check.err());
  }

  @Test
  void commandTagsAsPostgresPrintsThem() throws Exception {
    Result r = psql("disable", "-c", "CREATE TABLE tags_t AS SELECT * FROM range(7)",
        "-c", "INSERT INTO tags_t SELECT * FROM range(3)", "-c", "UPDATE tags_t SET range = 0 WHERE range < 2",
        "-c", "DELETE FROM tags_t WHERE range = 0", "-c", "START TRANSACTION", "-c", "COMMIT",
        "-c", "CREATE VIEW tags_v AS SELECT 1", "-c", "DROP VIEW tags_v", "-c", "SHOW TimeZone");
    assertEquals(0, r.exitCode(), r.err());
    String expected = String.join("\n", "SELECT 7", "INSERT 0 3", "UPDATE 4", "DELETE 4",
        "START TRANSACTION", "COMMIT", "CREATE VIEW", "DROP VIEW", " TimeZone ", "----------", " UTC", "(1 row)", "", "");
    assertEquals(expected, r.out());
  }

  @Test
  void rolledBackSetIsUndone() throws Exception {
    Result r = psql("disable", "-At", "-c", "BEGIN", "-c", "SET TimeZone = 'Asia/Tokyo'",
        "-c", "SHOW TimeZone", "-c", "ROLLBACK", "-c", "SHOW TimeZone");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("BEGIN\nSET\nAsia/Tokyo\nROLLBACK\nUTC\n", r.out());
  }
}
