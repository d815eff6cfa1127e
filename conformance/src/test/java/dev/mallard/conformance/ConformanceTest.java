package dev.mallard.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mallard.conformance.Outcome.Column;
import dev.mallard.conformance.Outcome.Rows;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the corpus against the reference PostgreSQL and a Mallard server, once per protocol, and
 * compares every outcome (see {@link Comparison} for what is compared). A difference fails the
 * build unless known-differences.txt lists it; a listing whose entry now passes fails it too.
 * The full report goes to target/conformance/.
 */
class ConformanceTest {
  private static List<Corpus.Entry> corpus;
  private static KnownDifferences known;
  private static List<String> fixture;

  @BeforeAll
  static void load() throws IOException {
    corpus = Corpus.load();
    known = KnownDifferences.load("known-differences.txt");
    fixture = SqlText.statements(
        Files.readString(Corpus.resource("fixture.sql"), StandardCharsets.UTF_8));
    Set<String> ids = new HashSet<>();
    corpus.forEach(e -> ids.add(e.id()));
    for (Protocol p : Protocol.values()) {
      for (KnownDifferences.Known k : known.all(p)) {
        if (!ids.contains(k.id())) {
          fail("known-differences.txt lists " + k.id() + ", which is not in the corpus");
        }
      }
    }
  }

  @Test
  void simpleProtocol() throws Exception {
    run(Protocol.SIMPLE);
  }

  @Test
  void extendedProtocolWithBinaryResults() throws Exception {
    run(Protocol.EXTENDED_BINARY);
  }

  private void run(Protocol protocol) throws Exception {
    Report report = new Report(protocol);
    int[] binaryColumns = new int[2];
    try (ReferencePostgres pg = new ReferencePostgres();
        MallardUnderTest mallard = new MallardUnderTest();
        Target expected = new Target(pg.url(protocol), pg.user, pg.password);
        Target actual = new Target(
            mallard.url(protocol), MallardUnderTest.USER, MallardUnderTest.PASSWORD)) {
      expected.execute(fixture);
      actual.execute(fixture);
      for (Corpus.Entry entry : corpus) {
        List<Outcome> want = expected.run(entry);
        List<Outcome> got = actual.run(entry);
        binaryColumns[0] += binaryColumns(want);
        binaryColumns[1] += binaryColumns(got);
        Difference d = Comparison.compare(want, got);
        boolean referenceError = want.stream().anyMatch(o -> o instanceof Outcome.Failure);
        report.add(new Report.Result(entry, d, known.get(entry.id(), protocol), referenceError));
      }
    }
    report.note("result columns received in binary: PostgreSQL " + binaryColumns[0]
        + ", Mallard " + binaryColumns[1]);
    Path file = report.write();
    System.out.print(report.summary());
    System.out.println("full report: " + file);
    if (protocol == Protocol.EXTENDED_BINARY) {
      // Guards the mode itself: binary results must really have been requested and sent.
      assertTrue(binaryColumns[0] > 0 && binaryColumns[1] > 0,
          "no binary results in the binary mode: " + binaryColumns[0] + ", " + binaryColumns[1]);
    }
    if (!report.unexpected().isEmpty() || !report.stale().isEmpty()) {
      fail(report.problems());
    }
  }

  private static int binaryColumns(List<Outcome> outcomes) {
    int n = 0;
    for (Outcome o : outcomes) {
      if (o instanceof Rows r) {
        for (Column c : r.columns()) {
          n += c.format() == 1 ? 1 : 0;
        }
      }
    }
    return n;
  }
}
