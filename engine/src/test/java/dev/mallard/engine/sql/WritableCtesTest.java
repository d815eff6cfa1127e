package dev.mallard.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WritableCtesTest {
  @Test
  void dataModifyingCtesAreSplitOutAndReplaced() {
    WritableCtes ctes = WritableCtes.of("WITH a AS (SELECT 1), gone (d) AS MATERIALIZED ("
        + "DELETE FROM cal WHERE x RETURNING day), \"Up\" AS (UPDATE t SET v = 1 RETURNING *) "
        + "SELECT * FROM gone, \"Up\", a");
    assertEquals(List.of(new WritableCtes.Part("gone", "DELETE FROM cal WHERE x RETURNING day"),
        new WritableCtes.Part("\"Up\"", "UPDATE t SET v = 1 RETURNING *")), ctes.parts());
    assertEquals("WITH a AS (SELECT 1), gone (d) AS MATERIALIZED (SELECT 1), \"Up\" AS (SELECT 2) "
        + "SELECT * FROM gone, \"Up\", a",
        ctes.statement(Map.of("gone", "SELECT 1", "\"Up\"", "SELECT 2")));
  }

  @Test
  void statementsWithoutDataModifyingCtes() {
    for (String sql : new String[] {"SELECT 1", "WITH a AS (SELECT 1) SELECT * FROM a",
        "WITH a AS (SELECT 1) DELETE FROM t WHERE x IN (SELECT * FROM a)",
        "INSERT INTO t WITH a AS (SELECT 1) SELECT * FROM a", "WITH a AS (DELETE"}) {
      assertNull(WritableCtes.of(sql), sql);
    }
  }
}
