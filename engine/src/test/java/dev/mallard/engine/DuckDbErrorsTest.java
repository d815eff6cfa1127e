package dev.mallard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mallard.wire.error.PgException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real DuckDB failures, translated. Expected SQLSTATEs and positions are what PostgreSQL 15 sends
 * for the same statement (checked against a scratch PostgreSQL server); messages keep DuckDB's
 * wording but lose its type prefix and its "LINE n:" snippet.
 */
class DuckDbErrorsTest {
  private DuckDBConnection db;

  @BeforeEach
  void open() throws SQLException {
    db = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = db.createStatement()) {
      s.execute("CREATE TABLE t (a INT PRIMARY KEY, b VARCHAR NOT NULL)");
      s.execute("INSERT INTO t VALUES (1, 'x')");
    }
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  /** Runs {@code sql}, which must fail, and translates the failure. */
  private PgException fails(String sql) {
    return fails(db, sql);
  }

  private static PgException fails(Connection c, String sql) {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      PgException pg = DuckDbErrors.translate(e, sql);
      assertClean(pg);
      return pg;
    }
    return fail("expected DuckDB to reject: " + sql);
  }

  private static void assertClean(PgException e) {
    String m = e.getMessage();
    assertFalse(m.contains("LINE "), m);
    assertFalse(m.contains("Error:"), m);
    assertFalse(m.contains("\n"), m);
    assertFalse(m.startsWith("Attempting to execute"), m);
    assertEquals(m.strip(), m);
  }

  // ---- 42601 syntax errors: positions as PostgreSQL reports them --------------------------------

  @Test
  void syntaxErrorAtFirstWord() {
    PgException e = fails("SELEC 1");
    assertEquals("42601", e.sqlState());
    assertEquals("syntax error at or near \"SELEC\"", e.getMessage());
    assertEquals(1, e.position());
  }

  @Test
  void syntaxErrorAfterLeadingSpaces() {
    assertEquals(3, fails("  SELEC 1").position());
  }

  @Test
  void syntaxErrorInTheMiddle() {
    PgException e = fails("SELECT 1 1");
    assertEquals("42601", e.sqlState());
    assertEquals(10, e.position());
  }

  @Test
  void syntaxErrorAtEndOfInputPointsJustPastTheEnd() {
    PgException e = fails("SELECT 1 FROM");
    assertEquals("42601", e.sqlState());
    assertEquals("syntax error at end of input", e.getMessage());
    assertEquals(14, e.position());
    assertEquals(16, fails("SELECT 1 FROM  ").position());
    assertEquals(10, fails("SELECT (1").position());
    assertEquals(22, fails("SELECT 1 FROM t WHERE").position());
  }

  @Test
  void syntaxErrorOnALaterLine() {
    PgException e = fails("SELECT 1,\n2 FROM\nt WHERE\n  a = = 1");
    assertEquals("42601", e.sqlState());
    assertEquals("syntax error at or near \"=\"", e.getMessage());
    assertEquals(32, e.position());
  }

  // ---- undefined objects ------------------------------------------------------------------------

  @Test
  void undefinedTable() {
    PgException e = fails("SELECT * FROM nope");
    assertEquals("42P01", e.sqlState());
    assertEquals("Table with name nope does not exist!", e.getMessage());
    assertNotNull(e.hint());
    assertTrue(e.hint().startsWith("Did you mean"), e.hint());
    assertEquals(15, e.position());
  }

  @Test
  void undefinedTablePositionCountsCharactersNotBytes() {
    assertEquals(21, fails("SELECT 'h\u00e9llo' FROM nope").position());
  }

  @Test
  void undefinedTablePositionInAnElidedSnippet() {
    StringBuilder sql = new StringBuilder("SELECT a1");
    for (int i = 2; i <= 30; i++) {
      sql.append(", a").append(i);
    }
    sql.append(" FROM nope");
    PgException e = fails(sql.toString());
    assertEquals("42P01", e.sqlState());
    assertEquals(sql.indexOf("nope") + 1, e.position());
  }

  @Test
  void tableInMissingSchemaIsAnUndefinedTable() {
    // PostgreSQL: relation "nosuch.t" does not exist (42P01), not 3F000.
    assertEquals("42P01", fails("SELECT * FROM nosuch.t").sqlState());
  }

  @Test
  void undefinedColumn() {
    PgException e = fails("SELECT nope FROM t");
    assertEquals("42703", e.sqlState());
    assertEquals("Referenced column \"nope\" not found in FROM clause!", e.getMessage());
    assertEquals(8, e.position());
  }

  @Test
  void undefinedFunction() {
    PgException e = fails("SELECT nofunc(1)");
    assertEquals("42883", e.sqlState());
    assertEquals("Scalar Function with name nofunc does not exist!", e.getMessage());
    assertEquals(8, e.position());
  }

  @Test
  void noMatchingFunctionSignature() {
    PgException e = fails("SELECT length(1, 2, 3)");
    assertEquals("42883", e.sqlState());
    assertTrue(e.getMessage().startsWith("No function matches the given name and argument types"),
        e.getMessage());
    assertNotNull(e.hint(), "the candidate list goes to the hint");
    assertTrue(e.hint().contains("length(VARCHAR)"), e.hint());
  }

  @Test
  void undefinedSchema() {
    PgException e = fails("CREATE TABLE nosuch.t (a int)");
    assertEquals("3F000", e.sqlState());
    assertEquals("Schema with name nosuch does not exist!", e.getMessage());
    assertEquals("3F000", fails("DROP SCHEMA nosuch").sqlState());
  }

  // ---- data exceptions --------------------------------------------------------------------------

  @Test
  void invalidTextRepresentation() {
    PgException e = fails("SELECT * FROM t WHERE a = 'abc'");
    assertEquals("22P02", e.sqlState());
    assertEquals("Could not convert string 'abc' to INT32", e.getMessage());
    assertEquals(27, e.position());
    assertEquals("22P02", fails("SELECT 'abc'::int").sqlState());
  }

  @Test
  void numericValueOutOfRange() {
    PgException e = fails("SELECT 99999999999::int");
    assertEquals("22003", e.sqlState());
    assertTrue(e.getMessage().contains("out of range"), e.getMessage());
  }

  @Test
  void invalidDate() {
    assertEquals("22007", fails("SELECT 'not a date'::date").sqlState());
  }

  // ---- integrity constraints ----------------------------------------------------------------------

  @Test
  void uniqueViolation() {
    PgException e = fails("INSERT INTO t VALUES (1, 'y')");
    assertEquals("23505", e.sqlState());
    assertEquals("Duplicate key \"a: 1\" violates primary key constraint.", e.getMessage());
    assertEquals(0, e.position());
  }

  @Test
  void notNullViolation() {
    PgException e = fails("INSERT INTO t VALUES (2, NULL)");
    assertEquals("23502", e.sqlState());
    assertEquals("NOT NULL constraint failed: t.b", e.getMessage());
  }

  @Test
  void varcharLengthCheckIsAValueTooLong() throws SQLException {
    String create = dev.mallard.engine.sql.SqlRewriter.standard().rewrite(
        "CREATE TABLE v (id int, code varchar(3) NOT NULL)", new dev.mallard.engine.sql.RewriteContext(null));
    try (Statement s = db.createStatement()) {
      s.execute(create);
      s.execute("INSERT INTO v VALUES (1, 'abc')");
    }
    for (String sql : new String[] {"INSERT INTO v VALUES (2, 'abcd')", "UPDATE v SET code = code || 'x'"}) {
      PgException e = fails(sql);
      assertEquals("22001", e.sqlState());
      assertEquals("value too long for type character varying(3)", e.getMessage());
    }
  }

  @Test
  void duplicateTable() {
    PgException e = fails("CREATE TABLE t (a int)");
    assertEquals("42P07", e.sqlState());
    assertEquals("Table with name \"t\" already exists!", e.getMessage());
  }

  @Test
  void duplicateSchema() throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("CREATE SCHEMA s1");
    }
    assertEquals("42P06", fails("CREATE SCHEMA s1").sqlState());
  }

  // ---- other classes ----------------------------------------------------------------------------

  @Test
  void ambiguousColumn() {
    assertEquals("42702", fails("SELECT * FROM t t1, t t2 WHERE a = 1").sqlState());
  }

  @Test
  void groupingError() {
    PgException e = fails("SELECT a FROM t GROUP BY b");
    assertEquals("42803", e.sqlState());
    assertEquals("column \"a\" must appear in the GROUP BY clause or must be part of an aggregate "
        + "function.", e.getMessage());
    assertTrue(e.hint() != null && e.hint().startsWith("Either add it to the GROUP BY list"),
        String.valueOf(e.hint()));
  }

  @Test
  void notImplemented() {
    PgException e = fails("ALTER TABLE t ADD CONSTRAINT c UNIQUE (a)");
    assertEquals("0A000", e.sqlState());
    assertEquals("No support for that ALTER TABLE option yet!", e.getMessage());
  }

  @Test
  void writeWriteConflictIsASerializationFailure() throws SQLException {
    try (Connection c1 = db.duplicate(); Connection c2 = db.duplicate();
        Statement s1 = c1.createStatement(); Statement s2 = c2.createStatement()) {
      s1.execute("BEGIN TRANSACTION");
      s2.execute("BEGIN TRANSACTION");
      s1.execute("UPDATE t SET b = 'one' WHERE a = 1");
      PgException e = fails(c2, "UPDATE t SET b = 'two' WHERE a = 1");
      assertEquals("40001", e.sqlState());
      assertEquals("Conflict on update!", e.getMessage());
      s1.execute("COMMIT");
    }
  }

  @Test
  void cancelledQuery() throws Exception {
    String sql = "SELECT count(*) FROM range(100000000) r1, range(100000) r2";
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      CompletableFuture<Void> canceller = CompletableFuture.runAsync(() -> {
        try {
          Thread.sleep(200);
          ps.cancel();
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      try {
        ps.execute();
        fail("the query finished before it was cancelled");
      } catch (SQLException e) {
        PgException pg = DuckDbErrors.translate(e, sql);
        assertClean(pg);
        assertEquals("57014", pg.sqlState());
        assertEquals("Interrupted!", pg.getMessage());
      }
      canceller.get(10, TimeUnit.SECONDS);
    }
  }

  // ---- translate() without a real engine --------------------------------------------------------

  @Test
  void messageWithoutTypePrefixIsKept() {
    PgException e = DuckDbErrors.translate(new SQLException("something odd"), "SELECT 1");
    assertEquals("XX000", e.sqlState());
    assertEquals("something odd", e.getMessage());
    assertEquals(0, e.position());
    assertNull(e.hint());
  }

  @Test
  void nullMessage() {
    PgException e = DuckDbErrors.translate(new SQLException(), "SELECT 1");
    assertEquals("XX000", e.sqlState());
    assertEquals("unknown error", e.getMessage());
  }

  @Test
  void positionIsZeroWithoutSql() {
    PgException e = DuckDbErrors.translate(
        new SQLException("Parser Error: syntax error at or near \"x\"\n\nLINE 1: x\n        ^"), null);
    assertEquals("42601", e.sqlState());
    assertEquals(0, e.position());
  }

  // ---- codes PostgreSQL has for one mistake each ---------------------------------------------

  @Test
  void specificMistakesGetPostgresqlsCodes() {
    String[][] cases = {
        {"SELECT (SELECT 1 UNION ALL SELECT 2)", "21000"},
        {"SELECT date '2023-02-29'", "22008"},
        {"SELECT sqrt(-1)", "2201F"},
        {"SELECT ln(0)", "2201E"},
        {"SELECT 1 LIMIT -1", "2201W"},
        {"SELECT a FROM t ORDER BY 2", "42P10"},
        {"SELECT a FROM t WHERE count(*) > 1", "42803"},
        {"SELECT a FROM t WHERE row_number() OVER () > 1", "42P20"},
        {"SELECT true::date", "42846"},
        {"SELECT date_trunc('fortnight', timestamp '2024-01-01')", "22023"},
        {"SELECT 1 UNION SELECT 1, 2", "42601"},
        {"SELECT v.x FROM (VALUES (1)) v(a)", "42703"},
        {"WITH r AS (SELECT * FROM r) SELECT * FROM r", "42P19"},
        {"SELECT regexp_matches('a', '(')", "2201B"},
        {"SELECT (1)[1]", "42804"},
    };
    for (String[] c : cases) {
      assertEquals(c[1], fails(c[0]).sqlState(), c[0]);
    }
  }
}
