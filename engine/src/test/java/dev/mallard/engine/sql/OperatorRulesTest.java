package dev.mallard.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorRulesTest {
  static String rewrite(RewriteRule rule, String sql) {
    return new SqlRewriter(List.of(rule)).rewrite(sql, new RewriteContext(null));
  }

  @Test
  void divisorsAreGuardedUnlessNonZeroConstants() {
    DivisionByZero rule = new DivisionByZero();
    assertEquals("select a / mallard_nonzero(b), c % mallard_nonzero(d.e) from t",
        rewrite(rule, "select a / b, c % d.e from t"));
    assertEquals("select a / mallard_nonzero(b::int[1]) + 1", rewrite(rule, "select a / b::int[1] + 1"));
    assertEquals("select x / mallard_nonzero(f(y, z) ^ 2) * 3",
        rewrite(rule, "select x / f(y, z) ^ 2 * 3"));
    assertEquals("select 1 / mallard_nonzero(0), 1 / mallard_nonzero((a - b))",
        rewrite(rule, "select 1 / 0, 1 / (a - b)"));
    assertEquals("select -a / mallard_nonzero(-b)", rewrite(rule, "select -a / -b"));
    assertEquals("select (\"/\"(interval '1 day' * 2, 2)), (\"/\"(x::interval, mallard_nonzero(n)))",
        rewrite(rule, "select interval '1 day' * 2 / 2, x::interval / n"));
    String untouched = "select a / 2, a / 0.5, a // b, a / $1, '1/0', 10 % 3";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void subtractionsCallTheTypedMacro() {
    Subtraction rule = new Subtraction();
    assertEquals("select (pg_subtract((pg_subtract(a, b)), c.d)), ((pg_subtract(x::date, f(y)))) * 2",
        rewrite(rule, "select a - b - c.d, (x::date - f(y)) * 2"));
    assertEquals("select (pg_subtract(a, b)) + c, -a, 1 * -b, (pg_subtract(day, lag(day) over (order by day)))",
        rewrite(rule, "select a - b + c, -a, 1 * -b, day - lag(day) over (order by day)"));
    assertEquals("create table t2 as select (pg_subtract(a, 1)) from t",
        rewrite(rule, "create table t2 as select a - 1 from t"));
    String untouched = "select $1 - $2, null - 'a', d - interval '1' day, -1";
    assertEquals(untouched, rewrite(rule, untouched));
    String columns = "create table t (a int check (a - 1 > 0), b date default current_date - 1)";
    assertEquals(columns, rewrite(rule, columns));
    assertEquals("alter table t add check (a - b > 0)",
        rewrite(rule, "alter table t add check (a - b > 0)"));
  }

  @Test
  void regexOperatorsSearchAnywhere() {
    RegexOperators rule = new RegexOperators();
    assertEquals("select (regexp_matches(a, 'b')), (NOT regexp_matches(t.a || 'x', '^b', 'i'))",
        rewrite(rule, "select a ~ 'b', t.a || 'x' !~* '^b'"));
    assertEquals("select * from t where (regexp_matches(name, $1)) and x = 1",
        rewrite(rule, "select * from t where name ~ $1 and x = 1"));
    assertEquals("select (regexp_matches(lower(a)::text, 'x', 'i')) = true",
        rewrite(rule, "select lower(a)::text ~* 'x' = true"));
    String untouched = "select a ~~ b, a !~~ b, '~'";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void likeGetsPostgresqlsBackslashEscape() {
    LikeEscape rule = new LikeEscape();
    assertEquals("select a like 'x\\_y' ESCAPE '\\', b not ilike $1 ESCAPE '\\' from t",
        rewrite(rule, "select a like 'x\\_y', b not ilike $1 from t"));
    assertEquals("select a like b || '%' ESCAPE '\\' and c", rewrite(rule, "select a like b || '%' and c"));
    String untouched = "select a like 'x%', a like 'x\\%' escape '!', b like any ('{a}') "
        + "from t; create table u (like t)";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void jsonArrowsReadKeysLiterally() {
    JsonOperators rule = new JsonOperators();
    // -> and #> give the value's own text through Java functions, which read keys literally
    assertEquals("select properties->>'$.\"$browser\"', (pg_json_field(j, '/x', '$.\"/x\"')),"
        + " (pg_json_field(j, '$a', '$.\"$a\"')), j->>0",
        rewrite(rule, "select properties->>'$browser', j -> '/x', j->'$a', j->>0"));
    assertEquals("select (pg_json_element(j, -1, '$[#-1]')), j->>'$[#-1]',"
        + " (pg_json_field((pg_json_element(j, 0, '$[0]')), 'k', '$.\"k\"')), j -> '$.\"$d\"' ->> 'os'",
        rewrite(rule, "select j->-1, j->>-1, j -> 0 -> 'k', j -> '$d' ->> 'os'"));
    assertEquals("select j ->> '$.\"a\"[0].\"b c\"', (pg_json_path(j, '{x}', '$.\"x\"')),"
        + " (pg_json_path(j, '{x,0}', NULL))",
        rewrite(rule, "select j #>> '{a,0,\"b c\"}', j #> '{x}', j #> '{x,0}'"));
  }

  @Test
  void jsonKeyAndContainmentOperators() {
    JsonOperators rule = new JsonOperators();
    assertEquals("select (list_contains(json_keys(j), 'a')),"
        + " (list_has_any(json_keys((pg_json_field(t.j, 'x', '$.\"x\"'))), ['a']))",
        rewrite(rule, "select j ? 'a', t.j -> 'x' ?| ['a']"));
    assertEquals("select (json_contains(j::jsonb, '{\"a\":1}')), (json_contains(b, a::json))",
        rewrite(rule, "select j::jsonb @> '{\"a\":1}', a::json <@ b"));
    assertEquals("select (json_contains(data, '{\"a\": 1}')), (json_contains('[1]', tags))",
        rewrite(rule, "select data @> '{\"a\": 1}', tags <@ '[1]'"));
    assertEquals("select (mallard_jsonb_concat(data, $1::jsonb)), 'a' || 'b', x || '{\"a\":1}'",
        rewrite(rule, "select data || $1::jsonb, 'a' || 'b', x || '{\"a\":1}'"));
    String lists = "select [1, 2] @> [1], a <@ b, a @> '{1,2}'";
    assertEquals(lists, rewrite(rule, lists));
  }

  @Test
  void similarToPatternsBecomeRegularExpressions() {
    SimilarTo rule = new SimilarTo();
    assertEquals("select a similar to 'a.*\\.b.', b not similar to '(x|y)[%_]+'",
        rewrite(rule, "select a similar to 'a%.b_', b not similar to '(x|y)[%_]+'"));
    String untouched = "select a similar to b, a similar to 'x!%' escape '!'";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void fetchWithTiesBecomesQualifyRank() {
    FetchWithTies rule = new FetchWithTies();
    assertEquals("select * from (select id, total from orders QUALIFY rank() OVER (ORDER BY total desc) <= 4 "
        + "ORDER BY total desc ) t order by id",
        rewrite(rule, "select * from (select id, total from orders ORDER BY total desc "
            + "FETCH FIRST 4 ROWS WITH TIES) t order by id"));
    assertEquals("select a from t QUALIFY rank() OVER (ORDER BY a) <= 1 order by a ",
        rewrite(rule, "select a from t order by a fetch next row with ties"));
    String untouched = "select a from t order by 1 fetch first 2 rows with ties; "
        + "select a from t order by a offset 1 rows fetch first 2 rows with ties; "
        + "select a from t order by a fetch first 2 rows only";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void hashIsBitwiseXor() {
    assertEquals("select (xor(12, 10)), (xor(a + b, c * 2)), #1 from t order by #2",
        rewrite(new BitwiseXor(), "select 12 # 10, a + b # c * 2, #1 from t order by #2"));
  }
}
