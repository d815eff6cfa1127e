package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * pgjdbc's DatabaseMetaData runs its own catalog queries (no special cases on the server): the
 * answers must describe what the tenant's DuckDB holds.
 */
class CatalogMetadataTest {
  static TestServer server;
  static Connection c;

  @BeforeAll
  static void start() throws SQLException {
    server = TestServer.start();
    c = server.connect();
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL DEFAULT 'x',"
          + " code INTEGER UNIQUE, amount DECIMAL(10,2) CHECK (amount > 0))");
      s.execute("CREATE TABLE child (id INTEGER, pid INTEGER REFERENCES parent(id),"
          + " PRIMARY KEY (id, pid))");
      s.execute("CREATE INDEX child_pid ON child (pid)");
      s.execute("CREATE VIEW parent_names AS SELECT id, name FROM parent");
      s.execute("CREATE SCHEMA sales");
      s.execute("CREATE TABLE sales.orders (n BIGINT)");
      s.execute("COMMENT ON TABLE parent IS 'the parents'");
      s.execute("CREATE MACRO twice(x) AS x * 2");
    }
  }

  @AfterAll
  static void stop() throws SQLException {
    c.close();
    server.close();
  }

  /** One column of every row, as strings. */
  private static List<String> column(ResultSet rs, String name) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        out.add(rs.getString(name));
      }
    }
    return out;
  }

  private static List<String> rows(ResultSet rs, String... names) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
          sb.append(sb.length() > 0 ? "|" : "").append(rs.getString(n));
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  @Test
  void catalogsSchemasAndTables() throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    assertEquals(List.of("postgres"), column(md.getCatalogs(), "TABLE_CAT"));
    assertEquals(List.of("information_schema", "pg_catalog", "public", "sales"),
        column(md.getSchemas(), "TABLE_SCHEM"));
    // pgjdbc orders by type, then schema and name
    assertEquals(List.of("public|child|TABLE|null", "public|parent|TABLE|the parents",
            "sales|orders|TABLE|null", "public|parent_names|VIEW|null"),
        rows(md.getTables(null, null, "%", new String[] {"TABLE", "VIEW"}),
            "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS"));
  }

  @Test
  void columnsWithTypesNullabilityAndDefaults() throws SQLException {
    assertEquals(List.of("id|4|int4|10|0|NO|null", "name|12|text|2147483647|0|NO|'x'",
            "code|4|int4|10|0|YES|null", "amount|2|numeric|10|2|YES|null"),
        rows(c.getMetaData().getColumns(null, "public", "parent", "%"), "COLUMN_NAME", "DATA_TYPE",
            "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS", "IS_NULLABLE", "COLUMN_DEF"));
  }

  @Test
  void keysAndIndexes() throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    assertEquals(List.of("id|1|child_pkey", "pid|2|child_pkey"),
        rows(md.getPrimaryKeys(null, "public", "child"), "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
    assertEquals(List.of("parent|id|child|pid|1|child_pid_fkey|parent_pkey"),
        rows(md.getImportedKeys(null, "public", "child"), "PKTABLE_NAME", "PKCOLUMN_NAME",
            "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "FK_NAME", "PK_NAME"));
    assertEquals(List.of("child|pid|child_pid_fkey"),
        rows(md.getExportedKeys(null, "public", "parent"), "FKTABLE_NAME", "FKCOLUMN_NAME", "FK_NAME"));
    // NON_UNIQUE is a bool column: getString gives PostgreSQL's text form
    assertEquals(List.of("f|parent_code_key|code", "f|parent_pkey|id"),
        rows(md.getIndexInfo(null, "public", "parent", false, false), "NON_UNIQUE", "INDEX_NAME",
            "COLUMN_NAME"));
    assertEquals(List.of("f|child_pkey|id", "f|child_pkey|pid", "t|child_pid|pid"),
        rows(md.getIndexInfo(null, "public", "child", false, false), "NON_UNIQUE", "INDEX_NAME",
            "COLUMN_NAME"));
  }

  @Test
  void typeInfoAndFunctions() throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    List<String> types = column(md.getTypeInfo(), "TYPE_NAME");
    for (String t : List.of("bool", "int2", "int4", "int8", "numeric", "text", "varchar", "date",
        "timestamp", "timestamptz", "uuid", "json", "bytea", "_int4")) {
      assertTrue(types.contains(t), t + " in " + types);
    }
    assertEquals(List.of("public|twice"),
        rows(md.getFunctions(null, "public", "%"), "FUNCTION_SCHEM", "FUNCTION_NAME"));
  }

  @Test
  void resultSetMetaDataAndVersion() throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, name, amount FROM parent")) {
      ResultSetMetaData m = rs.getMetaData();
      assertEquals("int4", m.getColumnTypeName(1));
      assertEquals("text", m.getColumnTypeName(2));
      assertEquals("numeric", m.getColumnTypeName(3));
      assertEquals(10, m.getPrecision(3));
      assertEquals(2, m.getScale(3));
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version(), current_user, current_database(),"
            + " current_schema(), pg_backend_pid() > 0, 'parent'::regclass = (SELECT oid FROM"
            + " pg_class WHERE relname = 'parent')")) {
      assertTrue(rs.next());
      String server = c.getMetaData().getDatabaseProductVersion();
      assertTrue(rs.getString(1).startsWith("PostgreSQL " + server + " on "), rs.getString(1));
      assertEquals("version", rs.getMetaData().getColumnLabel(1));
      assertEquals("postgres", rs.getString(2));
      assertEquals("current_user", rs.getMetaData().getColumnLabel(2));
      assertEquals("postgres", rs.getString(3));
      assertEquals("public", rs.getString(4));
      assertTrue(rs.getBoolean(5));
      assertTrue(rs.getBoolean(6));
    }
  }

  /**
   * A temporary table is in the session's pg_temp_N schema, as in PostgreSQL: pgjdbc types it
   * TEMPORARY TABLE by that schema's name, and no other session sees it.
   */
  @Test
  void temporaryTablesInTheirSessionsTempSchema() throws SQLException {
    try (Connection own = server.connect(); Statement s = own.createStatement()) {
      s.execute("CREATE TEMP TABLE scratch (id INTEGER NOT NULL, tags TEXT[], note TEXT)");
      String schema;
      try (ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace"
          + " WHERE oid = pg_my_temp_schema()")) {
        assertTrue(rs.next());
        schema = rs.getString(1);
      }
      assertTrue(schema.matches("pg_temp_[0-9]+"), schema);
      DatabaseMetaData md = own.getMetaData();
      assertEquals(List.of(schema + "|scratch|TEMPORARY TABLE"),
          rows(md.getTables(null, null, "scratch", null), "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE"));
      assertEquals(List.of("id|int4|NO", "tags|_text|YES", "note|text|YES"),
          rows(md.getColumns(null, schema, "scratch", "%"), "COLUMN_NAME", "TYPE_NAME",
              "IS_NULLABLE"));
      try (ResultSet rs = s.executeQuery("SELECT 'pg_temp.scratch'::regclass = 'scratch'::regclass,"
          + " (SELECT relpersistence FROM pg_class WHERE relname = 'scratch'),"
          + " (SELECT table_type FROM information_schema.tables WHERE table_name = 'scratch')")) {
        assertTrue(rs.next());
        assertTrue(rs.getBoolean(1));
        assertEquals("t", rs.getString(2));
        assertEquals("LOCAL TEMPORARY", rs.getString(3));
      }
      assertEquals(List.of(), rows(c.getMetaData().getTables(null, null, "scratch", null),
          "TABLE_NAME"));
      try (Statement other = c.createStatement();
          ResultSet rs = other.executeQuery("SELECT pg_my_temp_schema(),"
              + " (SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'pg_temp%')")) {
        assertTrue(rs.next());
        assertEquals(0, rs.getInt(1));
        assertEquals(0, rs.getInt(2));
      }
    }
  }

  @Test
  void unknownRelationInRegclassIs42P01() throws SQLException {
    try (Statement s = c.createStatement()) {
      SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
          () -> s.executeQuery("SELECT 'no_such_table'::regclass"));
      assertEquals("42P01", e.getSQLState(), e.getMessage());
      assertFalse(e.getMessage().contains("[42P01]"), e.getMessage());
    }
  }
}
