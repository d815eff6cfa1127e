package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/**
 * Statements PostgreSQL refuses at parse or DROP time where DuckDB would run them, through pgjdbc
 * over a real socket; the SQLSTATEs and messages are PostgreSQL 15's for the same SQL.
 */
class SemanticErrorsTest extends SharedServerTest {
  private static PSQLException error(Connection c, String sql) {
    return assertThrows(PSQLException.class, () -> {
      try (Statement s = c.createStatement()) {
        s.execute(sql);
      }
    }, sql);
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      long n = 0;
      while (rs.next()) {
        n++;
      }
      return n;
    }
  }

  @Test
  void setOperationsOfDifferentTypeCategoriesAre42804() throws SQLException {
    try (Connection c = server.connect()) {
      PSQLException e = error(c, "SELECT 1 UNION SELECT 'a'::text");
      assertEquals("42804", e.getSQLState());
      assertEquals("UNION types int4 and text cannot be matched",
          e.getServerErrorMessage().getMessage());
      assertEquals("42804", error(c, "SELECT true INTERSECT SELECT 1").getSQLState());
      // untyped constants take the other branch's type; numbers of any kind combine
      assertEquals(2, count(c, "SELECT 1 UNION SELECT '2'"));
      assertEquals(2, count(c, "SELECT 1, NULL UNION ALL SELECT 2.5, 'x'"));
      assertEquals(2, count(c, "SELECT DATE '2024-01-01' UNION SELECT TIMESTAMP '2024-01-02'"));
    }
  }

  @Test
  void whereOfAConstantThatIsNotBooleanIs42804() throws SQLException {
    try (Connection c = server.connect()) {
      assertEquals("42804", error(c, "SELECT 1 FROM (VALUES (1)) v(x) WHERE 1").getSQLState());
      assertEquals("42804", error(c, "SELECT x FROM (VALUES (1)) v(x) GROUP BY x HAVING 2")
          .getSQLState());
      assertEquals(1, count(c, "SELECT 1 FROM (VALUES (1)) v(x) WHERE 1 = x"));
    }
  }

  @Test
  void droppingARelationAViewReadsIs2BP01UnlessCascade() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE dep_t (id int)");
      s.execute("CREATE VIEW dep_v AS SELECT id FROM public.dep_t");
      s.execute("CREATE VIEW dep_w AS SELECT * FROM dep_v");
      PSQLException e = error(c, "DROP TABLE dep_t");
      assertEquals("2BP01", e.getSQLState());
      assertEquals("view dep_v depends on table dep_t", e.getServerErrorMessage().getDetail());
      assertEquals("2BP01", error(c, "DROP VIEW dep_v").getSQLState());
      s.execute("DROP VIEW dep_w");
      s.execute("DROP VIEW dep_v");
      s.execute("DROP TABLE dep_t");
      s.execute("CREATE TABLE dep_c (id int)");
      s.execute("CREATE VIEW dep_cv AS SELECT id FROM dep_c");
      s.execute("DROP TABLE dep_c CASCADE");
      s.execute("CREATE TABLE dep_other (id int)");
      s.execute("DROP TABLE dep_other");
    }
  }
}
