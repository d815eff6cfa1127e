package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * psql's backslash commands run psql's own catalog queries; their output must describe what the
 * tenant holds. Where PostgreSQL 15 (scripts/pg-reference.sh) is running, the listings are
 * compared with its output for the same schema.
 */
class PsqlMetaCommandTest {
  private static final String SCHEMA = "CREATE TABLE parent (id INTEGER PRIMARY KEY,"
      + " name VARCHAR NOT NULL DEFAULT 'x', code INTEGER UNIQUE, amount DECIMAL(10,2) CHECK (amount > 0));"
      + " CREATE TABLE child (id INTEGER, pid INTEGER REFERENCES parent(id), PRIMARY KEY (id, pid));"
      + " CREATE INDEX child_pid ON child (pid);"
      + " CREATE VIEW parent_names AS SELECT id, name FROM parent;"
      + " CREATE SEQUENCE counter;";
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    Result r = psql(mallard(), "-c", SCHEMA);
    assertEquals(0, r.exitCode(), r.err());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  record Result(int exitCode, String out, String err) {}

  record Target(String port, String user, String password, String database) {}

  static Target mallard() {
    return new Target(Integer.toString(server.port), "postgres", TestServer.PASSWORD, "postgres");
  }

  static Result psql(Target target, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("psql", "-X", "-h", "127.0.0.1", "-p", target.port(),
        "-U", target.user(), "-d", target.database()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> env = pb.environment();
    env.put("PGPASSWORD", target.password());
    env.put("PGSSLMODE", "disable");
    env.put("PGCONNECT_TIMEOUT", "10");
    Path outFile = Files.createTempFile("psql", ".out");
    Path errFile = Files.createTempFile("psql", ".err");
    pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
    Process p = pb.start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("psql timed out");
    }
    return new Result(p.exitValue(), Files.readString(outFile, StandardCharsets.UTF_8),
        Files.readString(errFile, StandardCharsets.UTF_8));
  }

  static String meta(String command) throws Exception {
    Result r = psql(mallard(), "-c", command);
    assertEquals(0, r.exitCode(), command + ": " + r.err());
    assertEquals("", r.err(), command);
    return r.out();
  }

  @Test
  void listsRelationsByKind() throws Exception {
    assertEquals(String.join("\n",
        "         List of relations",
        " Schema |  Name  | Type  |  Owner   ",
        "--------+--------+-------+----------",
        " public | child  | table | postgres",
        " public | parent | table | postgres",
        "(2 rows)", "", ""), meta("\\dt"));
    assertTrue(meta("\\dv").contains(" public | parent_names | view | postgres"), meta("\\dv"));
    assertTrue(meta("\\ds").contains(" public | counter | sequence | postgres"), meta("\\ds"));
    String indexes = meta("\\di");
    assertTrue(indexes.contains(String.join("\n",
        " public | child_pid       | index | postgres | child",
        " public | child_pkey      | index | postgres | child",
        " public | parent_code_key | index | postgres | parent",
        " public | parent_pkey     | index | postgres | parent",
        "(4 rows)")), indexes);
  }

  @Test
  void describesATableWithIndexesConstraintsAndForeignKeys() throws Exception {
    String parent = meta("\\d parent");
    assertTrue(parent.contains("Table \"public.parent\""), parent);
    assertTrue(parent.contains(" id     | integer       |           | not null | "), parent);
    assertTrue(parent.contains(" name   | text          |           | not null | 'x'"), parent);
    assertTrue(parent.contains(" amount | numeric(10,2) |           |          | "), parent);
    assertTrue(parent.contains("\"parent_pkey\" PRIMARY KEY, btree (id)"), parent);
    assertTrue(parent.contains("\"parent_code_key\" UNIQUE CONSTRAINT, btree (code)"), parent);
    assertTrue(parent.contains("\"parent_amount_check\" CHECK ((amount > 0))"), parent);
    assertTrue(parent.contains("TABLE \"child\" CONSTRAINT \"child_pid_fkey\" FOREIGN KEY (pid)"
        + " REFERENCES parent(id)"), parent);
    String child = meta("\\d child");
    assertTrue(child.contains("\"child_pkey\" PRIMARY KEY, btree (id, pid)"), child);
    assertTrue(child.contains("\"child_pid\" art (pid)"), child);
    assertTrue(child.contains("Foreign-key constraints:\n    \"child_pid_fkey\" FOREIGN KEY (pid)"
        + " REFERENCES parent(id)"), child);
  }

  @Test
  void describesTheSessionsTemporaryTable() throws Exception {
    Result r = psql(mallard(), "-c", "CREATE TEMP TABLE scratch (a INTEGER NOT NULL, tags TEXT[])",
        "-c", "\\d scratch", "-c", "\\dt");
    assertEquals(0, r.exitCode(), r.err());
    java.util.regex.Matcher schema =
        java.util.regex.Pattern.compile("Table \"(pg_temp_[0-9]+)\\.scratch\"").matcher(r.out());
    assertTrue(schema.find(), r.out());
    assertTrue(r.out().contains(" a      | integer |           | not null | "), r.out());
    assertTrue(r.out().contains(" tags   | text[]  |           |          | "), r.out());
    assertTrue(r.out().contains(" " + schema.group(1) + " | scratch | table | postgres"), r.out());
    // the table was the other session's
    assertTrue(meta("\\dt").contains("(2 rows)"), meta("\\dt"));
  }

  @Test
  void databasesSchemasRolesFunctionsAndConnection() throws Exception {
    String dbs = meta("\\l");
    assertTrue(dbs.contains(" postgres | postgres | UTF8     | C       | C     |"), dbs);
    assertTrue(meta("\\dn").contains(" public | postgres\n(1 row)"), meta("\\dn"));
    assertTrue(meta("\\du").contains(" postgres  | Superuser, Create role, Create DB, Replication,"
        + " Bypass RLS | {}"), meta("\\du"));
    Result f = psql(mallard(), "-c", "CREATE MACRO add_one(x) AS x + 1", "-c", "\\df");
    assertEquals(0, f.exitCode(), f.err());
    assertTrue(f.out().contains(" public | add_one |"), f.out());
    assertEquals("You are connected to database \"postgres\" as user \"postgres\" on host"
        + " \"127.0.0.1\" at port \"" + server.port + "\".\n", meta("\\conninfo"));
    Result x = psql(mallard(), "-c", "\\x on", "-c", "SELECT current_user, version()");
    assertEquals(0, x.exitCode(), x.err());
    assertTrue(x.out().contains("current_user | postgres"), x.out());
    assertTrue(x.out().contains("version      | PostgreSQL 16.4 on "), x.out());
  }

  /** The reference PostgreSQL of scripts/pg-reference.sh, when it is running. */
  static Target reference() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", 55432), 500);
    } catch (IOException e) {
      return null;
    }
    return new Target("55432", "postgres", "postgres", "postgres");
  }

  @Test
  void listingsMatchPostgres() throws Exception {
    Target pg = reference();
    Assumptions.assumeTrue(pg != null, "reference PostgreSQL is not running");
    String db = "mallard_psql_meta";
    psql(pg, "-c", "DROP DATABASE IF EXISTS " + db);
    assertEquals(0, psql(pg, "-c", "CREATE DATABASE " + db).exitCode());
    Target ref = new Target(pg.port(), pg.user(), pg.password(), db);
    try {
      assertEquals(0, psql(ref, "-c", SCHEMA).exitCode());
      // (\d of a table differs where types map differently: DuckDB's VARCHAR is text)
      for (String command : List.of("\\d", "\\dt", "\\di", "\\dv", "\\ds")) {
        Result expected = psql(ref, "-c", command);
        assertEquals(expected.out(), meta(command), command);
      }
    } finally {
      psql(pg, "-c", "DROP DATABASE IF EXISTS " + db);
    }
  }
}
