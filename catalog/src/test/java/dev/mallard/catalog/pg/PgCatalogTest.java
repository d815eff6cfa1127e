package dev.mallard.catalog.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.catalog.Database;
import dev.mallard.catalog.Role;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulation installed into a real DuckDB instance: its views must describe exactly what the
 * instance holds. Queries name the emulation's objects directly (no rewriting here).
 */
class PgCatalogTest {
  private static final String PG = PgCatalog.DATABASE + "." + PgCatalog.PG_SCHEMA + ".";
  private static final String INFO = PgCatalog.DATABASE + "." + PgCatalog.INFO_SCHEMA + ".";

  private Connection db;
  private PgCatalog catalog;

  @BeforeEach
  void install() throws SQLException {
    db = DriverManager.getConnection("jdbc:duckdb:");
    catalog = PgCatalog.install(db, "memory", new PgCatalog.ServerObjects() {
      @Override
      public List<Database> databases() {
        return List.of(Database.duckDb("memory", 10).withOid(16384),
            Database.duckDb("other", 10).withOid(16385));
      }

      @Override
      public Collection<Role> roles() {
        return List.of(new Role("admin", true, true, null), new Role("reader", false, true, null));
      }
    });
    exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL DEFAULT 'x',"
        + " b INTEGER UNIQUE, c DECIMAL(10,2) CHECK (c > 0), tags VARCHAR[])");
    exec("CREATE TABLE u (id INTEGER, tid INTEGER REFERENCES t(id), PRIMARY KEY (id, tid))");
    exec("CREATE INDEX ui ON u (tid)");
    exec("CREATE VIEW v AS SELECT id, name FROM t");
    exec("CREATE SEQUENCE s1");
    exec("CREATE SCHEMA sales");
    exec("CREATE TABLE sales.orders (n BIGINT)");
    exec("COMMENT ON TABLE t IS 'tee'");
    exec("COMMENT ON COLUMN t.name IS 'the name'");
    exec("CREATE TYPE mood AS ENUM ('sad', 'happy')");
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  private void exec(String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }

  /** Rows as "a|b|c" strings. */
  private List<String> rows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData m = rs.getMetaData();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= m.getColumnCount(); i++) {
          sb.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  private String one(String sql) throws SQLException {
    List<String> r = rows(sql);
    assertEquals(1, r.size(), sql + " -> " + r);
    return r.get(0);
  }

  private String oid(String kind, String schema, String name) throws SQLException {
    return one("SELECT " + PG + "mallard_oid('" + kind + "', '" + schema + "', '" + name + "')");
  }

  @Test
  void namespacesShowMainAsPublic() throws SQLException {
    assertEquals(List.of("11|pg_catalog", "2200|public", "13000|information_schema"),
        rows("SELECT oid, nspname FROM " + PG + "pg_namespace WHERE nspname IN"
            + " ('public', 'pg_catalog', 'information_schema') ORDER BY nspname = 'information_schema', oid"));
    assertEquals("sales", one("SELECT nspname FROM " + PG + "pg_namespace WHERE nspname = 'sales'"));
  }

  @Test
  void classesListTablesViewsIndexesAndSequences() throws SQLException {
    assertEquals(List.of("t|r|5|true|1", "t_b_key|i|1|false|0", "t_pkey|i|1|false|0",
            "u|r|2|true|0", "u_pkey|i|2|false|0", "ui|i|1|false|0", "v|v|2|false|0",
            "s1|S|3|false|0"),
        rows("SELECT relname, relkind, relnatts, relhasindex, relchecks FROM " + PG + "pg_class"
            + " WHERE relnamespace = 2200 ORDER BY relkind = 'S', relname"));
    assertEquals(oid("r", "main", "t"), one("SELECT oid FROM " + PG + "pg_class WHERE relname = 't'"));
    assertEquals("1259", one("SELECT oid FROM " + PG + "pg_class WHERE relname = 'pg_class' AND relnamespace = 11"));
  }

  @Test
  void attributesCarryTheWireTypes() throws SQLException {
    String t = oid("r", "main", "t");
    assertEquals(List.of("id|1|23|-1|true|false", "name|2|25|-1|true|true",
            "b|3|23|-1|false|false", "c|4|1700|655366|false|false", "tags|5|1009|-1|false|false"),
        rows("SELECT attname, attnum, atttypid, atttypmod, attnotnull, atthasdef FROM " + PG
            + "pg_attribute WHERE attrelid = " + t + " ORDER BY attnum"));
    assertEquals(List.of("integer", "text", "integer", "numeric(10,2)", "text[]"),
        rows("SELECT " + PG + "format_type(atttypid, atttypmod) FROM " + PG + "pg_attribute"
            + " WHERE attrelid = " + t + " ORDER BY attnum"));
    assertEquals("'x'", one("SELECT " + PG + "pg_get_expr(adbin, adrelid) FROM " + PG
        + "pg_attrdef WHERE adrelid = " + t + " AND adnum = 2"));
  }

  @Test
  void indexesAndConstraints() throws SQLException {
    String t = oid("r", "main", "t");
    String u = oid("r", "main", "u");
    assertEquals(List.of("t_b_key|true|false|[3]", "t_pkey|true|true|[1]"),
        rows("SELECT c.relname, i.indisunique, i.indisprimary, i.indkey FROM " + PG + "pg_index i"
            + " JOIN " + PG + "pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = " + t + " ORDER BY 1"));
    assertEquals(List.of("u_pkey|CREATE UNIQUE INDEX u_pkey ON public.u USING btree (id, tid)",
            "ui|CREATE INDEX ui ON public.u USING art (tid)"),
        rows("SELECT c.relname, " + PG + "pg_get_indexdef(i.indexrelid) FROM " + PG + "pg_index i"
            + " JOIN " + PG + "pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = " + u + " ORDER BY 1"));
    assertEquals(List.of("t_b_key|u|[3]|CHECK_IGNORED", "t_c_check|c|[4]|CHECK ((c > 0))",
            "t_pkey|p|[1]|PRIMARY KEY (id)"),
        rows("SELECT conname, contype, conkey, CASE WHEN contype = 'u' THEN 'CHECK_IGNORED' ELSE "
            + PG + "pg_get_constraintdef(oid) END FROM " + PG + "pg_constraint WHERE conrelid = " + t
            + " ORDER BY 1"));
    assertEquals(t + "|[2]|[1]|FOREIGN KEY (tid) REFERENCES t(id)|" + oid("i", "main", "t_pkey"),
        one("SELECT confrelid, conkey, confkey, " + PG + "pg_get_constraintdef(oid, true), conindid FROM "
            + PG + "pg_constraint WHERE contype = 'f'"));
  }

  @Test
  void indexesHaveAttributesForTheirKeyColumns() throws SQLException {
    // psqlODBC's SQLPrimaryKeys joins pg_attribute ia ON ia.attrelid = i.indexrelid
    assertEquals(List.of("id|1|23|false", "tid|2|23|false"),
        rows("SELECT attname, attnum, atttypid, attnotnull FROM " + PG + "pg_attribute WHERE attrelid = "
            + oid("i", "main", "u_pkey") + " ORDER BY attnum"));
    assertEquals(List.of("tid|1"), rows("SELECT attname, attnum FROM " + PG + "pg_attribute WHERE attrelid = "
        + oid("i", "main", "ui")));
    assertEquals("2", one("SELECT count(*) FROM " + INFO + "columns WHERE table_name = 'u'"));
  }

  @Test
  void commentsTypesAndEnums() throws SQLException {
    String t = oid("r", "main", "t");
    assertEquals("tee", one("SELECT " + PG + "obj_description(" + t + ", 'pg_class')"));
    assertEquals("the name", one("SELECT " + PG + "col_description(" + t + ", 2)"));
    assertEquals("23|int4|4|N|1007", one("SELECT oid, typname, typlen, typcategory, typarray FROM "
        + PG + "pg_type WHERE typname = 'int4'"));
    // typlen is int2 in PostgreSQL; the enum branch of the view's UNION must not widen it
    assertEquals("SMALLINT|4", one("SELECT typeof(typlen), typlen FROM " + PG
        + "pg_type WHERE typname = 'mood'"));
    assertEquals(List.of("sad|1.0", "happy|2.0"), rows("SELECT e.enumlabel, e.enumsortorder FROM "
        + PG + "pg_enum e JOIN " + PG + "pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'mood'"
        + " ORDER BY 2"));
  }

  @Test
  void sizePrettyUsesPostgresqlsUnitsBeyondInt32() throws SQLException {
    // Expected values are PostgreSQL 15's for the same calls.
    assertEquals("123 bytes|10239 bytes|10 kB|10 MB|10 MB|10 GB|20 TB|-2048 bytes|-2000 kB|10239 kB|30 PB",
        one("SELECT concat_ws('|', " + PG + "pg_size_pretty(123), " + PG + "pg_size_pretty(10239), "
            + PG + "pg_size_pretty(10240), " + PG + "pg_size_pretty(10485759), " + PG
            + "pg_size_pretty(10485760), " + PG + "pg_size_pretty(10737418240), " + PG
            + "pg_size_pretty(21990232555520), " + PG + "pg_size_pretty(-2048), " + PG
            + "pg_size_pretty(-2048000), " + PG + "pg_size_pretty(10485247), " + PG
            + "pg_size_pretty(1125899906842624 * 30))"));
  }

  @Test
  void rolesAndDatabasesComeFromTheServer() throws SQLException {
    assertEquals(List.of("admin|10|true", "reader|" + oid("R", "", "reader") + "|false"),
        rows("SELECT rolname, oid, rolsuper FROM " + PG + "pg_roles ORDER BY 1"));
    assertEquals("admin", one("SELECT " + PG + "pg_get_userbyid(10)"));
    assertEquals(List.of("memory|UTF8", "other|UTF8"), rows("SELECT datname, " + PG
        + "pg_encoding_to_char(encoding) FROM " + PG + "pg_database ORDER BY 1"));
  }

  @Test
  void regclassLooksNamesUpThroughTheSearchPath() throws SQLException {
    String t = oid("r", "main", "t");
    assertEquals(t, one("SELECT " + PG + "mallard_regclass('t')"));
    assertEquals(t, one("SELECT " + PG + "mallard_regclass('public.t')"));
    assertEquals(t, one("SELECT " + PG + "mallard_regclass('\"t\"')"));
    assertEquals("1259", one("SELECT " + PG + "mallard_regclass('pg_class')"));
    assertEquals(oid("r", "sales", "orders"), one("SELECT " + PG + "mallard_regclass('sales.orders')"));
    assertEquals("sales.orders", one("SELECT " + PG + "mallard_regclass_name(" + PG
        + "mallard_regclass('sales.orders'))"));
    assertEquals("t", one("SELECT " + PG + "mallard_regclass_name(" + t + ")"));
    assertEquals("null", one("SELECT " + PG + "to_regclass('nope')"));
    SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
        () -> one("SELECT " + PG + "mallard_regclass('nope')"));
    assertTrue(e.getMessage().contains("[42P01] relation \"nope\" does not exist"), e.getMessage());
    assertEquals("integer", one("SELECT " + PG + "mallard_regtype_name(" + PG + "mallard_regtype('int4'))"));
  }

  @Test
  void temporaryRelationsAreInTheSessionsTempSchema() throws SQLException {
    PgCatalog.bindSession(db, "admin", 42);
    assertEquals("0", one("SELECT " + PG + "pg_my_temp_schema()"));
    exec("CREATE TEMP TABLE scratch (id INTEGER PRIMARY KEY, tags VARCHAR[])");
    exec("CREATE TEMP VIEW sv AS SELECT id FROM scratch");
    exec("CREATE TEMP TABLE mallard_cursor_1 AS SELECT 1 AS x"); // a holdable cursor's rows
    String nsp = oid("n", "pg_temp_42", "");
    assertEquals(nsp + "|pg_temp_42", one("SELECT oid, nspname FROM " + PG + "pg_namespace"
        + " WHERE oid = " + PG + "pg_my_temp_schema()"));
    assertEquals(List.of("scratch|r|t", "scratch_pkey|i|t", "sv|v|t"),
        rows("SELECT relname, relkind, relpersistence FROM " + PG + "pg_class"
            + " WHERE relnamespace = " + nsp + " ORDER BY relname"));
    assertEquals(List.of("scratch|LOCAL TEMPORARY", "sv|VIEW"), rows("SELECT table_name,"
        + " table_type FROM " + INFO + "tables WHERE table_schema = 'pg_temp_42' ORDER BY 1"));
    assertEquals(List.of("id|integer|NO", "tags|ARRAY|YES"), rows("SELECT column_name, data_type,"
        + " is_nullable FROM " + INFO + "columns WHERE table_name = 'scratch' ORDER BY 1"));
    String scratch = oid("r", "pg_temp_42", "scratch");
    assertEquals(scratch, one("SELECT " + PG + "mallard_regclass('scratch')"));
    assertEquals(scratch, one("SELECT " + PG + "mallard_regclass('pg_temp.scratch')"));
    assertEquals("true", one("SELECT " + PG + "pg_table_is_visible(" + scratch + ")"));
    // DuckDB's temp catalog is the connection's own: another session sees none of it
    try (Connection other = ((org.duckdb.DuckDBConnection) db).duplicate();
        Statement s = other.createStatement()) {
      PgCatalog.bindSession(other, "reader", 43);
      ResultSet rs = s.executeQuery("SELECT count(*) FROM " + PG + "pg_class WHERE relpersistence"
            + " = 't' OR relname = 'scratch'");
      assertTrue(rs.next());
      assertEquals(0, rs.getInt(1));
    }
  }

  @Test
  void informationSchema() throws SQLException {
    assertEquals(List.of("public|t|BASE TABLE", "public|u|BASE TABLE", "public|v|VIEW",
            "sales|orders|BASE TABLE"),
        rows("SELECT table_schema, table_name, table_type FROM " + INFO + "tables WHERE table_schema"
            + " NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2"));
    assertEquals(List.of("id|integer|NO|null", "name|text|NO|'x'", "b|integer|YES|null",
            "c|numeric|YES|null", "tags|ARRAY|YES|null"),
        rows("SELECT column_name, data_type, is_nullable, column_default FROM " + INFO + "columns"
            + " WHERE table_name = 't' ORDER BY ordinal_position"));
    assertEquals("10|2", one("SELECT numeric_precision, numeric_scale FROM " + INFO + "columns"
        + " WHERE table_name = 't' AND column_name = 'c'"));
    assertEquals(List.of("u_pkey|id|1", "u_pkey|tid|2", "u_tid_fkey|tid|1"),
        rows("SELECT constraint_name, column_name, ordinal_position FROM " + INFO
            + "key_column_usage WHERE table_name = 'u' ORDER BY 1, 3"));
    assertEquals("u_tid_fkey|t_pkey", one("SELECT constraint_name, unique_constraint_name FROM "
        + INFO + "referential_constraints"));
    assertEquals("SELECT id, \"name\" FROM t", one("SELECT view_definition FROM " + INFO + "views"));
  }

  @Test
  void catalogKnowsWhatItDefines() {
    assertTrue(catalog.hasPgRelation("pg_attribute"));
    assertTrue(catalog.hasPgFunction("format_type"));
    assertTrue(catalog.hasInfoRelation("columns"));
    assertTrue(catalog.hasInfoFunction("_pg_expandarray"));
    assertTrue(!catalog.hasPgRelation("mallard_relations"));
  }

  @Test
  void functionsHaveOneOidEachAndMacrosArePolymorphic() throws SQLException {
    exec("CREATE MACRO add_one(x) AS x + 1");
    assertEquals("true", one("SELECT count(*) = count(DISTINCT oid) FROM " + PG + "pg_proc"));
    assertEquals("add_one|2200|x anyelement|anyelement|14", one("SELECT proname, pronamespace, "
        + PG + "pg_get_function_arguments(oid), " + PG + "pg_get_function_result(oid), prolang FROM "
        + PG + "pg_proc WHERE proname = 'add_one'"));
    assertEquals("string text|text", one("SELECT " + PG + "pg_get_function_arguments(oid), " + PG
        + "pg_get_function_result(oid) FROM " + PG + "pg_proc WHERE proname = 'lower'"));
  }
}
