package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Types of casts and constants as PostgreSQL gives them (pg_typeof, bpchar, real to numeric,
 * result types and names), through pgjdbc over a real socket; expected values are PostgreSQL 15's
 * for the same SQL.
 */
class CastTypesTest extends SharedServerTest {
  private static List<String> row(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next());
      List<String> values = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        values.add(rs.getString(i));
      }
      return values;
    }
  }

  @Test
  void pgTypeofOfConstantsCastsAndAggregates() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      assertEquals(List.of("integer", "numeric", "unknown", "bigint", "numeric", "boolean",
          "unknown"), row(s, "SELECT pg_typeof(1), pg_typeof(1.5), pg_typeof('a'), "
              + "pg_typeof(3000000000), pg_typeof(1e3), pg_typeof(true), pg_typeof(NULL)"));
      assertEquals(List.of("character varying", "numeric", "character"), row(s,
          "SELECT pg_typeof('a'::varchar), pg_typeof(1::numeric(5,2)), pg_typeof('x'::char(2))"));
      s.execute("CREATE TABLE ct_agg (i int, r real, n numeric(10,2))");
      assertEquals(List.of("bigint", "bigint", "numeric", "numeric", "double precision", "real"),
          row(s, "SELECT pg_typeof(count(*)), pg_typeof(sum(i)), pg_typeof(sum(n)), "
              + "pg_typeof(avg(i)), pg_typeof(avg(r)), pg_typeof(sum(r)) FROM ct_agg WHERE false"));
    }
  }

  @Test
  void charIsBlankPaddedBpcharAndRealToNumericKeepsSixDigits() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 'ab'::char(4), 'ab'::char(4) || '|', 'x'::char, "
            + "2.5::real::numeric, 0.1::real::numeric, 1 / 3::double precision")) {
      assertTrue(rs.next());
      ResultSetMetaData meta = rs.getMetaData();
      assertEquals(List.of("ab  ", "ab|", "x", "2.5", "0.1"), List.of(rs.getString(1),
          rs.getString(2), rs.getString(3), rs.getBigDecimal(4).toPlainString(),
          rs.getBigDecimal(5).stripTrailingZeros().toPlainString()));
      assertEquals(List.of("bpchar", "text", "bpchar", "numeric", "float8"), List.of(
          meta.getColumnTypeName(1), meta.getColumnTypeName(2), meta.getColumnTypeName(3),
          meta.getColumnTypeName(4), meta.getColumnTypeName(6)));
      assertEquals("?column?", meta.getColumnName(6));
    }
  }
}
