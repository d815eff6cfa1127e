package dev.mallard.engine.sql;

import static dev.mallard.engine.sql.OperatorRulesTest.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mallard.wire.error.PgException;
import org.junit.jupiter.api.Test;

class FunctionRulesTest {
  @Test
  void jsonFunctionsTakeDuckDbsNames() {
    assertEquals("select json_object('a', 1), to_json(list(x order by y) filter (where x > 0)), "
        + "to_json(list(x) over (partition by y)), t.jsonb_agg(x), jsonb_agg",
        rewrite(new FunctionNames(), "select jsonb_build_object('a', 1), "
            + "jsonb_agg(x order by y) filter (where x > 0), jsonb_agg(x) over (partition by y), "
            + "t.jsonb_agg(x), jsonb_agg"));
    assertEquals("select CAST('[' || string_agg(coalesce(CAST(to_json(x + 1) AS VARCHAR), 'null'), ', ' "
        + "order by y) filter (where x > 0) || ']' AS JSON), CAST('{ ' || string_agg("
        + "CAST(to_json(CAST(k AS VARCHAR)) AS VARCHAR) || ' : ' || coalesce(CAST(to_json(v) AS VARCHAR), "
        + "'null'), ', ') || ' }' AS JSON), to_json(list(distinct x))",
        rewrite(new FunctionNames(), "select json_agg(x + 1 order by y) filter (where x > 0), "
            + "json_object_agg(k, v), json_agg(distinct x)"));
  }

  @Test
  void setReturningFunctionsInFromAndSelectList() {
    SetReturningFunctions rule = new SetReturningFunctions();
    assertEquals("select * from (SELECT value FROM json_each(j)) AS jsonb_array_elements",
        rewrite(rule, "select * from jsonb_array_elements(j)"));
    assertEquals("select e.key from t, (SELECT key, value ->> '$' AS value FROM json_each(t.j)) e where 1",
        rewrite(rule, "select e.key from t, json_each_text(t.j) e where 1"));
    assertEquals("select k from (SELECT unnest(json_keys(j)) AS jsonb_object_keys) as k(k)",
        rewrite(rule, "select k from jsonb_object_keys(j) as k"));
    assertEquals("select a, unnest(pg_generate_series(1, a)) from t",
        rewrite(rule, "select a, generate_series(1, a) from t"));
    assertEquals("select unnest(json_extract_string(j, '$[*]')) from t",
        rewrite(rule, "select jsonb_array_elements_text(j) from t"));
    assertEquals("select g % 2 from generate_series(1, 3) g(g), unnest(a) as u(u), unnest(a, b) w",
        rewrite(rule, "select g % 2 from generate_series(1, 3) g, unnest(a) as u, unnest(a, b) w"));
    String untouched = "select * from generate_series(1, 3) g(n) join t on f(generate_series(1, 2))";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void lockingClausesAreDropped() {
    LockingClauses rule = new LockingClauses();
    assertEquals("select * from t where a = 1 ", rewrite(rule, "select * from t where a = 1 for update"));
    assertEquals("select * from t  limit 1",
        rewrite(rule, "select * from t for no key update of t, s.u skip locked limit 1"));
    assertEquals("select 1 from t  ", rewrite(rule, "select 1 from t for share nowait for key share"));
    String untouched = "select 1 for; create trigger x after insert on t for each row execute f()";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void ownerChangesAreAccepted() {
    OwnerChanges rule = new OwnerChanges();
    assertEquals(OwnerChanges.NO_OP, rewrite(rule, "ALTER TABLE public.t OWNER TO bob"));
    assertEquals(OwnerChanges.NO_OP + ";", rewrite(rule, "alter sequence s owner to \"Bob\";"));
    String untouched = "alter table t rename column owner to x";
    assertEquals("alter table t rename column owner to x", rewrite(rule, untouched));
  }

  @Test
  void dateTemplatesBecomeStrftime() {
    DateFormats rule = new DateFormats();
    assertEquals("select strftime(ts, '%Y-%m-%d %H:%M:%S.%g'), strptime(s, '%d/%m/%Y')::DATE, "
        + "strptime(s, '%Y %I%p')::TIMESTAMPTZ, strftime(d, '%-d %b at %%')",
        rewrite(rule, "select to_char(ts, 'YYYY-MM-DD HH24:MI:SS.MS'), to_date(s, 'DD/MM/YYYY'), "
            + "to_timestamp(s, 'YYYY HH12AM'), to_char(d, 'FMDD Mon \"at\" %')"));
    String untouched = "select to_char(n, '999D99'), to_char(d, 'Mont'), to_char(d, f), to_timestamp(0),"
        + " to_date(s, 'YYYY-WW')";
    assertEquals(untouched, rewrite(rule, untouched));
    assertNull(DateFormats.translate("Q", true));
    assertEquals("select (strftime(d, '%YQ') || (CAST(quarter((d)) AS VARCHAR))), "
        + "((rpad(strftime((d), '%B'), 9, ' ')) || strftime(d, ' %d')), strptime(s, '%B %d %Y')::DATE",
        rewrite(rule, "select to_char(d, 'YYYY\"Q\"Q'), to_char(d, 'Month DD'), "
            + "to_date(s, 'Month DD YYYY')"));
  }

  @Test
  void formatWithAConstantPatternIsAConcatenation() {
    FormatCalls rule = new FormatCalls();
    assertEquals("select ('x=' || coalesce(CAST((a + 1) AS VARCHAR), '') || ', ' || "
        + "quote_ident(CAST((b) AS VARCHAR)) || quote_nullable(CAST((a + 1) AS VARCHAR)))",
        rewrite(rule, "select format('x=%s, %I%1$L', a + 1, b)"));
    String untouched = "select format(f, a), format('%5s', a), format('%s %s', a), t.format('%s', a)";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void unicodeEscapeStringsAreRead() {
    UnicodeStrings rule = new UnicodeStrings();
    assertEquals("select 'été', 'a\\b', 'x+y😀', 'dat'",
        rewrite(rule, "select U&'\\00e9t\\00e9', u&'a\\\\b', U&'x+y\\+01F600', U&'d!0061t' UESCAPE '!'"));
    String untouched = "select U&'\\00zz', u & 'a', t.u&'a'";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void preparedParametersTakeTheirDeclaredTypes() {
    PrepareTypes rule = new PrepareTypes();
    assertEquals("prepare q  as select * from t where id = CAST($1 AS integer) and name = CAST($2 AS varchar(5))",
        rewrite(rule, "prepare q (integer, varchar(5)) as select * from t where id = $1 and name = $2"));
    String untouched = "prepare q as select $1";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void storedGeneratedColumnsAreComputedOnRead() {
    GeneratedColumns rule = new GeneratedColumns();
    assertEquals("create table t (a int, b int generated always as (a * 2), c text)",
        rewrite(rule, "create table t (a int, b int generated always as (a * 2) stored, c text)"));
    String untouched = "select stored from t";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void materializedViewsAreTablesOfTheirRows() {
    MaterializedViews rule = new MaterializedViews();
    assertEquals("create TABLE if not exists mv as select a from t",
        rewrite(rule, "create materialized view if not exists mv as select a from t"));
    assertEquals("create TABLE mv as select a from t limit 3 ;",
        rewrite(rule, "create materialized view mv as select a from t limit 3 with data;"));
    assertEquals("0A000", assertThrows(PgException.class,
        () -> rewrite(rule, "create materialized view mv as select 1 with no data")).sqlState());
    assertEquals("drop TABLE mv", rewrite(rule, "drop materialized view mv"));
    PgException e = assertThrows(PgException.class, () -> rewrite(rule, "refresh materialized view mv"));
    assertEquals("0A000", e.sqlState());
  }

  @Test
  void recursiveSearchBecomesASequenceColumn() {
    assertEquals("with recursive t(n, ord) as (select 1, [(1)] union all select n + 1, "
        + "list_append(ord, (n + 1)) from t where n < 3)  select n from t order by ord",
        rewrite(new RecursiveSearch(), "with recursive t(n) as (select 1 union all select n + 1 from t"
            + " where n < 3) search depth first by n set ord select n from t order by ord"));
    String untouched = "with recursive t as (select 1 as n union all select n + 1 from t) "
        + "search depth first by n set ord select n from t";
    assertEquals(untouched, rewrite(new RecursiveSearch(), untouched));
  }

  @Test
  void createTableLikeCopiesColumns() {
    CreateTableLike rule = new CreateTableLike();
    assertEquals("create table if not exists t2 AS SELECT * FROM s.t LIMIT 0",
        rewrite(rule, "create table if not exists t2 (like s.t including defaults excluding indexes)"));
    String untouched = "create table t2 (like t, extra int)";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void sqlSyntaxCallsBecomeMacroCalls() {
    SqlSyntaxCalls rule = new SqlSyntaxCalls();
    assertEquals("select pg_overlay('Txxxxas', 'hom', 2, 4), pg_regex_substring(email, '@(.*)$', 1)",
        rewrite(rule, "select overlay('Txxxxas' placing 'hom' from 2 for 4), substring(email from '@(.*)$')"));
    assertEquals("select * from t where pg_like_any(name, ARRAY['G%', '%ug']) and pg_not_ilike_all(a.b, c)",
        rewrite(rule, "select * from t where name LIKE ANY (ARRAY['G%', '%ug']) and a.b not ilike all (c)"));
    assertEquals("select pg_overlaps(date '2024-01-01', date '2024-01-10', d, e)",
        rewrite(rule, "select (date '2024-01-01', date '2024-01-10') OVERLAPS (d, e)"));
    String untouched = "select substring(x from 2 for 3), substring(x, 2), x like any (select p from t), "
        + "f(a, b) overlaps (c, d)";
    assertEquals(untouched, rewrite(rule, untouched));
  }
}
