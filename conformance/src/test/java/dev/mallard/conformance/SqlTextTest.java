package dev.mallard.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTextTest {

  @Test
  void statementsEndWithASemicolonAtTheEndOfALine() {
    // Comments stay with their statement (servers must cope with them); a comment alone is none.
    String text = "-- a comment\nINSERT INTO t VALUES ('a;b');\nSELECT 1\n  FROM t;\n-- trailing\n";
    assertEquals(List.of("-- a comment\nINSERT INTO t VALUES ('a;b')", "SELECT 1\n  FROM t"),
        SqlText.statements(text));
  }

  @Test
  void topLevelOrderByCounts() {
    assertTrue(SqlText.ordersResult("SELECT a FROM t ORDER BY a"));
    assertTrue(SqlText.ordersResult("SELECT 1 UNION SELECT 2\norder\n  by 1"));
    assertTrue(SqlText.ordersResult("WITH x AS (SELECT 1) SELECT * FROM x ORDER BY 1"));
  }

  @Test
  void orderByInsideParenthesesLiteralsOrCommentsDoesNot() {
    assertFalse(SqlText.ordersResult("SELECT row_number() OVER (ORDER BY a) FROM t"));
    assertFalse(SqlText.ordersResult("SELECT string_agg(a, ',' ORDER BY a) FROM t"));
    assertFalse(SqlText.ordersResult("SELECT * FROM (SELECT a FROM t ORDER BY a) s"));
    assertFalse(SqlText.ordersResult("SELECT 'ORDER BY a' FROM t -- ORDER BY a"));
    assertFalse(SqlText.ordersResult("SELECT \"order by\" FROM t /* ORDER BY */"));
    assertFalse(SqlText.ordersResult("SELECT reorder by_x FROM t"));
  }
}
