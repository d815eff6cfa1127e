package dev.mallard.engine.sql;

import static dev.mallard.engine.sql.OperatorRulesTest.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResultTypesTest {
  private final ResultTypes rule = new ResultTypes();

  @Test
  void lengthsPositionsAndRanksAreInt4() {
    assertEquals("select CAST(length(name) AS INTEGER), CAST(position('@' in email) AS INTEGER)",
        rewrite(rule, "select length(name), position('@' in email)"));
    assertEquals("select CAST(ntile(4) over (order by id) AS INTEGER), CAST(ntile(2) OVER w AS INTEGER) "
        + "from t window w as (order by id)",
        rewrite(rule, "select ntile(4) over (order by id), ntile(2) OVER w from t window w as (order by id)"));
    String untouched = "select t.length(x), length, \"length\"(x) from t";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void extractIsNumeric() {
    assertEquals("select CAST(extract(year FROM ts) AS DECIMAL(38,0)) as y",
        rewrite(rule, "select extract(year FROM ts) as y"));
    assertEquals("select (CAST(date_part('microsecond', ts) AS DECIMAL(18,0)) * 0.000001), "
        + "pg_extract_epoch(a - b)", rewrite(rule, "select extract(second from ts), extract(epoch from a - b)"));
    String untouched = "select extract(julian from d), extract(year), extract(x)";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void datePartIsFloat8() {
    assertEquals("select CAST(date_part('year', d) AS DOUBLE), "
        + "(CAST(date_part('microsecond', ts) AS DOUBLE) / 1000000), date_part('epoch', ts), date_part(f, d)",
        rewrite(rule, "select date_part('year', d), date_part('second', ts), date_part('epoch', ts), date_part(f, d)"));
  }

  @Test
  void sumTakesItsTypeFromItsArgument() {
    assertEquals("select pg_sum_result(sum(a), a), pg_sum_result(sum(distinct a + 1) filter (where b) "
        + "over (partition by c), a + 1), sum(a order by b), t.sum(a), sum(count(*)) over (), sum(a * $1)",
        rewrite(rule, "select sum(a), sum(distinct a + 1) filter (where b) over (partition by c), "
            + "sum(a order by b), t.sum(a), sum(count(*)) over (), sum(a * $1)"));
  }

  @Test
  void avgKeepsItsClausesForSumAndCount() {
    assertEquals("select pg_avg_result(avg(a), sum(a), count(a), a), pg_avg_result(avg(distinct a) "
        + "filter (where b) over w, sum(distinct a) filter (where b) over w, "
        + "count(distinct a) filter (where b) over w, a), avg(a order by b), avg(count(*)) over ()",
        rewrite(rule, "select avg(a), avg(distinct a) filter (where b) over w, avg(a order by b), "
            + "avg(count(*)) over ()"));
  }

  @Test
  void percentileContOrdersByFloat8() {
    assertEquals("select percentile_cont(0.5) within group (order by CAST(a + 1 AS DOUBLE) desc), "
        + "percentile_cont(0.5) within group (order by CAST(t.b AS DOUBLE)), percentile_disc(0.5) within group (order by c)",
        rewrite(rule, "select percentile_cont(0.5) within group (order by a + 1 desc), "
            + "percentile_cont(0.5) within group (order by t.b), percentile_disc(0.5) within group (order by c)"));
  }
}
