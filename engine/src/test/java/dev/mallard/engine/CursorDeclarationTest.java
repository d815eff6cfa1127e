package dev.mallard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.wire.error.PgException;
import org.junit.jupiter.api.Test;

/** DECLARE's options and query text, as PostgreSQL's grammar reads them. */
class CursorDeclarationTest {

  @Test
  void plainDeclaration() {
    CursorDeclaration d = CursorDeclaration.parse("DECLARE C1 CURSOR FOR SELECT 1");
    assertEquals("c1", d.name());
    assertFalse(d.binary());
    assertNull(d.scroll());
    assertFalse(d.hold());
    assertEquals("SELECT 1", d.query());
  }

  @Test
  void everyOption() {
    CursorDeclaration d = CursorDeclaration.parse(
        "declare \"My Cur\" binary insensitive no scroll cursor with hold for\n"
            + "  select 'for' /* FOR */, $1 from t;");
    assertEquals("My Cur", d.name());
    assertTrue(d.binary());
    assertEquals(Boolean.FALSE, d.scroll());
    assertTrue(d.hold());
    assertEquals("select 'for' /* FOR */, $1 from t", d.query());
    assertEquals(Boolean.TRUE,
        CursorDeclaration.parse("DECLARE c SCROLL CURSOR WITHOUT HOLD FOR VALUES (1)").scroll());
  }

  @Test
  void malformedDeclarationsAreSyntaxErrors() {
    for (String sql : new String[] {"DECLARE c CURSOR SELECT 1", "DECLARE c FOR SELECT 1",
        "DECLARE c CURSOR FOR", "DECLARE c NO CURSOR FOR SELECT 1", "DECLARE CURSOR FOR SELECT 1"}) {
      PgException e = assertThrows(PgException.class, () -> CursorDeclaration.parse(sql), sql);
      assertEquals("42601", e.sqlState(), sql);
    }
  }
}
