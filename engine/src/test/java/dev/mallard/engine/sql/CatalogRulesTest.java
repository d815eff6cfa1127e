package dev.mallard.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mallard.catalog.pg.PgCatalog;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalog rules (CatalogReferences, RegCasts) against a real installed emulation. */
class CatalogRulesTest {
  private static Connection db;
  private static RewriteContext context;

  @BeforeAll
  static void install() throws SQLException {
    db = DriverManager.getConnection("jdbc:duckdb:");
    // the session macros call these
    JsonFunctions.register(db.unwrap(org.duckdb.DuckDBConnection.class));
    context = new RewriteContext(PgCatalog.install(db, "memory", PgCatalog.ServerObjects.NONE));
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  /** The catalog rules, with the dialect rules psql's catalog queries need. */
  private static String rewrite(String sql) {
    return new SqlRewriter(java.util.List.of(new OperatorSyntax(), new CatalogReferences(),
        new RegCasts(), new VectorSubscripts(), new PublicSchema(), new RegexOperators(),
        new SetReturningFunctions()))
        .rewrite(sql, context);
  }

  @Test
  void formatQuotesIdentifiersWithTheCatalogsQuoteIdent() throws SQLException {
    String sql = SqlRewriter.standard().rewrite("SELECT format('%I.%I', 'my table', 'ok')", context);
    try (java.sql.Statement s = db.createStatement(); java.sql.ResultSet r = s.executeQuery(sql)) {
      r.next();
      assertEquals("\"my table\".ok", r.getString(1));
    }
  }

  @Test
  void regclassOfALiteralIsTheOid() {
    assertEquals("select 1 where c.oid = __mallard.pg.mallard_regclass('t')",
        rewrite("select 1 where c.oid = 't'::regclass"));
    assertEquals("select 1 where c.oid = __mallard.pg.mallard_regclass('public.t')",
        rewrite("select 1 where c.oid = 'public.t'::pg_catalog.regclass"));
    assertEquals("select 1 from x where y in (values (__mallard.pg.mallard_regclass('16451')))",
        rewrite("select 1 from x where y in (values ('16451'::pg_catalog.regclass))"));
  }

  @Test
  void regclassAsASelectItemOrCastToTextIsTheName() {
    assertEquals("SELECT union_value(regclass := __mallard.pg.mallard_regclass_name("
        + "__mallard.pg.mallard_regclass(conrelid))) AS ontable FROM t",
        rewrite("SELECT conrelid::pg_catalog.regclass AS ontable FROM t"));
    assertEquals("select x order by __mallard.pg.mallard_regclass_name(__mallard.pg.mallard_regclass(c.oid))",
        rewrite("select x order by c.oid::pg_catalog.regclass::pg_catalog.text"));
    assertEquals("select __mallard.pg.mallard_regtype_name(__mallard.pg.mallard_regtype(c.reloftype)) from c",
        rewrite("select c.reloftype::regtype::text from c"));
  }

  @Test
  void int2vectorSubscriptsCountFromZero() {
    assertEquals("select 1 from __mallard.pg.pg_index i, a where a.attnum = i.indkey[(a.n - 1) + 1]",
        rewrite("select 1 from pg_index i, a where a.attnum = i.indkey[a.n - 1]"));
    assertEquals("select indkey[1:2] from __mallard.pg.pg_index",
        rewrite("select indkey[1:2] from pg_index"));
    assertEquals("select indkey[0] from t", rewrite("select indkey[0] from t"));
  }

  @Test
  void databaseQualifiedCatalogReferences() {
    assertEquals("select column_name from __mallard.info.columns where table_name = 't'",
        rewrite("select column_name from \"postgres\".INFORMATION_SCHEMA.columns where table_name = 't'"));
    assertEquals("select relname from __mallard.pg.pg_class",
        rewrite("select relname from postgres.pg_catalog.pg_class"));
    assertEquals("select x from postgres.main.t", rewrite("select x from postgres.public.t"));
  }

  @Test
  void pgTypeofIsRegtypeNamedAsTheWireSendsTheValue() throws SQLException {
    assertEquals("select 1 where (mallard_pg_type_oid(typeof(f(x, y))))::regtype = 23",
        new SqlRewriter(java.util.List.of(new PgTypeof())).rewrite(
            "select 1 where pg_catalog.pg_typeof(f(x, y)) = 23", context));
    String sql = SqlRewriter.standard().rewrite("SELECT pg_typeof(1), pg_typeof(1.5), "
        + "pg_typeof(now()), pg_typeof(ARRAY['a']), pg_typeof(count(*)), "
        + "pg_typeof(2) = 'integer'::regtype", context);
    try (java.sql.Statement s = db.createStatement(); java.sql.ResultSet r = s.executeQuery(sql)) {
      r.next();
      assertEquals(
          List.of("integer", "numeric", "timestamp with time zone", "text[]", "bigint", "true"),
          List.of(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
              r.getString(6)));
      // The wire announces this DuckDB type as regtype (OID 2206).
      assertEquals("UNION(regtype VARCHAR)", r.getMetaData().getColumnTypeName(1));
    }
  }

  @Test
  void pgTypeofOfAJsonbValueIsJsonb() throws SQLException {
    try (java.sql.Statement s = db.createStatement()) {
      for (String macro : SessionMacros.statements()) {
        s.execute(macro);
      }
    }
    String sql = SqlRewriter.standard().rewrite("SELECT pg_typeof(p::jsonb -> 'a'),"
        + " pg_typeof(p::jsonb ->> 'a'), pg_typeof('{}'::json),"
        + " (SELECT pg_typeof(jsonb_agg(q)) FROM (VALUES (1)) f(q))"
        + " FROM (VALUES ('{\"a\": 1}'::json)) e(p)", context);
    assertEquals(List.of("jsonb", "text", "json", "jsonb"), row(sql), sql);
  }

  @Test
  void pgTypeofNamesTheTypeThatTheParserGivesConstantsAndCasts() throws SQLException {
    String sql = SqlRewriter.standard().rewrite("SELECT pg_typeof('a'), pg_typeof(NULL), "
        + "pg_typeof(1e3), pg_typeof(3000000000), pg_typeof(99999999999999999999), "
        + "pg_typeof('a'::varchar(3)), pg_typeof(CAST(1 AS numeric(5,2))), "
        + "pg_typeof('x'::char(2)), pg_typeof(x::double precision), pg_typeof('{1}'::int[]), "
        + "pg_typeof(1::int + 1) FROM (SELECT 1 AS x)", context);
    assertEquals(List.of("unknown", "unknown", "numeric", "bigint", "numeric", "character varying",
        "numeric", "character", "double precision", "integer[]", "integer"), row(sql));
  }

  @Test
  void pgTypeofOfAggregatesNeedsNoSubquery() throws SQLException {
    try (java.sql.Statement s = db.createStatement()) {
      for (String macro : SessionMacros.statements()) {
        s.execute(macro);
      }
      s.execute("CREATE TABLE agg_t (i INTEGER, r REAL, n DECIMAL(10,2))");
    }
    String sql = SqlRewriter.standard().rewrite("SELECT pg_typeof(count(*)), pg_typeof(sum(i)), "
        + "pg_typeof(sum(n)), pg_typeof(avg(i)), pg_typeof(avg(r)), pg_typeof(sum(r)), "
        + "pg_typeof(sum(i))::text, pg_typeof(sum(i)) = 'bigint'::regtype FROM agg_t WHERE false",
        context);
    assertEquals(List.of("bigint", "bigint", "numeric", "numeric", "double precision", "real",
        "bigint", "true"), row(sql));
  }

  private static List<String> row(String sql) throws SQLException {
    try (java.sql.Statement s = db.createStatement(); java.sql.ResultSet r = s.executeQuery(sql)) {
      r.next();
      List<String> values = new java.util.ArrayList<>();
      for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
        values.add(r.getString(i));
      }
      return values;
    }
  }

  @Test
  void castSpellingTakesTheSamePath() {
    assertEquals("select 1 where c.oid = __mallard.pg.mallard_regclass(('pg_catalog.pg_constraint'))",
        rewrite("select 1 where c.oid = CAST('pg_catalog.pg_constraint' AS REGCLASS)"));
    assertEquals("select 1 where c.oid = __mallard.pg.mallard_regclass(($1))",
        rewrite("select 1 where c.oid = CAST($1 AS REGCLASS)"));
    assertEquals("select f(__mallard.pg.mallard_regclass_name(__mallard.pg.mallard_regclass((a.attrelid))), a.attname) from a",
        rewrite("select f(CAST(CAST(a.attrelid AS REGCLASS) AS TEXT), a.attname) from a"));
    assertEquals("select cast(x as text), cast(f(y AS z) as int) from t",
        rewrite("select cast(x as text), cast(f(y AS z) as int) from t"));
  }

  @Test
  void operandsAreWholeExpressions() {
    assertEquals("select 1 where a = __mallard.pg.mallard_regclass(f(x, y))",
        rewrite("select 1 where a = f(x, y)::regclass"));
    assertEquals("select 1 where a = __mallard.pg.mallard_regclass(('t'))",
        rewrite("select 1 where a = ('t')::regclass"));
    assertEquals("select 1 where a = __mallard.pg.mallard_regclass($1::text)",
        rewrite("select 1 where a = $1::text::regclass"));
    assertEquals("select 1 where a = __mallard.pg.mallard_regnamespace(n.oid) + 0",
        rewrite("select 1 where a = n.oid::regnamespace + 0"));
  }

  @Test
  void informationSchemaFunctionsAndRelations() {
    assertEquals("select (__mallard.info._pg_expandarray(i.indkey)).n from __mallard.info.columns",
        rewrite("select (information_schema._pg_expandarray(i.indkey)).n from information_schema.columns"));
  }

  @Test
  void textWithoutCatalogReferencesIsUntouched() {
    String sql = "select 'a'::text, x::int from t";
    assertEquals(sql, rewrite(sql));
  }

  @Test
  void regexOperatorsMatchAnywhere() {
    assertEquals("select 1 where (NOT regexp_matches(n.nspname, '^pg_')) and (regexp_matches(c.relname, '^(t)$'))  ",
        rewrite("select 1 where n.nspname !~ '^pg_' and c.relname OPERATOR(pg_catalog.~) '^(t)$' COLLATE pg_catalog.default"));
    assertEquals("select (regexp_matches(lower(x), $1, 'i'))", rewrite("select lower(x) ~* $1"));
  }

  @Test
  void singleColumnFunctionsInFromAreNamedByTheirAlias() {
    assertEquals("select s from generate_series(0, 3) s(s), t where x = prattrs[s]",
        rewrite("select s from pg_catalog.generate_series(0, 3) s, t where x = prattrs[s]"));
    assertEquals("select * from t, unnest(a) AS u(u) join v on true",
        rewrite("select * from t, unnest(a) AS u join v on true"));
    String unchanged = "select * from unnest(a) with ordinality as x(v, n), range(3) r";
    assertEquals(unchanged, rewrite(unchanged));
    assertEquals("select unnest(a) s from t", rewrite("select unnest(a) s from t"));
  }

  @Test
  void emulatedFunctionsKeepPostgresColumnNames() {
    assertEquals("select __mallard.pg.version() AS \"version\", __mallard.pg.current_schemas(true) AS \"current_schemas\"",
        rewrite("select version(), pg_catalog.current_schemas(true)"));
    assertEquals("select __mallard.pg.version() v from t where __mallard.pg.format_type(1, 2) = 'x'",
        rewrite("select version() v from t where format_type(1, 2) = 'x'"));
  }
}
