package dev.mallard.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mallard.wire.error.PgException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** json's value text, jsonb's normalisation and paths, against PostgreSQL 15's answers. */
class JsonTextTest {
  @Test
  void valuesKeepTheirOwnTextAndTheLastDuplicateKeyWins() {
    String json = "{\"a\" : { \"b\" :  [1 , 2.50] }, \"d\": 1, \"d\": \"two\" }";
    assertEquals("{ \"b\" :  [1 , 2.50] }", JsonText.field(json, "a"));
    assertEquals("\"two\"", JsonText.field(json, "d"));
    assertEquals("2.50", JsonText.path(json, List.of("a", "b", "1")));
    assertEquals("2.50", JsonText.element("[1 , 2.50]", -1));
    assertNull(JsonText.element("[1]", 1));
    assertNull(JsonText.field("[1]", "a"));
    assertNull(JsonText.path(json, List.of("a", "b", "x")));
    assertThrows(PgException.class, () -> JsonText.field("{\"a\": }", "a"));
  }

  @Test
  void jsonbTextIsNormalised() {
    assertEquals("{\"b\": \"\\u0001é\", \"aa\": [1.0, 100, 0]}",
        JsonbEdits.normalize("{\"aa\": [1.0, 1e2, -0], \"b\": 1, \"b\": \"\\u0001\\u00e9\"}"));
    assertEquals("[{\"b\":1.50}]", JsonbEdits.stripNulls("[{\"a\":null, \"b\" : 1.50}]"));
  }

  @Test
  void pathQueriesFollowLaxAndStrictModes() {
    String doc = "{\"a\": [{\"b\": 1}, {\"b\": 2}], \"c d\": 3}";
    assertEquals("1", JsonPathQuery.first(doc, "$.a.b"));
    assertEquals("2", JsonPathQuery.first(doc, "$.a[last].b"));
    assertEquals("3", JsonPathQuery.first(doc, "$.\"c d\""));
    assertEquals("{\"b\": 1}", JsonPathQuery.first(doc, "lax $.a[*]"));
    assertNull(JsonPathQuery.first(doc, "$.x"));
    PgException e = assertThrows(PgException.class, () -> JsonPathQuery.first(doc, "strict $.x"));
    assertEquals("2203A", e.sqlState());
    e = assertThrows(PgException.class, () -> JsonPathQuery.first(doc, "$.a.size()"));
    assertEquals("0A000", e.sqlState());
  }

  @Test
  void deletingUsesPostgresqlsRules() {
    assertEquals("[1, 2]", JsonbEdits.delete("[1, \"a\", 2]", "\"a\""));
    assertEquals("{}", JsonbEdits.delete("{\"a\": 1, \"b\": 2}", "[\"a\", \"b\"]"));
    assertEquals("[1, 2]", JsonbEdits.delete("[1, 2, 3]", "-1"));
    assertEquals("22023", assertThrows(PgException.class,
        () -> JsonbEdits.delete("3", "\"a\"")).sqlState());
  }
}
