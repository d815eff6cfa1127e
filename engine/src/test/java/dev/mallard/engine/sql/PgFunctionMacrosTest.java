package dev.mallard.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The session macros run in a real DuckDB, called the way the rules rewrite PostgreSQL calls. */
class PgFunctionMacrosTest {
  private static Connection duck;

  @BeforeAll
  static void open() throws SQLException {
    duck = DriverManager.getConnection("jdbc:duckdb:");
    JsonFunctions.register(duck.unwrap(org.duckdb.DuckDBConnection.class));
    try (Statement s = duck.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      for (String sql : SessionMacros.statements()) {
        s.execute(sql);
      }
    }
  }

  @AfterAll
  static void close() throws SQLException {
    duck.close();
  }

  /** The first row of a query rewritten as a session would, as text joined by '|'. */
  static String row(String postgresSql) throws SQLException {
    String sql = SqlRewriter.standard().rewrite(postgresSql, new RewriteContext(null));
    try (Statement s = duck.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      StringBuilder out = new StringBuilder();
      for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
        out.append(i > 1 ? "|" : "").append(r.getString(i));
      }
      return out.toString();
    }
  }

  @Test
  void stringFunctions() throws SQLException {
    assertEquals("  ab|Ali|ab..|xab", row("SELECT lpad('ab', 4), lpad('Alice', 3), rpad('ab', 4, '.'),"
        + " lpad('ab', 3, 'x')"));
    assertEquals("6|48|3", row("SELECT octet_length('héllo'), bit_length('héllo'), octet_length('abc'::bytea)"));
    assertEquals("2|0|3|5|3|2|null", row("SELECT length('\\x00ff'::bytea), length(''::bytea),"
        + " length(CAST('abc' AS bytea)), length('héllo'), length('abc'::text), length([1, 2]),"
        + " length(NULL::bytea)"));
    // length(text) keeps DuckDB's length where a typed macro would not bind: in CHECK
    // constraints and correlated subqueries
    try (Statement s = duck.createStatement()) {
      s.execute(SqlRewriter.standard().rewrite("CREATE TABLE lengths (s varchar(3),"
          + " t text CHECK (length(t) > 1))", new RewriteContext(null)));
      s.execute("INSERT INTO lengths VALUES ('héé', 'ab')");
    }
    assertEquals("3", row("SELECT (SELECT length(l.s) FROM lengths m WHERE length(m.t) < length(l.s))"
        + " FROM lengths l"));
    assertEquals("[a, b, '', c]|[a, NULL, c]|[]", row("SELECT string_to_array('a,b,,c', ','),"
        + " string_to_array('a b c', ' ', 'b'), string_to_array('', ',')"));
    assertEquals("ff|ffffffff|ffffffffffffffff", row("SELECT to_hex(255), to_hex(-1), to_hex(-1::bigint)"));
    assertEquals("a-*-c|a-c", row("SELECT array_to_string(ARRAY['a', NULL, 'c'], '-', '*'),"
        + " array_to_string(ARRAY['a', NULL, 'c'], '-')"));
    assertEquals("'it''s'|E'a\\\\b'|NULL", row("SELECT quote_literal('it''s'), quote_literal('a\\b'),"
        + " quote_nullable(NULL::text)"));
  }

  @Test
  void encodings() throws SQLException {
    assertEquals("aGVsbG8=|68656c6c6f|hello", row("SELECT encode('hello'::bytea, 'base64'),"
        + " encode('hello'::bytea, 'hex'), convert_from(decode('aGVsbG8=', 'base64'), 'UTF8')"));
    String long64 = row("SELECT encode(repeat('x', 60)::bytea, 'base64')");
    assertEquals(76, long64.indexOf('\n'));
    assertThrows(SQLException.class, () -> row("SELECT encode('a'::bytea, 'rot13')"));
  }

  @Test
  void arraysAndNumbers() throws SQLException {
    assertEquals("3|0", row("SELECT cardinality(ARRAY[1, 2, 3]), cardinality(ARRAY[]::int[])"));
    assertEquals("0|1|3|6|7|2", row("SELECT width_bucket(-1, 0, 300, 6), width_bucket(0, 0, 300, 6),"
        + " width_bucket(120.5, 0, 300, 6), width_bucket(299.99, 0, 300, 6), width_bucket(300, 0, 300, 6),"
        + " width_bucket(8, 10, 0, 5)"));
    assertThrows(SQLException.class, () -> row("SELECT width_bucket(1, 2, 2, 3)"));
    assertEquals("true|false", row("SELECT every(x > 0), every(x > 1) FROM (VALUES (1), (2)) t(x)"));
  }

  @Test
  void dateTimeFunctions() throws SQLException {
    assertEquals("2024-01-01 10:30:00.0", row("SELECT date_bin(interval '15 minutes',"
        + " timestamp '2024-01-01 10:37:00', timestamp '2024-01-01')"));
    assertEquals("10 days|1 year 2 months 03:00:00|00:01:30.5", row("SELECT make_interval(days => 10),"
        + " make_interval(years => 1, months => 2, hours => 3), make_interval(mins => 1, secs => 30.5)"));
    assertEquals("2024-01-01 00:00:00+00|2024-01-01 00:00:00|2024-01-15 10:00:00",
        row("SELECT CAST(date_trunc('month', date '2024-01-15') AS VARCHAR),"
        + " CAST(date_trunc('month', timestamp '2024-01-15 10:20') AS VARCHAR),"
        + " CAST(date_trunc('hour', timestamp '2024-01-15 10:20') AS VARCHAR)"));
    assertEquals("2|1", row("SELECT x FROM (VALUES (1), (NULL), (2)) t(x) ORDER BY x DESC LIMIT 2 OFFSET 1")
        + "|" + row("SELECT x FROM (VALUES (1), (NULL), (2)) t(x) ORDER BY x LIMIT 1"));
  }

  @Test
  void resultTypesKeepValues() throws SQLException {
    assertEquals("2024|30.250000|1704104430.250000|86401.000000|1709251200|30250.000",
        row("SELECT extract(year FROM ts), extract(second FROM ts), extract(epoch FROM ts),"
        + " extract(epoch FROM interval '1 day 1 second'), extract(epoch FROM date '2024-03-01'),"
        + " extract(milliseconds FROM ts) FROM (SELECT timestamp '2024-01-01 10:20:30.25' AS ts)"));
    assertEquals("2024.0|30.25|6|2|12|null|3", row("SELECT date_part('year', ts), date_part('second', ts),"
        + " gcd(12, 18), lcm(1, 2), lcm(4::bigint, 6::bigint), array_length(ARRAY[]::int[], 1),"
        + " array_length(ARRAY[1, 2, 3], 1) FROM (SELECT timestamp '2024-01-01 10:20:30.25' AS ts)"));
  }

  @Test
  void resultTypesArePostgresqls() throws SQLException {
    String sql = SqlRewriter.standard().rewrite("SELECT length('ab'), extract(year FROM date '2024-01-01'),"
        + " extract(epoch FROM timestamp '2024-01-01'), date_part('month', date '2024-01-01'),"
        + " gcd(4, 6), ntile(2) OVER ()", new RewriteContext(null));
    try (Statement s = duck.createStatement(); ResultSet r = s.executeQuery(sql)) {
      java.sql.ResultSetMetaData m = r.getMetaData();
      assertEquals("INTEGER|DECIMAL(38,0)|DECIMAL(27,6)|DOUBLE|INTEGER|INTEGER",
          m.getColumnTypeName(1) + "|" + m.getColumnTypeName(2) + "|" + m.getColumnTypeName(3) + "|"
          + m.getColumnTypeName(4) + "|" + m.getColumnTypeName(5) + "|" + m.getColumnTypeName(6));
    }
  }

  @Test
  void sumsHavePostgresqlsTypesAndExactValues() throws SQLException {
    String sql = SqlRewriter.standard().rewrite("SELECT sum(a), sum(b), sum(c), sum(d), sum(e),"
        + " sum(a) OVER (), sum(DISTINCT a) FILTER (WHERE a > 0) FROM (VALUES (2000000000::int,"
        + " 9000000000000000000::bigint, 1.25, 0.5::float8, 1::int2), (2000000000::int,"
        + " 9000000000000000000::bigint, 1.25, 0.5::float8, 1::int2)) t(a, b, c, d, e) GROUP BY a",
        new RewriteContext(null));
    try (Statement s = duck.createStatement(); ResultSet r = s.executeQuery(sql)) {
      java.sql.ResultSetMetaData m = r.getMetaData();
      StringBuilder types = new StringBuilder();
      for (int i = 1; i <= m.getColumnCount(); i++) {
        types.append(i > 1 ? "|" : "").append(m.getColumnTypeName(i));
      }
      assertEquals("BIGINT|DECIMAL(38,0)|DECIMAL(38,2)|DOUBLE|BIGINT|BIGINT|BIGINT", types.toString());
      r.next();
      assertEquals("4000000000|18000000000000000000|2.50|1.0|2|2000000000|2000000000",
          r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3) + "|" + r.getString(4) + "|"
          + r.getString(5) + "|" + r.getString(6) + "|" + r.getString(7));
    }
  }

  @Test
  void subtractionHasPostgresqlsTypes() throws SQLException {
    assertEquals("4|INTEGER|01:45:00|2024-01-03|3.25|9",
        row("SELECT date '2024-01-05' - date '2024-01-01', typeof(date '2024-01-05' - date '2024-01-01'),"
            + " time '10:00' - time '08:15', date '2024-01-05' - 2, 4.5 - 1.25, 10 - 1"));
  }

  @Test
  void dateTemplatesAsPostgresqlWritesThem() throws SQLException {
    assertEquals("Friday   , 2024-03|FRIDAY|MAR|FRI|2024-W09 09 1 2460371|03:04 PM|2023-03-05",
        row("SELECT to_char(d, 'Day, YYYY-MM'), to_char(d, 'FMDAY'), to_char(d, 'MON'), to_char(d, 'DY'),"
            + " to_char(d, 'IYYY-\"W\"IW WW Q J'), to_char(timestamp '2024-01-01 15:04:05', 'HH12:MI AM'),"
            + " to_date('March 5 2023', 'Month DD YYYY') FROM (SELECT date '2024-03-01' AS d)"));
  }

  @Test
  void avgIsAnExactNumeric() throws SQLException {
    String sql = SqlRewriter.standard().rewrite("SELECT avg(a), avg(b), avg(c), avg(d), avg(a) FILTER"
        + " (WHERE false), avg(i) FROM (VALUES (1::int2, 9000000000000000000::bigint, 34.49, 0.5::float8,"
        + " interval '1 day'), (2::int2, 9000000000000000000::bigint, -5.5, 1.0::float8,"
        + " interval '2 days'), (2::int2, 1::bigint, 149.00, 1.0::float8, interval '3 days')) t(a, b, c, d, i)",
        new RewriteContext(null));
    try (Statement s = duck.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      assertEquals("1.6666666666666667|6000000000000000000.3333333333333333|59.3300000000000000|"
          + "0.8333333333333334|null|2 days", r.getString(1) + "|" + r.getString(2) + "|"
          + r.getString(3) + "|" + r.getString(4) + "|" + r.getString(5) + "|" + r.getString(6));
      assertEquals("DECIMAL(38,16)", r.getMetaData().getColumnTypeName(3));
    }
    // only the average must fit: the sum of these is beyond HUGEINT once scaled by 10^16
    assertEquals("9000000000000000000.3333333333333333|-64.4966666666666667", row("SELECT avg(b),"
        + " (SELECT avg(n) FROM (VALUES (-34.49), (-149.01), (-9.99)) v(n)) FROM (VALUES"
        + " (9000000000000000000::bigint), (9000000000000000001::bigint), (9000000000000000000::bigint)) t(b)"));
  }

  @Test
  void seriesAndPercentilesAsPostgresql() throws SQLException {
    assertEquals("2024-02-28 00:00:00+00|2|1.875", row("SELECT generate_series(date '2024-02-28',"
        + " date '2024-03-01', interval '1 day')::text, generate_series(2, 3), (SELECT percentile_cont(0.5)"
        + " WITHIN GROUP (ORDER BY x) FROM (VALUES (1.5), (2.25)) t(x))"));
  }

  @Test
  void numericScalesAndArrayDimensions() throws SQLException {
    assertEquals("4|2|1.2300000000|0|2|null", row("SELECT scale(1.2345), min_scale(1.2300),"
        + " trim_scale(1.2300)::text, scale(5), scale(2.5::numeric(10, 2)), scale(NULL::numeric)"));
    assertEquals("[1:3]|[1:2][1:1]|[1:2][1:2][1:1]|null", row("SELECT array_dims(ARRAY[1, 2, 3]),"
        + " array_dims(ARRAY[[1], [2]]), array_dims(ARRAY[[[1], [2]], [[3], [4]]]), array_dims(ARRAY[]::int[])"));
  }

  @Test
  void formatFollowsPostgresqlsConversions() throws SQLException {
    // %I calls quote_ident, a function of the catalog emulation (not installed here)
    assertEquals("Alice has 1 orders|t.'O''Brien'|-NULL-%-x",
        row("SELECT format('%s has %s orders', 'Alice', 1), format('t.%L', 'O''Brien'),"
            + " format('%s-%L-%%-%1$s', NULL, NULL) || 'x'"));
  }

  @Test
  void doublyNestedCorrelatedConditionsRunWithTheSessionMacros() throws SQLException {
    // psql's \dp has this shape; a typed macro wrapped around WHERE conditions (to raise 42804
    // for WHERE 1) made DuckDB 1.5.5 crash the whole process on it
    assertEquals("[pr]", row("SELECT ARRAY(SELECT p || CASE WHEN r <> [0] THEN array_to_string(ARRAY("
        + "SELECT n FROM (VALUES (2, 'r')) ro(o, n) WHERE o = ANY(r)), ',') ELSE '' END"
        + " FROM (VALUES (1, [2], 'p')) pol(rel, r, p) WHERE rel = c.oid) FROM (VALUES (1)) c(oid)"));
  }

  @Test
  void jsonTypeofOfSqlNullIsNull() throws SQLException {
    assertEquals("null|number|null", row("SELECT json_typeof(NULL::json), json_typeof('1.5'::json),"
        + " json_typeof('null'::json)"));
  }

  @Test
  void jsonAggregatesWritePostgresqlsText() throws SQLException {
    assertEquals("[3, null, 1]|{ \"a\" : 1, \"b\" : \"x\" }|null", row("SELECT json_agg(x ORDER BY y),"
        + " (SELECT json_object_agg(k, v ORDER BY k) FROM (VALUES ('b', to_json('x')), ('a', to_json(1))) o(k, v)),"
        + " json_agg(x) FILTER (WHERE false) FROM (VALUES (1, 3), (NULL, 2), (3, 1)) t(x, y)"));
  }

  @Test
  void recursiveSearchOrders() throws SQLException {
    String tree = "WITH RECURSIVE t(id, parent) AS (SELECT 1, NULL::int UNION ALL SELECT c.id, c.parent"
        + " FROM t JOIN (VALUES (2, 1), (3, 1), (4, 2)) c(id, parent) ON c.parent = t.id)";
    assertEquals("1,2,4,3", row("SELECT string_agg(id::text, ',' ORDER BY seq) FROM (" + tree
        + " SEARCH DEPTH FIRST BY id SET seq SELECT * FROM t) s"));
    assertEquals("1,2,3,4", row("SELECT string_agg(id::text, ',' ORDER BY seq) FROM (" + tree
        + " SEARCH BREADTH FIRST BY id SET seq SELECT * FROM t) s"));
  }

  @Test
  void intervalsJustified() throws SQLException {
    assertEquals("2 days 02:00:00|1 month 15 days|29 days 23:00:00|-1 day -02:00:00|1 month -01:00:00",
        row("SELECT justify_hours(interval '50 hours'), justify_days(interval '45 days'),"
        + " justify_interval(interval '1 month -1 hour'), justify_hours(interval '-26 hours'),"
        + " justify_days(interval '1 month -1 hour')"));
  }

  @Test
  void arrayAndJsonPathFunctions() throws SQLException {
    assertEquals("1|2|[9, 2, 9]|2|null|3", row("SELECT array_ndims(ARRAY[1, 2]), array_ndims(ARRAY[[1], [2]]),"
        + " array_replace(ARRAY[1, 2, 1], 1, 9), array_position(ARRAY['a', 'b', 'c'], 'b'),"
        + " array_position(ARRAY['a'], 'z'), array_position(ARRAY[1, 2, 1], 1, 2)"));
    assertEquals("ios|6|null|{\"os\": \"ios\"}", row("SELECT json_extract_path_text(j, 'device', 'os'),"
        + " json_extract_path_text(j, 'tags', '1'), json_extract_path_text(j, 'nope'),"
        + " jsonb_extract_path(j, 'device') FROM (SELECT '{\"device\": {\"os\": \"ios\"}, \"tags\": [5, 6]}'::json AS j)"));
    assertEquals("true|2", row("SELECT j -> 'a' IS NOT NULL,"
        + " json_array_length(j -> 'a') FROM (SELECT '{\"a\": [1, 2]}'::json AS j)"));
  }

  @Test
  void jsonBuildKeepsPostgresqlsText() throws SQLException {
    assertEquals("{\"id\" : 1, \"name\" : \"Al\", \"none\" : null}|[1, \"two\", null, true, 2.5]|{}|[]",
        row("SELECT json_build_object('id', 1, 'name', 'Al', 'none', NULL),"
        + " json_build_array(1, 'two', NULL, true, 2.5), json_build_object(), json_build_array()"));
  }

  @Test
  void roundAndSignAsPostgresql() throws SQLException {
    assertEquals("3|-3|2.0|4.0|5.0|2.57|-1.0|-1|0|1.0|123456789012345678901.1235",
        row("SELECT round(2.5), round(-2.5), round(2.5::float8), round(3.5::float8), round(5),"
        + " round(2.567, 2), sign(-3), sign(-5.50), sign(0.0), sign(2.5::float8),"
        + " round(123456789012345678901.12345::numeric(30,5), 4)"));
    assertEquals("124", row("SELECT round(123.5::numeric(30,10))"));
  }

  @Test
  void sqlSyntaxForms() throws SQLException {
    assertEquals("Thomas|Txhoxxxas|example.com|null|a@b", row("SELECT overlay('Txxxxas' placing 'hom' from 2 for 4),"
        + " overlay('Txxxxas' placing 'ho' from 3 for 0), substring('x@example.com' from '@(.*)$'),"
        + " substring('abc' from 'z(.)'), substring('a@b' from '.@.')"));
    assertEquals("true|false|null|false|true|true", row("SELECT 'Gum' LIKE ANY (ARRAY['G%', '%ug']),"
        + " 'x' LIKE ANY (ARRAY['G%']), NULL::text LIKE ANY (ARRAY['a']), 'x' LIKE ANY (ARRAY[]::text[]),"
        + " 'Gum' NOT LIKE ALL (ARRAY['x%', 'y%']), 'gUM' ILIKE ALL (ARRAY['g%', '%m'])"));
    assertEquals("true|false|true", row("SELECT (date '2024-01-01', date '2024-01-10') OVERLAPS"
        + " (date '2024-01-05', date '2024-01-20'), (date '2024-01-01', date '2024-01-05') OVERLAPS"
        + " (date '2024-01-05', date '2024-01-20'), (date '2024-01-10', date '2024-01-01') OVERLAPS"
        + " (date '2024-01-05', date '2024-01-05')"));
  }

  @Test
  void regexpMatchGivesTheGroups() throws SQLException {
    assertEquals("[123, abc]|alice|[b]|null", row("SELECT regexp_match('order-123-abc', '(\\d+)-(\\w+)'),"
        + " (regexp_match('alice@x.org', '^([^@]+)@'))[1], regexp_match('abc', 'b'),"
        + " regexp_match('abc', 'z(.)')"));
  }
}
