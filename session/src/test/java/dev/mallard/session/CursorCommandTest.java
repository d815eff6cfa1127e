package dev.mallard.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mallard.wire.error.PgException;
import org.junit.jupiter.api.Test;

/** FETCH / MOVE directions and CLOSE targets, per PostgreSQL's FETCH synopsis. */
class CursorCommandTest {

  private static CursorCommand fetch(String sql) {
    return CursorCommand.parseFetch(sql);
  }

  @Test
  void forwardDirections() {
    assertEquals(new CursorCommand("c", 1, true), fetch("FETCH c"));
    assertEquals(new CursorCommand("c", 1, true), fetch("FETCH NEXT FROM c"));
    assertEquals(new CursorCommand("c", 5, true), fetch("fetch 5 in c"));
    assertEquals(new CursorCommand("c", 5, true), fetch("FETCH +5 c"));
    assertEquals(new CursorCommand("c", 7, true), fetch("MOVE FORWARD 7 FROM c;"));
    assertEquals(new CursorCommand("c", CursorCommand.ALL, true), fetch("FETCH ALL c"));
    assertEquals(new CursorCommand("c", CursorCommand.ALL, true), fetch("FETCH FORWARD ALL IN c"));
    assertEquals(new CursorCommand("c", 1, true), fetch("FETCH FORWARD c"));
    assertEquals(new CursorCommand("My C", 2, true), fetch("FETCH 2 FROM \"My C\""));
  }

  @Test
  void directionsThatNeedScrolling() {
    for (String sql : new String[] {"FETCH PRIOR c", "FETCH FIRST c", "FETCH LAST FROM c",
        "FETCH ABSOLUTE 3 c", "FETCH RELATIVE -1 c", "FETCH BACKWARD c", "FETCH BACKWARD 2 c",
        "FETCH BACKWARD ALL c", "FETCH -1 c", "FETCH 0 c", "MOVE FORWARD 0 c"}) {
      assertEquals(false, fetch(sql).forward(), sql);
      assertEquals("c", fetch(sql).cursor(), sql);
    }
  }

  @Test
  void close() {
    assertEquals("c", CursorCommand.parseClose("CLOSE c").cursor());
    assertNull(CursorCommand.parseClose("close all").cursor());
    assertEquals("all", CursorCommand.parseClose("CLOSE \"all\"").cursor());
  }

  @Test
  void malformedCommandsAreSyntaxErrors() {
    for (String sql : new String[] {"FETCH", "FETCH 3", "FETCH 3 FROM c d", "CLOSE"}) {
      PgException e = assertThrows(PgException.class,
          () -> (sql.startsWith("CLOSE") ? CursorCommand.parseClose(sql) : fetch(sql)).cursor(), sql);
      assertEquals("42601", e.sqlState(), sql);
    }
  }
}
