package dev.mallard.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.engine.analysis.StatementAccess.Action;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the analyzer reports a statement reads, writes and calls: authorization's input. */
class AccessFinderTest {
  private final StatementAnalyzer analyzer = new StatementAnalyzer(new SimpleMeterRegistry());

  private StatementAccess access(String sql) {
    StatementAnalysis a = analyzer.analyze(sql);
    assertTrue(a.complete(), sql + ": " + a.fallbackReason());
    return a.access();
  }

  private static List<String> names(List<RelationRef> refs) {
    return refs.stream().map(RelationRef::toString).sorted().toList();
  }

  @Test
  void writesAndTheirReads() {
    StatementAccess insert = access("INSERT INTO t VALUES ((SELECT k FROM s))");
    assertEquals(Action.INSERT, insert.action());
    assertEquals(List.of("t"), names(insert.targets()));
    assertEquals(List.of("s"), names(insert.reads()));
    assertEquals(List.of("t", "u"), names(access("INSERT INTO t SELECT * FROM t JOIN u ON true").reads()));
    // WITH ... INSERT: CTE names are no relations; what the CTE bodies read is read
    StatementAccess withInsert = access("WITH x AS (SELECT * FROM s), y AS (SELECT * FROM x)"
        + " INSERT INTO t SELECT * FROM y JOIN u ON true");
    assertEquals(List.of("t"), names(withInsert.targets()));
    assertEquals(List.of("s", "u"), names(withInsert.reads()));
    assertEquals(List.of(), names(access("UPDATE t SET a = 1").reads()));
    assertEquals(List.of("t"), names(access("UPDATE t SET a = a + 1").reads()));
    assertEquals(List.of("s", "t"), names(access("UPDATE t SET a = s.k FROM s WHERE s.id = t.id").reads()));
    assertEquals(List.of("t"), names(access("DELETE FROM t WHERE a = 1").reads()));
    assertTrue(access("INSERT INTO t VALUES (1) ON CONFLICT (a) DO UPDATE SET b = 2").upsert());
    assertFalse(access("INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING").upsert());
  }

  @Test
  void namesAreUnquotedLowerCaseParts() {
    RelationRef ref = access("SELECT * FROM \"Db\".\"Sch\".\"T\"").reads().get(0);
    assertEquals(new RelationRef("db", "sch", "t"), ref);
    assertEquals(List.of("c"), names(access("WITH x AS (SELECT 1) SELECT * FROM x, c").reads()));
  }

  @Test
  void functionsAndTableFunctions() {
    StatementAccess a = access("SELECT upper(v) FROM read_csv('x.csv'), generate_series(1, 2)");
    assertEquals(List.of("read_csv", "generate_series"), List.copyOf(a.tableFunctions()));
    assertTrue(a.functions().contains("upper"));
    assertTrue(access("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d").writableCte());
  }

  @Test
  void renameToGivesTheNewNameOnly() {
    StatementAccess rename = access("ALTER TABLE s.\"Old\" RENAME TO \"New\"");
    assertEquals(Action.ALTER, rename.action());
    assertEquals(List.of("s.old"), names(rename.targets()));
    assertEquals("new", rename.renamedTo());
    assertEquals(null, access("ALTER TABLE t ADD COLUMN c INTEGER").renamedTo());
  }

  @Test
  void ddl() {
    StatementAccess create = access("CREATE TEMP TABLE x AS SELECT * FROM s");
    assertEquals(Action.CREATE_TABLE, create.action());
    assertTrue(create.temporary());
    assertEquals(List.of("s"), names(create.reads()));
    StatementAccess drop = access("DROP TABLE IF EXISTS a, b.c");
    assertEquals("TABLE", drop.objectType());
    assertEquals(List.of("a", "b.c"), names(drop.targets()));
    assertEquals("mine", access("CREATE SCHEMA mine").schemaName());
    assertEquals(Action.SELECT, access("EXPLAIN SELECT * FROM t").action());
    assertEquals(Action.OTHER, access("MERGE INTO t USING s ON t.a = s.a WHEN MATCHED THEN DELETE").action());
  }
}
