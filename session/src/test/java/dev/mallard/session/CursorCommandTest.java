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
    assertEquals(new CursorCommand("c", CursorCommand.Direction.FORWARD, 1), fetch("FETCH c"));
    assertEquals(new CursorCommand("c", CursorCommand.Direction.FORWARD, 1), fetch("FETCH NEXT FROM c"));
    assertEquals(new CursorCommand("c", CursorCommand.Direction.FORWARD, 5), fetch("fetch 5 in c"));
    assertEquals(new CursorCommand("c", CursorCommand.Direction.FORWARD, 5), fetch("FETCH +5 c"));
    assertEquals(new CursorCommand("c", CursorCommand.Direction.FORWARD, 7), fetch("MOVE FORWARD 7 FROM c;"));
    assertEquals(new CursorCommand("c", CursorCommand.Direction.FORWARD, CursorCommand.ALL), fetch("FETCH ALL c"));
    assertEquals(new CursorCommand("c", CursorCommand.Direction.FORWARD, CursorCommand.ALL), fetch("FETCH FORWARD ALL IN c"));
    assertEquals(new CursorCommand("c", CursorCommand.Direction.FORWARD, 1), fetch("FETCH FORWARD c"));
    assertEquals(new CursorCommand("My C", CursorCommand.Direction.FORWARD, 2), fetch("FETCH 2 FROM \"My C\""));
  }

  @Test
  void directionsThatNeedScrolling() {
    Object[][] cases = {
        {"FETCH PRIOR c", "BACKWARD", 1L}, {"FETCH FIRST c", "ABSOLUTE", 1L},
        {"FETCH LAST FROM c", "ABSOLUTE", -1L}, {"FETCH ABSOLUTE 3 c", "ABSOLUTE", 3L},
        {"FETCH ABSOLUTE -2 c", "ABSOLUTE", -2L}, {"FETCH RELATIVE -1 c", "RELATIVE", -1L},
        {"FETCH BACKWARD c", "BACKWARD", 1L}, {"FETCH BACKWARD 2 c", "BACKWARD", 2L},
        {"FETCH BACKWARD ALL c", "BACKWARD", CursorCommand.ALL}, {"FETCH -1 c", "BACKWARD", 1L},
        {"FETCH 0 c", "RELATIVE", 0L}, {"MOVE FORWARD 0 c", "RELATIVE", 0L},
        {"FETCH BACKWARD -3 c", "FORWARD", 3L}};
    for (Object[] c : cases) {
      String sql = (String) c[0];
      CursorCommand command = fetch(sql);
      assertEquals(new CursorCommand("c", CursorCommand.Direction.valueOf((String) c[1]),
          (Long) c[2]), command, sql);
      assertEquals(c[1].equals("FORWARD"), command.forward(), sql);
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
    for (String sql : new String[] {"FETCH", "FETCH 3", "FETCH 3 FROM c d", "CLOSE", "FETCH ABSOLUTE c"}) {
      PgException e = assertThrows(PgException.class,
          () -> (sql.startsWith("CLOSE") ? CursorCommand.parseClose(sql) : fetch(sql)).cursor(), sql);
      assertEquals("42601", e.sqlState(), sql);
    }
  }
}
