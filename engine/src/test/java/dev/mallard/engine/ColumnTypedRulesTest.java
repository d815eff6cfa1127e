package dev.mallard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mallard.engine.sql.RewriteContext;
import dev.mallard.engine.sql.SqlRewriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rules that read column types from a real DuckDB catalog through SessionRelations: untyped
 * constants in PostgreSQL's array syntax take their target column's type (ArrayTargets), and
 * length of a bytea column counts bytes (ByteaLength).
 */
class ColumnTypedRulesTest {
  private Connection duck;
  private RewriteContext context;

  @BeforeEach
  void open() throws SQLException {
    duck = DriverManager.getConnection("jdbc:duckdb:");
    context = new RewriteContext(null, new SessionRelations(duck));
    run("CREATE TABLE users (id INTEGER, name VARCHAR, tags VARCHAR[], props JSON, grid INTEGER[])");
  }

  @AfterEach
  void close() throws SQLException {
    duck.close();
  }

  private void run(String postgresSql) throws SQLException {
    try (Statement s = duck.createStatement()) {
      s.execute(SqlRewriter.standard().rewrite(postgresSql, context));
    }
  }

  private String rows(String postgresSql) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Statement s = duck.createStatement();
        ResultSet r = s.executeQuery(SqlRewriter.standard().rewrite(postgresSql, context))) {
      while (r.next()) {
        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
          out.append(i > 1 ? "|" : "").append(r.getString(i));
        }
        out.append(';');
      }
    }
    return out.toString();
  }

  @Test
  void insertValuesByColumnListAndByPosition() throws SQLException {
    run("INSERT INTO users (id, name, tags, props) VALUES (1, 'a', '{x,NULL,\"y z\"}', '{\"k\": 1}'),"
        + " (2, 'b', '{}', '{}')");
    run("INSERT INTO public.users VALUES (3, '{not an array}', '{q}', NULL, '{1,2}')");
    assertEquals("1|[x, NULL, y z]|3|{\"k\": 1};2|[]|0|{};3|[q]|1|null;",
        rows("SELECT id, tags, len(tags), props FROM users ORDER BY id"));
    assertEquals("{not an array}", rows("SELECT name FROM users WHERE id = 3").replace(";", ""));
  }

  @Test
  void updateSetAndComparisons() throws SQLException {
    run("INSERT INTO users (id, tags) VALUES (1, '{a,b}'), (2, '{c}')");
    run("UPDATE users SET tags = '{\"d e\",f}', name = '{x}' WHERE tags = '{c}'");
    assertEquals("2|[d e, f]|{x};", rows("SELECT id, tags, name FROM users WHERE '{\"d e\",f}' = tags"));
    assertEquals("1;", rows("SELECT u.id FROM users u WHERE u.tags <> '{\"d e\",f}'"));
    run("DELETE FROM users WHERE tags = '{a,b}'");
    assertEquals("2;", rows("SELECT id FROM users"));
  }

  @Test
  void insertSelectAndPreparedInsert() throws SQLException {
    run("INSERT INTO users (id, name, tags) SELECT 1 AS id, CASE WHEN true THEN 'n' END,"
        + " '{a,\"b c\"}'");
    run("INSERT INTO users SELECT 2, 'x', '{d}', NULL, '{7}' FROM range(1)");
    run("PREPARE ins (int) AS INSERT INTO users (id, tags) VALUES ($1, '{e,NULL}')");
    run("EXECUTE ins(3)");
    assertEquals("1|[a, b c];2|[d];3|[e, NULL];", rows("SELECT id, tags FROM users ORDER BY id"));
  }

  @Test
  void lengthOfAByteaColumnCountsBytes() throws SQLException {
    run("CREATE TABLE files (name VARCHAR, data BLOB)");
    run("INSERT INTO files VALUES ('héllo', '\\x00ff01'::bytea)");
    assertEquals("3|5;", rows("SELECT length(data), length(name) FROM files"));
    assertEquals("héllo;", rows("SELECT f.name FROM public.files AS f WHERE length(f.data) = 3"));
    run("UPDATE files SET name = 'x' WHERE length(data) = 3");
    // a subquery may read another relation, whose data is text: its length is DuckDB's
    run("CREATE TABLE texts (data VARCHAR)");
    run("INSERT INTO texts VALUES ('héllo')");
    assertEquals("x|5;", rows("SELECT name, (SELECT length(data) FROM texts) FROM files"));
  }

  @Test
  void temporaryTablesComeFirst() throws SQLException {
    run("CREATE TEMP TABLE users (tags INTEGER[])");
    run("INSERT INTO users VALUES ('{1,2}')");
    run("INSERT INTO pg_temp.users VALUES ('{3}')");
    assertEquals("[1, 2];[3];", rows("SELECT tags FROM temp.users ORDER BY tags"));
  }
}
