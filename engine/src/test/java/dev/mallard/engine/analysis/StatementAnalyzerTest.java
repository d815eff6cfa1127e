package dev.mallard.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatementAnalyzerTest {
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final StatementAnalyzer analyzer = new StatementAnalyzer(metrics);

  private double count(String analysis) {
    return metrics.get("mallard.statements").tag("analysis", analysis).counter().count();
  }

  @Test
  void findsTheRelationsOfAParsedStatement() {
    StatementAnalysis a = analyzer.analyze(
        "WITH recent AS (SELECT * FROM events WHERE ts > now() - interval '1 day')"
            + " SELECT u.name, count(*) FROM public.users u JOIN recent r ON r.uid = u.id"
            + " WHERE u.id IN (SELECT uid FROM sales.orders) GROUP BY 1");
    assertTrue(a.complete(), a.fallbackReason());
    assertEquals(Set.of("events", "public.users", "sales.orders"), Set.copyOf(a.relations()));
    assertEquals(1, count("parsed"));
  }

  @Test
  void writesNameTheirTarget() {
    StatementAnalysis a = analyzer.analyze("INSERT INTO t (a) SELECT b FROM s");
    assertTrue(a.complete());
    assertEquals(Set.of("t", "s"), Set.copyOf(a.relations()));
  }

  @Test
  void duckDbOnlySyntaxFallsBackAndIsCounted() {
    StatementAnalysis a = analyzer.analyze("FROM sales SELECT year, sum(amount)");
    assertFalse(a.complete());
    assertTrue(a.relations().isEmpty());
    assertTrue(a.fallbackReason() != null && !a.fallbackReason().isBlank());
    assertEquals(1, count("fallback"));
    assertEquals(0, count("parsed"));
  }

  @Test
  void overlongStatementsAreNotParsed() {
    String sql = "INSERT INTO t VALUES " + "(1),".repeat(StatementAnalyzer.MAX_ANALYZED_LENGTH / 4) + "(1)";
    StatementAnalysis a = analyzer.analyze(sql);
    assertFalse(a.complete());
    assertTrue(a.fallbackReason().startsWith("longer than"));
  }

  @Test
  void repeatedStatementsAreCountedEachTime() {
    for (int i = 0; i < 3; i++) {
      assertTrue(analyzer.analyze("SELECT a FROM t WHERE b = $1").complete());
    }
    assertEquals(3, count("parsed"));
  }
}
