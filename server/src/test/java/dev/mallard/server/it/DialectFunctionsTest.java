package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL functions and statement forms DuckDB lacks, through pgjdbc over a real socket.
 * Expected values are PostgreSQL 15's for the same SQL; json text is compared without white space
 * (PostgreSQL writes {@code {"a" : 1}}, DuckDB {@code {"a":1}}: the same value).
 */
class DialectFunctionsTest extends SharedServerTest {
  /** Every row of the result, columns joined by | and rows by a space. */
  private static String rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          sb.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(sb.toString());
      }
    }
    return String.join(" ", out);
  }

  private static String compact(String json) {
    return json.replace(" ", "");
  }

  @Test
  void dateTemplates() throws SQLException {
    try (Connection c = server.connect()) {
      assertEquals("2024-03-05 14:07:09.123|05 Mar 2024|5/3/24 04:07 AM at Tue|2024-03-05",
          rows(c, "select to_char(timestamp '2024-03-05 14:07:09.123', 'YYYY-MM-DD HH24:MI:SS.MS'), "
              + "to_char(date '2024-03-05', 'DD Mon YYYY'), "
              + "to_char(timestamp '2024-03-05 04:07:09', 'FMDD/FMMM/YY HH12:MI AM \"at\" Dy'), "
              + "to_date('05/03/2024', 'DD/MM/YYYY')"));
      try (Statement s = c.createStatement()) {
        s.execute("set timezone = 'UTC'");
      }
      assertEquals("2024-03-05 14:07:00+00",
          rows(c, "select to_timestamp('2024-03-05 14:07', 'YYYY-MM-DD HH24:MI')"));
    }
  }

  @Test
  void jsonFunctions() throws SQLException {
    try (Connection c = server.connect()) {
      assertEquals(compact("{\"a\" : 1, \"b\" : \"x\"}|[1, \"a\"]|array|string|number|2"),
          compact(rows(c, "select json_build_object('a', 1, 'b', 'x'), jsonb_build_array(1, 'a'), "
              + "jsonb_typeof('[1]'::jsonb), json_typeof('\"s\"'), json_typeof('1.5'), "
              + "jsonb_array_length('[1,2]')")));
      assertEquals(compact("[2, null, 1]"), compact(rows(c,
          "select jsonb_agg(x order by y) from (values (1, 3), (2, 1), (null, 2)) v(x, y)")));
      assertEquals(compact("{ \"a\" : 1 }"),
          compact(rows(c, "select json_object_agg(k, v) from (values ('a', 1)) t(k, v)")));
    }
  }

  @Test
  void jsonbConcatenationAndContainmentOnColumns() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("create table dialect_docs (id int, data jsonb)");
      s.execute("insert into dialect_docs values (1, '{\"a\": {\"x\": 1}, \"n\": 1}'), "
          + "(2, '{\"a\": 2}')");
      s.execute("update dialect_docs set data = data || '{\"a\": {\"y\": 2}}'::jsonb where id = 1");
      assertEquals(compact("{\"a\": {\"y\": 2}, \"n\": 1}"),
          compact(rows(c, "select data::text from dialect_docs where id = 1")));
      assertEquals("2", rows(c, "select id from dialect_docs where data @> '{\"a\": 2}'"));
      assertEquals(compact("[1, 2, 3]"), compact(rows(c, "select '[1]'::jsonb || '[2, 3]'::jsonb")));
      s.execute("drop table dialect_docs");
    }
  }

  @Test
  void setReturningFunctions() throws SQLException {
    try (Connection c = server.connect()) {
      assertEquals("1 2 3", rows(c, "select generate_series(1,3)"));
      assertEquals("0|3|18 1|4|22 2|3|15", rows(c, "select g % 3 as k, count(*), sum(g) "
          + "from generate_series(1, 10) g group by 1 order by 1"));
      assertEquals("1|1 2|1 2|2", rows(c,
          "select x, generate_series(1, x) from (values (1),(2)) v(x) order by 1, 2"));
      assertEquals("a|1 b|x", rows(c,
          "select * from jsonb_each_text('{\"a\":1,\"b\":\"x\"}') order by key"));
      assertEquals("1 a", rows(c,
          "select e.value from json_array_elements_text('[1,\"a\"]') e order by 1"));
      assertEquals("a b", rows(c, "select k from jsonb_object_keys('{\"a\":1,\"b\":2}') k order by k"));
      assertEquals("a b", rows(c, "select jsonb_object_keys('{\"a\":1,\"b\":2}') order by 1"));
    }
  }

  @Test
  void stringFunctions() throws SQLException {
    try (Connection c = server.connect()) {
      assertEquals("a|a|Hello World|2|bcd|b|00x", rows(c, "select btrim('xxaxx', 'x'), btrim('  a '), "
          + "initcap('hello world'), position('b' in 'abc'), substring('abcdef' from 2 for 3), "
          + "split_part('a,b,c', ',', 2), lpad('x', 3, '0')"));
      assertEquals("{2}|{1,1}", rows(c, "select array_remove(array[1,2,1], 1), "
          + "array_remove(array[1,null,1], null)"));
    }
  }

  @Test
  void lockingClausesAndOwnerChangesAreAccepted() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("create table dialect_locked (a int)");
      s.execute("insert into dialect_locked values (1)");
      assertEquals("1", rows(c, "select a from dialect_locked for update"));
      assertEquals("1", rows(c, "select a from dialect_locked l for no key update of l skip locked"));
      s.execute("create table dialect_like (like dialect_locked including all)");
      s.execute("insert into dialect_like values (7)");
      assertEquals("7", rows(c, "select a from dialect_like"));
      s.execute("drop table dialect_like");
      s.execute("alter table dialect_locked owner to postgres");
      assertEquals(0, s.getUpdateCount() < 0 ? 0 : s.getUpdateCount());
      assertEquals("1", rows(c, "select a from dialect_locked"));
      assertTrue(s.execute("select 1") && s.getResultSet().next());
      s.execute("drop table dialect_locked");
    }
  }
}
