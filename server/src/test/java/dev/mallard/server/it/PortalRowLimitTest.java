package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /**
   * Rows are encoded ahead for Executes of the last row limit; when the client changes the limit,
   * or asks for everything, every row still arrives once, in order.
   */
  @Test
  void changingRowLimitsStillReturnEveryRowInOrder() throws Exception {
    try (RobustnessTest.RawClient c = RobustnessTest.RawClient.loggedIn(server.port)) {
      open(c, "SELECT range FROM range(1000)");
      long next = 0;
      for (int limit : new int[] {10, 10, 10, 25, 25, 10, 10, 5, 5, 40, 7, 7}) {
        next = fetch(c, limit, next, true);
        Thread.sleep(50); // lets the rows of the next Executes be encoded ahead
      }
      next = fetch(c, 0, next, false);
      assertEquals(1000, next);
    }
  }

  /**
   * Results larger than what is encoded ahead in one go (and Executes arriving while rows are
   * being encoded ahead, or after a pause that let it finish): every value, in order.
   */
  @Test
  void largeFetchesArriveWholeAndInOrder() throws Exception {
    try (RobustnessTest.RawClient c = RobustnessTest.RawClient.loggedIn(server.port)) {
      open(c, "SELECT range FROM range(400000)");
      long next = 0;
      for (int i = 0; i < 7; i++) {
        next = fetch(c, 50000, next, true);
        if (i % 2 == 1) {
          Thread.sleep(200); // lets the rows of the next Executes be encoded ahead completely
        }
      }
      next = fetch(c, 50000, next, false);
      assertEquals(400000, next);
    }
  }

  /**
   * A streaming client's next Execute is answered on the event loop from the rows encoded ahead
   * (counted in mallard_executes_sent_ahead_total). Executes pipelined behind it and another row
   * limit go the ordinary way; either way every row arrives once, in order, and each Execute ends
   * as in PostgreSQL. A closed portal is gone for the express path too.
   */
  @Test
  void executesAreAnsweredFromRowsEncodedAhead() throws Exception {
    String sentAhead = "mallard_executes_sent_ahead_total";
    try (RobustnessTest.RawClient c = RobustnessTest.RawClient.loggedIn(server.port)) {
      open(c, "SELECT range FROM range(100000)");
      double before = server.metric(sentAhead);
      long next = fetch(c, 1000, 0, true);
      for (int i = 0; i < 5; i++) {
        Thread.sleep(200); // lets the next Executes' rows be encoded ahead
        next = fetch(c, 1000, next, true);
      }
      double answeredAhead = server.metric(sentAhead) - before;
      assertTrue(answeredAhead >= 4 && answeredAhead <= 5, "answered ahead: " + answeredAhead);

      Thread.sleep(200);
      for (int i = 0; i < 3; i++) { // pipelined: the later ones queue behind the first
        sendExecute(c, 1000);
      }
      for (int i = 0; i < 3; i++) {
        next = readExecute(c, 1000, next, true);
      }
      Thread.sleep(200);
      next = fetch(c, 700, next, true); // rows were encoded ahead for 1000-row Executes
      assertEquals(9700, next);

      Thread.sleep(200);
      c.sendTyped('C', concat(new byte[] {'P'}, cstr("")));
      sendExecute(c, 1000);
      assertEquals('3', c.read().type()); // CloseComplete
      RobustnessTest.RawClient.Message error = c.read();
      assertEquals('E', error.type());
      assertTrue(new String(error.body(), StandardCharsets.UTF_8).contains("C34000"));
      assertEquals('Z', c.skipUntil('Z').type());
    }
  }

  private static void open(RobustnessTest.RawClient c, String sql) throws IOException {
    c.sendTyped('Q', cstr("BEGIN"));
    c.skipUntil('Z');
    c.sendTyped('P', concat(cstr(""), cstr(sql), new byte[] {0, 0}));
    c.sendTyped('B', concat(cstr(""), cstr(""), new byte[] {0, 0, 0, 0, 0, 0}));
    c.sendTyped('S', new byte[0]);
    c.skipUntil('Z');
  }

  /**
   * One Execute of {@code limit} rows (0: all): checks that the values go on from {@code next}
   * and how the Execute ends; returns the value expected next.
   */
  private static long fetch(RobustnessTest.RawClient c, int limit, long next, boolean suspended)
      throws IOException {
    sendExecute(c, limit);
    return readExecute(c, limit, next, suspended);
  }

  /** Execute of the unnamed portal with a row limit, then Sync. */
  private static void sendExecute(RobustnessTest.RawClient c, int limit) throws IOException {
    c.sendTyped('E', concat(cstr(""), ByteBuffer.allocate(4).putInt(limit).array()));
    c.sendTyped('S', new byte[0]);
  }

  /** The answer to {@link #sendExecute}, checked as {@link #fetch} says. */
  private static long readExecute(RobustnessTest.RawClient c, int limit, long next,
      boolean suspended) throws IOException {
    long expected = next;
    RobustnessTest.RawClient.Message m;
    while ((m = c.read()).type() == 'D') {
      assertEquals(expected, Long.parseLong(textValue(m.body())), "value after " + next);
      expected++;
    }
    assertEquals(suspended ? 's' : 'C', m.type(), "Execute of " + limit + " from " + next);
    if (limit > 0) {
      assertEquals(limit, expected - next, "rows of the Execute from " + next);
    }
    assertEquals('Z', c.skipUntil('Z').type());
    return expected;
  }

  /** The single text value of a DataRow body. */
  private static String textValue(byte[] body) {
    ByteBuffer b = ByteBuffer.wrap(body);
    assertEquals(1, b.getShort());
    int length = b.getInt();
    return new String(body, b.position(), length, StandardCharsets.UTF_8);
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
