package dev.mallard.engine.authz;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mallard.engine.analysis.StatementAnalyzer;
import dev.mallard.wire.error.PgException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statement-level sandbox rules, from the analyzer's view of each statement. */
class SandboxRulesTest {
  private final StatementAnalyzer analyzer = new StatementAnalyzer(new SimpleMeterRegistry());

  private void check(String sql) {
    Sandbox.check(sql, analyzer.analyze(sql));
  }

  @Test
  void refusesWhatItDoesNotFullyUnderstand() {
    for (String sql : List.of(
        "SELECT 1; INSTALL httpfs", // JSQLParser would read only the first statement
        "SELECT * FROM t; DELETE FROM t",
        "FROM t SELECT a", // DuckDB-only syntax JSQLParser cannot parse
        "SELECT * FROM read_csv('x.csv')",
        "SELECT * FROM t, LATERAL read_text('/etc/passwd')",
        "SELECT nextval('s')",
        "SELECT * FROM \"dir/file.csv\"",
        "SELECT * FROM 'file.csv'",
        "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d",
        "USE other",
        "CALL pragma_version()")) {
      PgException e = assertThrows(PgException.class, () -> check(sql), sql);
      assertEquals("42501", e.sqlState(), sql);
    }
  }

  @Test
  void allowsOrdinaryStatements() {
    for (String sql : List.of("SELECT a, upper(b) FROM t JOIN u ON t.id = u.id;",
        "SELECT * FROM generate_series(1, 3)", "INSERT INTO t SELECT * FROM u",
        "WITH c AS (SELECT 1) SELECT * FROM c", "SELECT 'a;b' FROM t")) {
      assertDoesNotThrow(() -> check(sql), sql);
    }
  }

  @Test
  void engineSettingsAreRefusedAndSessionSettingsAllowed() {
    java.util.Set<String> duck = java.util.Set.of("threads", "timezone", "search_path");
    assertEquals("42501", assertThrows(PgException.class,
        () -> Sandbox.checkSetting("threads", duck)).sqlState());
    assertDoesNotThrow(() -> Sandbox.checkSetting("TimeZone", duck));
    assertDoesNotThrow(() -> Sandbox.checkSetting("application_name", duck));
  }
}
