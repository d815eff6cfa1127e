package dev.mallard.engine.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SetOperationsTest {
  @Test
  void branchesOfTheTopLevelSetOperation() {
    SetOperations set = SetOperations.of("WITH a AS (SELECT 1 x), b (y) AS MATERIALIZED "
        + "(SELECT 2 UNION SELECT 3) SELECT x, 'k' FROM a UNION ALL SELECT y, NULL AS n FROM b "
        + "EXCEPT (SELECT 1, 'z') ORDER BY 1 LIMIT 3");
    assertEquals("UNION", set.operator());
    assertEquals("WITH a AS (SELECT 1 x), b (y) AS MATERIALIZED (SELECT 2 UNION SELECT 3)",
        set.with());
    assertEquals(List.of("SELECT x, 'k' FROM a", "SELECT y, NULL AS n FROM b", "(SELECT 1, 'z')"),
        set.branches());
    assertArrayEquals(new boolean[] {false, true}, set.untyped().get(0));
    assertArrayEquals(new boolean[] {false, true}, set.untyped().get(1));
    assertNull(set.untyped().get(2));
  }

  @Test
  void statementsWithoutATopLevelSetOperation() {
    for (String sql : new String[] {"SELECT 1", "SELECT * FROM t WHERE x IN (SELECT 1 UNION SELECT 2)",
        "WITH a AS (SELECT 1 UNION SELECT 2) SELECT * FROM a", "SELECT 1 UNION BY NAME SELECT 2",
        "WITH a AS (SELECT 1"}) {
      assertNull(SetOperations.of(sql), sql);
    }
  }
}
