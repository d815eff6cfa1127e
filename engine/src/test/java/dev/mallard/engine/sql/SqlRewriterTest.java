package dev.mallard.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SqlRewriterTest {
  private static String rewrite(RewriteRule rule, String sql) {
    return new SqlRewriter(java.util.List.of(rule)).rewrite(sql, new RewriteContext(null));
  }

  @Test
  void publicSchemaIsMain() {
    PublicSchema rule = new PublicSchema();
    assertEquals("select * from main.t join db.main.u on true", rewrite(rule,
        "select * from public.t join db.public.u on true"));
    assertEquals("CREATE SCHEMA IF NOT EXISTS main", rewrite(rule,
        "CREATE SCHEMA IF NOT EXISTS \"public\""));
    assertEquals("select t.public, 'public.x' from t", rewrite(rule,
        "select t.public, 'public.x' from t"));
  }

  @Test
  void operatorSyntaxBecomesTheOperator() {
    assertEquals("select 1 where c.relname  ~  '^(t)$'",
        rewrite(new OperatorSyntax(), "select 1 where c.relname OPERATOR(pg_catalog.~) '^(t)$'"));
  }

  @Test
  void unchangedTextIsReturnedAsIs() {
    String sql = "select /* public.x */ 'public.t' as t";
    assertEquals(sql, SqlRewriter.standard().rewrite(sql, new RewriteContext(null)));
  }
}
