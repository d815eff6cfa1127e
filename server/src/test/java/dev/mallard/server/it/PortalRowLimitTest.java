package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Execute with a row limit over the raw protocol: every Execute returns exactly that many rows
 * then PortalSuspended, also when the next rows were encoded ahead while the client was away, and
 * the last one ends with CommandComplete counting that Execute's rows, as PostgreSQL does.
 *
 * <p>Random walks over one suspended portal also run step for step against the reference
 * PostgreSQL and against Mallard: Executes with row limits (one at a time, pipelined, or followed
 * by Flush instead of Sync), queries and TimeZone changes between them, pauses that let Mallard
 * encode rows ahead and answer Executes on its event loop, and finally closing the portal. Both
 * must answer message for message alike: the rows, PortalSuspended or CommandComplete with its
 * tag, ReadyForQuery's status and SQLSTATEs (ParameterStatus and notices are not compared). So
 * must a further Execute of a portal that ran to completion.
 */
class PortalRowLimitTest extends SharedServerTest {
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

  private static final String WALK_QUERY = "SELECT i, TIMESTAMPTZ '2024-01-01 00:00:00+00'"
      + " + i * INTERVAL '1 hour' AS ts, 'v' || i AS label FROM generate_series(1, 2500) AS s(i)";

  /** One step of a walk; {@code rows} is an Execute's row limit, {@code count} how many. */
  private record Step(Kind kind, int rows, int count) {}

  private enum Kind { EXECUTE, EXECUTE_FLUSH, PIPELINE, QUERY, TIME_ZONE, PAUSE }

  @Test
  void randomWalksOverASuspendedPortalAnswerAsPostgresDoes() throws Exception {
    Assumptions.assumeTrue(PsqlMetaCommandTest.reference() != null,
        "reference PostgreSQL is not running");
    for (int seed = 1; seed <= 6; seed++) {
      List<Step> walk = walk(new Random(seed));
      List<String> expected;
      try (RobustnessTest.RawClient pg = new RobustnessTest.RawClient(55432)) {
        pg.login("postgres", "postgres");
        expected = runWalk(pg, walk);
      }
      List<String> actual;
      try (RobustnessTest.RawClient mallard = RobustnessTest.RawClient.loggedIn(server.port)) {
        actual = runWalk(mallard, walk);
      }
      for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
        if (!expected.get(i).equals(actual.get(i))) {
          assertEquals(context(expected, i), context(actual, i), "seed " + seed + ", answer " + i
              + " to " + walk);
        }
      }
      assertEquals(expected.size(), actual.size(), "seed " + seed + ": answers to " + walk);
    }
  }

  /**
   * A portal that ran to completion, executed again: a row-returning statement fetches nothing
   * more (its tag counts 0), any other is refused with 55000, as in PostgreSQL.
   */
  @Test
  void completedPortalsAnswerFurtherExecutesAsPostgresDoes() throws Exception {
    Assumptions.assumeTrue(PsqlMetaCommandTest.reference() != null,
        "reference PostgreSQL is not running");
    for (String sql : new String[] {"SELECT 1 AS one", "SHOW DateStyle",
        "INSERT INTO pdt_target VALUES (1) RETURNING i", "INSERT INTO pdt_target VALUES (2)",
        "UPDATE pdt_target SET i = i + 1"}) {
      List<String> expected;
      try (RobustnessTest.RawClient pg = new RobustnessTest.RawClient(55432)) {
        pg.login("postgres", "postgres");
        expected = runTwice(pg, sql);
      }
      try (RobustnessTest.RawClient mallard = RobustnessTest.RawClient.loggedIn(server.port)) {
        assertEquals(expected, runTwice(mallard, sql), sql);
      }
    }
  }

  /** Executes {@code sql}'s portal twice in a transaction block; returns the answers. */
  private static List<String> runTwice(RobustnessTest.RawClient c, String sql) throws Exception {
    List<String> answers = new ArrayList<>();
    c.sendTyped('Q', cstr("BEGIN; CREATE TEMP TABLE pdt_target (i int)"));
    readAnswers(c, answers, 'Z', 1);
    c.sendTyped('P', concat(cstr(""), cstr(sql), new byte[] {0, 0}));
    c.sendTyped('B', concat(cstr("p"), cstr(""), new byte[] {0, 0, 0, 0, 0, 0}));
    executePortalP(c, 0);
    executePortalP(c, 0);
    c.sendTyped('S', new byte[0]);
    readAnswers(c, answers, 'Z', 1);
    c.sendTyped('Q', cstr("ROLLBACK"));
    readAnswers(c, answers, 'Z', 1);
    return answers;
  }

  /** The answers around the {@code i}-th, one per line, rows elided. */
  private static String context(List<String> answers, int i) {
    StringBuilder out = new StringBuilder();
    for (int k = Math.max(0, i - 12); k < Math.min(answers.size(), i + 4); k++) {
      if (!answers.get(k).startsWith("D ") || k == i) {
        out.append(k).append(": ").append(answers.get(k)).append('\n');
      }
    }
    return out.toString();
  }

  private static List<Step> walk(Random random) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      int r = random.nextInt(100);
      if (r < 40) {
        steps.add(new Step(Kind.EXECUTE, 100, 1));
      } else if (r < 50) {
        steps.add(new Step(Kind.EXECUTE, new int[] {1, 37, 250}[random.nextInt(3)], 1));
      } else if (r < 58) {
        steps.add(new Step(Kind.EXECUTE_FLUSH, 100, 1));
      } else if (r < 66) {
        steps.add(new Step(Kind.PIPELINE, 100, 2 + random.nextInt(2)));
      } else if (r < 72) {
        steps.add(new Step(Kind.QUERY, 0, 0));
      } else if (r < 77) {
        steps.add(new Step(Kind.TIME_ZONE, random.nextInt(2), 0));
      } else {
        steps.add(new Step(Kind.PAUSE, 0, 0));
      }
    }
    return steps;
  }

  /** Runs a walk on one connection; returns the answers as comparable lines. */
  private static List<String> runWalk(RobustnessTest.RawClient c, List<Step> walk)
      throws Exception {
    List<String> answers = new ArrayList<>();
    c.sendTyped('Q', cstr("BEGIN"));
    readAnswers(c, answers, 'Z', 1);
    c.sendTyped('P', concat(cstr(""), cstr(WALK_QUERY), new byte[] {0, 0}));
    c.sendTyped('B', concat(cstr("p"), cstr(""), new byte[] {0, 0, 0, 0, 0, 0}));
    c.sendTyped('S', new byte[0]);
    readAnswers(c, answers, 'Z', 1);
    for (Step step : walk) {
      switch (step.kind()) {
        case EXECUTE -> {
          executePortalP(c, step.rows());
          c.sendTyped('S', new byte[0]);
          readAnswers(c, answers, 'Z', 1);
        }
        case EXECUTE_FLUSH -> {
          executePortalP(c, step.rows());
          c.sendTyped('H', new byte[0]);
          readExecute(c, answers);
        }
        case PIPELINE -> {
          for (int i = 0; i < step.count(); i++) {
            executePortalP(c, step.rows());
            c.sendTyped('S', new byte[0]);
          }
          readAnswers(c, answers, 'Z', step.count());
        }
        case QUERY -> {
          c.sendTyped('Q', cstr("SELECT 42 AS answer"));
          readAnswers(c, answers, 'Z', 1);
        }
        case TIME_ZONE -> {
          c.sendTyped('Q', cstr(step.rows() == 0 ? "SET TimeZone = 'UTC'"
              : "SET TimeZone = 'Asia/Tokyo'"));
          readAnswers(c, answers, 'Z', 1);
        }
        case PAUSE -> Thread.sleep(40); // Mallard encodes the next Executes' rows meanwhile
        default -> throw new IllegalStateException();
      }
    }
    c.sendTyped('C', concat(new byte[] {'P'}, cstr("p")));
    executePortalP(c, 100);
    c.sendTyped('S', new byte[0]);
    readAnswers(c, answers, 'Z', 1);
    return answers;
  }

  /** Execute of portal "p" with a row limit (0: all rows). */
  private static void executePortalP(RobustnessTest.RawClient c, int rows) throws IOException {
    c.sendTyped('E', concat(cstr("p"), ByteBuffer.allocate(4).putInt(rows).array()));
  }

  /** Reads answers until the {@code count}-th message of type {@code last}. */
  private static void readAnswers(RobustnessTest.RawClient c, List<String> answers, char last,
      int count) throws IOException {
    int seen = 0;
    while (seen < count) {
      RobustnessTest.RawClient.Message m = c.read();
      if (m == null) {
        answers.add("closed");
        return;
      }
      add(answers, m);
      if (m.type() == last) {
        seen++;
      }
    }
  }

  /** Reads the answer to an Execute followed by Flush: up to its end (s, C or E). */
  private static void readExecute(RobustnessTest.RawClient c, List<String> answers)
      throws IOException {
    while (true) {
      RobustnessTest.RawClient.Message m = c.read();
      if (m == null) {
        answers.add("closed");
        return;
      }
      add(answers, m);
      if (m.type() == 's' || m.type() == 'C' || m.type() == 'E') {
        return;
      }
    }
  }

  /**
   * Adds a message as a line to compare. ParameterStatus and notices are left out: PostgreSQL
   * reports a changed setting just before ReadyForQuery, Mallard right after the SET.
   */
  private static void add(List<String> answers, RobustnessTest.RawClient.Message m) {
    switch (m.type()) {
      case 'D' -> answers.add("D " + dataRow(m.body()));
      case 'C', 'Z' -> answers.add(
          m.type() + " " + new String(m.body(), StandardCharsets.UTF_8).replace("\0", ""));
      case 'E' -> answers.add("E " + RobustnessTest.RawClient.fields(m.body()).get('C'));
      case 'S', 'N' -> { }
      default -> answers.add(String.valueOf(m.type()));
    }
  }

  /** A DataRow's text values, separated by '|'. */
  private static String dataRow(byte[] body) {
    ByteBuffer b = ByteBuffer.wrap(body);
    int n = b.getShort();
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int length = b.getInt();
      row.append(i == 0 ? "" : "|");
      if (length < 0) {
        row.append("NULL");
      } else {
        row.append(new String(body, b.position(), length, StandardCharsets.UTF_8));
        b.position(b.position() + length);
      }
    }
    return row.toString();
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
