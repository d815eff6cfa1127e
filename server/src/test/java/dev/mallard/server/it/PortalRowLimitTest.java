package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Execute with a row limit over the raw protocol: every Execute returns exactly that many rows
 * then PortalSuspended, also when the next rows were encoded ahead while the client was away, and
 * the last one ends with CommandComplete counting that Execute's rows, as PostgreSQL does.
 */
class PortalRowLimitTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyExecuteReturnsAtMostItsRowLimit() throws IOException {
    try (RobustnessTest.RawClient c = RobustnessTest.RawClient.loggedIn(server.port)) {
      c.sendTyped('Q', cstr("BEGIN"));
      c.skipUntil('Z');
      c.sendTyped('P', concat(cstr(""), cstr("SELECT range FROM range(95)"), new byte[] {0, 0}));
      c.sendTyped('B', concat(cstr(""), cstr(""), new byte[] {0, 0, 0, 0, 0, 0}));
      c.sendTyped('S', new byte[0]);
      c.skipUntil('Z');
      int total = 0;
      for (int fetch = 0; fetch < 10; fetch++) {
        c.sendTyped('E', concat(cstr(""), ByteBuffer.allocate(4).putInt(10).array()));
        c.sendTyped('S', new byte[0]);
        int rows = 0;
        RobustnessTest.RawClient.Message m;
        while ((m = c.read()).type() == 'D') {
          rows++;
        }
        total += rows;
        if (fetch < 9) {
          assertEquals('s', m.type(), "fetch " + fetch + " ends suspended");
          assertEquals(10, rows, "fetch " + fetch);
        } else {
          assertEquals('C', m.type());
          assertEquals(5, rows);
          assertEquals("SELECT 5", RobustnessTest.RawClient.cstring(m.body()));
        }
        assertEquals('Z', c.skipUntil('Z').type());
      }
      assertEquals(95, total);
    }
  }

  private static byte[] cstr(String s) {
    return concat(s.getBytes(StandardCharsets.UTF_8), new byte[] {0});
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.write(p, 0, p.length);
    }
    return out.toByteArray();
  }
}
