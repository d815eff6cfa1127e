package dev.mallard.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * json and jsonb as PostgreSQL prints and types them, run in a real DuckDB with the session
 * macros and Java JSON functions, the statements rewritten as a session would. Expected values
 * are PostgreSQL 15's answers.
 */
class JsonbTest {
  private static Connection duck;

  @BeforeAll
  static void open() throws SQLException {
    duck = DriverManager.getConnection("jdbc:duckdb:");
    JsonFunctions.register(duck.unwrap(DuckDBConnection.class));
    try (Statement s = duck.createStatement()) {
      for (String sql : SessionMacros.statements()) {
        s.execute(sql);
      }
      s.execute("CREATE TABLE events(id INTEGER, properties JSON)");
      s.execute("INSERT INTO events VALUES (1, '{\"page\": \"/home\", \"device\": {\"os\": \"ios\","
          + " \"version\": 17}, \"tags\": [\"new\",  \"mobile\"], \"$browser\": \"Safari\"}')");
    }
  }

  @AfterAll
  static void close() throws SQLException {
    duck.close();
  }

  /** The first row, as text joined by '|', and the DuckDB type of each column after a '#'. */
  private static String row(String postgresSql) throws SQLException {
    String sql = SqlRewriter.standard().rewrite(postgresSql, new RewriteContext(null));
    try (Statement s = duck.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      StringBuilder values = new StringBuilder();
      StringBuilder types = new StringBuilder();
      for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
        values.append(i > 1 ? "|" : "").append(r.getString(i));
        types.append(i > 1 ? "|" : "").append(r.getMetaData().getColumnTypeName(i));
      }
      return values + "#" + types;
    }
  }

  @Test
  void jsonbTextIsNormalisedWhereAValueBecomesJsonb() throws SQLException {
    assertEquals("{\"a\": [1, 2, {\"c\": null}], \"b\": 2}#UNION(jsonb JSON)",
        row("SELECT '{\"b\": 1,   \"a\": [1, 2, {\"c\": null}], \"b\": 2}'::jsonb"));
    assertEquals("{\"b\": {\"x\": 100, \"yy\": 0.0}, \"aa\": 1}#UNION(jsonb JSON)",
        row("SELECT CAST('{\"aa\":1,\"b\":{\"yy\":-0.0,\"x\":1e2}}' AS jsonb)"));
    assertEquals("{\"b\": 1}#JSON", row("SELECT x FROM (SELECT '{\"b\":1}'::jsonb AS x) t"));
    assertEquals("[\"Bob\", \"Zoë\"]#UNION(jsonb JSON)",
        row("SELECT jsonb_agg(n ORDER BY n) FROM (VALUES ('Zoë'), ('Bob')) v(n)"));
  }

  private static String rewrite(String sql) {
    return SqlRewriter.standard().rewrite(sql, new RewriteContext(null));
  }

  @Test
  void onlyValuesSentToTheClientAreMarked() {
    assertEquals("SELECT union_value(jsonb := pg_jsonb(x)) AS y, union_value(jsonb := pg_jsonb(x)) z,"
        + " union_value(jsonb := (pg_jsonb(x))) AS \"x\", x::json AS \"x\" FROM t",
        rewrite("SELECT x::jsonb AS y, x::jsonb z, (x::jsonb), x::json FROM t"));
    // a UNION cast to JSON would be {"jsonb": ...}: inserted, unioned or stored values stay JSON
    for (String sql : new String[] {"INSERT INTO t SELECT '{}'::jsonb",
        "SELECT '{}'::jsonb UNION ALL SELECT '{}'::jsonb", "CREATE TABLE u AS SELECT '{}'::jsonb",
        "SELECT '{}'::jsonb INTO u", "SELECT * FROM (SELECT '{}'::jsonb) s"}) {
      assertTrue(!rewrite(sql).contains("union_value"), rewrite(sql));
    }
    // a DEFAULT is stored with the table: no session macro in it
    assertEquals("CREATE TABLE t(j JSON DEFAULT '{}'::JSON NOT NULL)",
        rewrite("CREATE TABLE t(j jsonb DEFAULT '{}'::jsonb NOT NULL)"));
  }

  @Test
  void jsonKeepsItsText() throws SQLException {
    assertEquals("{\"b\":  1, \"a\": 2}#JSON", row("SELECT '{\"b\":  1, \"a\": 2}'::json"));
    assertEquals("{\"os\": \"ios\", \"version\": 17}|[\"new\",  \"mobile\"]|\"mobile\"|Safari#JSON|JSON|JSON|VARCHAR",
        row("SELECT properties #> '{device}', properties -> 'tags', properties -> 'tags' -> -1,"
            + " properties ->> '$browser' FROM events"));
    assertEquals("\"Safari\"|null|null|ios#JSON|JSON|JSON|VARCHAR",
        row("SELECT properties -> '$browser', properties -> 'nope', properties -> 0,"
            + " properties -> 'device' ->> 'os' FROM events"));
    // DuckDB would reprint 1.50 as 1.5, 1e2 as 100.0 and decode the escapes
    assertEquals("1.50|1e2|\"\\u00e9\\/\"|1|[1,  2]|{\"0\": 3}|3#JSON|JSON|JSON|JSON|JSON|JSON|JSON",
        row("SELECT j -> 'a', j -> 'b', j -> 'c', j -> 'd' -> 0, j #> '{d}', j -> 'e', j #> '{e,0}'"
            + " FROM (SELECT '{\"a\": 1.50, \"b\": 1e2, \"c\": \"\\u00e9\\/\", \"d\": [1,  2],"
            + " \"e\": {\"0\": 3}}'::json AS j)"));
    assertEquals("{\"a\":1,\"c\":{}}#JSON",
        row("SELECT json_strip_nulls('{\"a\": 1, \"b\": null, \"c\": {\"d\": null}}'::json)"));
  }

  @Test
  void jsonbOperatorsAndFunctions() throws SQLException {
    assertEquals("{\"a\": 1, \"b\": 2}|{\"b\": 2}#UNION(jsonb JSON)|UNION(jsonb JSON)",
        row("SELECT '{\"a\": 1}'::jsonb || '{\"b\": 2}'::jsonb, '{\"a\": 1, \"b\": 2}'::jsonb - 'a'"));
    assertEquals("[1, 3]|[1, 2]#UNION(jsonb JSON)|UNION(jsonb JSON)",
        row("SELECT '[1,2,3]'::jsonb - 1, '[1,\"a\",2]'::jsonb - 'a'"));
    assertEquals("{\"a\": 1, \"b\": {\"c\": 3}}#UNION(jsonb JSON)",
        row("SELECT jsonb_set('{\"a\": 1, \"b\": {\"c\": 2}}'::jsonb, '{b,c}', '3')"));
    assertEquals("{\"a\": [9, 1, 2]}|{\"a\": 1}#UNION(jsonb JSON)|UNION(jsonb JSON)",
        row("SELECT jsonb_set('{\"a\":[1,2]}', '{a,-9}', '9'), jsonb_set('{\"a\":1}', '{x}', '9', false)"));
    assertEquals("\"ios\"|2#UNION(jsonb JSON)|UNION(jsonb JSON)",
        row("SELECT jsonb_path_query_first(properties::jsonb, '$.device.os'),"
            + " jsonb_path_query_first('{\"a\":[{\"b\":1},{\"b\":2}]}', '$.a[1].b') FROM events"));
    assertEquals("{\"os\": \"ios\", \"version\": 17}#UNION(jsonb JSON)",
        row("SELECT properties::jsonb -> 'device' FROM events"));
    assertEquals("{\"a\": [null, {}]}#UNION(jsonb JSON)",
        row("SELECT jsonb_strip_nulls('{\"b\":null,\"a\":[null,{\"c\":null}]}')"));
  }

  @Test
  void errorsCarryPostgresqlsSqlstate() {
    SQLException e = assertThrows(SQLException.class,
        () -> row("SELECT jsonb_set('1'::jsonb, '{a}', '2')"));
    assertTrue(e.getMessage().contains("[22023] cannot set path in scalar"), e.getMessage());
    e = assertThrows(SQLException.class, () -> row("SELECT '{\"a\":1}'::jsonb - 1"));
    assertTrue(e.getMessage().contains("[22023] cannot delete from object"), e.getMessage());
    e = assertThrows(SQLException.class,
        () -> row("SELECT jsonb_path_query_first('{}', '$.a ? (@ > 1)')"));
    assertTrue(e.getMessage().contains("[0A000]"), e.getMessage());
  }
}
