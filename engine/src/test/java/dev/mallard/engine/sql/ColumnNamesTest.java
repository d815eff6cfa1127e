package dev.mallard.engine.sql;

import static dev.mallard.engine.sql.OperatorRulesTest.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ColumnNamesTest {
  private final ColumnNames rule = new ColumnNames();

  @Test
  void expressionsGetPostgresqlsNames() {
    assertEquals("SELECT 1 AS \"?column?\", $1::int4 + 1 AS \"?column?\", 'a'::text AS \"text\", "
        + "CAST(2.5 AS numeric(4,2)) AS \"numeric\", count(*) AS \"count\", lower('A') AS \"lower\" "
        + "FROM range(3)",
        rewrite(rule, "SELECT 1, $1::int4 + 1, 'a'::text, CAST(2.5 AS numeric(4,2)), count(*), "
            + "lower('A') FROM range(3)"));
  }

  @Test
  void castsTakeTheOperandsNameOrTheCanonicalType() {
    assertEquals("select a::int AS \"a\", t.b::bigint[] AS \"b\", 1::integer AS \"int4\", "
        + "'x'::character varying(3) AS \"varchar\", 1::int::text AS \"text\", "
        + "now()::timestamp with time zone AS \"now\", x::double precision AS \"x\", "
        + "'c'::\"char\" AS \"char\", date '2024-01-01' AS \"date\", cast(c as text) AS \"c\"",
        rewrite(rule, "select a::int, t.b::bigint[], 1::integer, 'x'::character varying(3), "
            + "1::int::text, now()::timestamp with time zone, x::double precision, 'c'::\"char\", "
            + "date '2024-01-01', cast(c as text)"));
  }

  @Test
  void specialForms() {
    assertEquals("select case when a then 1 end AS \"case\", case when a then 1 else b end AS \"b\", "
        + "array[1] AS \"array\", (a) , (a + 1) AS \"?column?\", x.y[1] AS \"y\", "
        + "trim(leading from s) AS \"ltrim\", a is null AS \"?column?\", not a AS \"?column?\", "
        + "pg_catalog.format_type(1, 2) AS \"format_type\", sum(x) over (partition by y) AS \"sum\", "
        + "f(x) over w AS \"f\" from t window w as (order by x)",
        rewrite(rule, "select case when a then 1 end, case when a then 1 else b end, array[1], (a) , "
            + "(a + 1), x.y[1], trim(leading from s), a is null, not a, "
            + "pg_catalog.format_type(1, 2), sum(x) over (partition by y), "
            + "f(x) over w from t window w as (order by x)"));
  }

  @Test
  void withAndCreateTableAs() {
    assertEquals("with c as (select 1) select count(*) AS \"count\" from c",
        rewrite(rule, "with c as (select 1) select count(*) from c"));
    assertEquals("create table t as select max(x) AS \"max\", y from u",
        rewrite(rule, "create table t as select max(x), y from u"));
    assertEquals("select distinct on (a) a, b + 1 AS \"?column?\" from t union select 1, 2",
        rewrite(rule, "select distinct on (a) a, b + 1 from t union select 1, 2"));
  }

  @Test
  void leavesAliasesColumnsAndDuckDbSyntaxAlone() {
    String[] untouched = {
        "select a, t.b, \"C\", count(*) as n, lower(x) y, 1 \"one\" from t",
        "select * exclude (a) from t", "select t.*, * from t", "select columns('a.*') from t",
        "from t select count(*)", "select x: 1", "select (select a + 1 from t)",
        "select [1, 2]", "pivot t on a using sum(b)", "insert into t select count(*) from u",
        "create table t (a int)", "select a + 1 b, 2 c from t",
        "select a + 1 at time zone 'UTC' from t", "select x collate \"C\" from t"};
    for (String sql : untouched) {
      assertEquals(sql, rewrite(rule, sql));
    }
  }

  @Test
  void keywordFunctionsSubqueriesAndSpecialSyntax() {
    assertEquals("SELECT true::int AS \"int4\", 1 IS DISTINCT FROM NULL AS \"?column?\", "
        + "ts AT TIME ZONE 'UTC' AS \"timezone\", (SELECT min(day) FROM c) AS \"min\", "
        + "(select 1 as x) AS \"x\", left(name, 2) AS \"left\", replace(a, 'b', 'c') AS \"replace\", "
        + "mode() within group (order by x) AS \"mode\", (a, b) overlaps (c, d) AS \"overlaps\" FROM t",
        rewrite(rule, "SELECT true::int, 1 IS DISTINCT FROM NULL, ts AT TIME ZONE 'UTC', "
            + "(SELECT min(day) FROM c), (select 1 as x), left(name, 2), replace(a, 'b', 'c'), "
            + "mode() within group (order by x), (a, b) overlaps (c, d) FROM t"));
    assertEquals("PREPARE p(int) AS SELECT count(*) AS \"count\" FROM t WHERE a = $1",
        rewrite(rule, "PREPARE p(int) AS SELECT count(*) FROM t WHERE a = $1"));
    // the last word of a type named in several words is no alias: these are ?column?
    assertEquals("SELECT 1 / 3::double precision AS \"?column?\", "
        + "a || 'x'::character varying AS \"?column?\", x + 1 y FROM t",
        rewrite(rule, "SELECT 1 / 3::double precision, a || 'x'::character varying, x + 1 y FROM t"));
    String untouched = "SELECT * REPLACE (a AS b), x + 1 AT TIME ZONE 'UTC' FROM t";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void valuesColumnsAreColumnN() {
    ValuesColumns values = new ValuesColumns();
    assertEquals("SELECT * FROM (VALUES (1, 'one'), (2, 'two')) AS \"*VALUES*\"(column1, column2) ORDER BY 1",
        rewrite(values, "VALUES (1, 'one'), (2, 'two') ORDER BY 1"));
    assertEquals("select * from (values (1, 2)) v(column1, column2) join (values (3)) AS w(column1) on true",
        rewrite(values, "select * from (values (1, 2)) v join (values (3)) AS w on true"));
    String untouched = "insert into t values (1, 2); with x as (values (1)) select * from x, "
        + "(values (1)) v(a), (values (1), (2, 3)) w";
    assertEquals(untouched, rewrite(values, untouched));
  }
}
