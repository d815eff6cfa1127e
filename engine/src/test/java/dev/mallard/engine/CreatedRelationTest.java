package dev.mallard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreatedRelationTest {
  @Test
  void namesTheCreatedRelation() {
    assertEquals(Optional.of("t"), CreatedRelation.name("CREATE TABLE t AS SELECT 1"));
    assertEquals(Optional.of("s.\"My T\""),
        CreatedRelation.name("create or replace temp table if not exists s . \"My T\" as select 1"));
    assertEquals(Optional.of("mv"), CreatedRelation.name("CREATE MATERIALIZED VIEW mv AS SELECT 1"));
  }

  @Test
  void commentsBeforeAndInsideDoNotMatter() {
    assertEquals(Optional.of("analytics.orders"), CreatedRelation.name(
        "/* {\"app\": \"dbt\"} */\n  create /* x */ table -- y\n analytics.orders as (select 1)"));
  }

  @Test
  void otherStatementsHaveNone() {
    assertEquals(Optional.empty(), CreatedRelation.name("CREATE VIEW v AS SELECT 1"));
    assertEquals(Optional.empty(), CreatedRelation.name("SELECT 1"));
    assertEquals(Optional.empty(), CreatedRelation.name("CREATE MATERIALIZED x"));
  }
}
