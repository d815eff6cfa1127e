package dev.mallard.conformance;

import dev.mallard.conformance.KnownDifferences.Known;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The results of one protocol's run: counts, every failure with its difference and its listing in
 * known-differences.txt (if any), and listings that no longer hold.
 */
final class Report {
  /**
   * One entry's result; difference null when it matched PostgreSQL. referenceError: PostgreSQL
   * raised an error in one of its statements, listed in the report so that an error nobody meant
   * (a typo in the corpus) cannot pass for conformance.
   */
  record Result(Corpus.Entry entry, Difference difference, Known known, boolean referenceError) {
    boolean passed() {
      return difference == null;
    }

    /** A failure nobody listed: it fails the build. */
    boolean unexpected() {
      return difference != null && known == null;
    }

    /** A listing for an entry that now passes: it fails the build so the list stays true. */
    boolean stale() {
      return difference == null && known != null;
    }
  }

  final Protocol protocol;
  private final List<Result> results = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  Report(Protocol protocol) {
    this.protocol = protocol;
  }

  void add(Result result) {
    results.add(result);
  }

  /** A line about the run itself (for example how many values travelled in binary). */
  void note(String line) {
    notes.add(line);
  }

  long passed() {
    return results.stream().filter(Result::passed).count();
  }

  long failed() {
    return results.size() - passed();
  }

  List<Result> unexpected() {
    return results.stream().filter(Result::unexpected).toList();
  }

  List<Result> stale() {
    return results.stream().filter(Result::stale).toList();
  }

  String headline() {
    long known = results.stream().filter(r -> !r.passed() && r.known() != null).count();
    return String.format("%s protocol: %d passed, %d failed (%d known, %d not listed), "
            + "%d stale listings; pass rate %.1f%%",
        protocol.label, passed(), failed(), known, unexpected().size(), stale().size(),
        results.isEmpty() ? 0.0 : 100.0 * passed() / results.size());
  }

  /** The headline, then one line per failure: its id, what differs and the first difference. */
  String summary() {
    StringBuilder out = new StringBuilder(headline()).append('\n');
    for (Result r : results) {
      if (!r.passed()) {
        out.append("  ").append(r.known() == null ? "NEW " : "").append(r.entry().id())
            .append(" [").append(labels(r.difference())).append("] ")
            .append(Comparison.clip(r.difference().details().get(0))).append('\n');
      }
    }
    return out.toString();
  }

  /** What fails the build: unlisted failures and stale listings. */
  String problems() {
    StringBuilder out = new StringBuilder(headline()).append('\n');
    section(out, "NOT LISTED in known-differences.txt", unexpected());
    stale().forEach(r -> out.append("  listed but now passing: ").append(r.entry().id())
        .append('\n'));
    return out.toString();
  }

  String text() {
    StringBuilder out = new StringBuilder("== ").append(headline()).append('\n');
    notes.forEach(n -> out.append(n).append('\n'));
    List<Result> failures = results.stream().filter(r -> !r.passed()).toList();
    out.append("failures by kind: ")
        .append(counts(failures, r -> r.difference().kind().label())).append('\n');
    out.append("differing aspects (an entry may have several): ")
        .append(aspects(failures)).append('\n');
    out.append("failures by category: ")
        .append(counts(failures, r -> r.known() == null ? "(not listed)" : r.known().category()))
        .append("\n\n");
    section(out, "NOT LISTED in known-differences.txt (fails the build)", unexpected());
    if (!stale().isEmpty()) {
      out.append("LISTED BUT NOW PASSING (remove from known-differences.txt; fails the build)\n");
      stale().forEach(r -> out.append("  ").append(r.entry().id()).append('\n'));
      out.append('\n');
    }
    section(out, "KNOWN DIFFERENCES",
        failures.stream().filter(r -> r.known() != null).toList());
    List<String> erring = results.stream().filter(Result::referenceError)
        .map(r -> r.entry().id()).toList();
    out.append("ENTRIES WHERE POSTGRESQL RAISES AN ERROR (").append(erring.size()).append(")\n");
    erring.forEach(id -> out.append("  ").append(id).append('\n'));
    return out.toString();
  }

  private static void section(StringBuilder out, String title, List<Result> list) {
    if (list.isEmpty()) {
      return;
    }
    out.append(title).append('\n');
    for (Result r : list) {
      Difference d = r.difference();
      out.append("  ").append(r.entry().id()).append(" [").append(labels(d)).append(']');
      if (r.known() != null) {
        out.append(" ").append(r.known().category()).append(": ").append(r.known().reason());
      }
      out.append('\n');
      String sql = r.entry().statements().get(d.statement() - 1);
      out.append("      sql").append(r.entry().transactional() ? " #" + d.statement() : "")
          .append(": ").append(Comparison.clip(sql.replaceAll("\\s+", " "))).append('\n');
      d.details().forEach(line -> out.append("      ").append(line).append('\n'));
    }
    out.append('\n');
  }

  private static String labels(Difference d) {
    return d.kinds().stream().map(Difference.Kind::label).collect(Collectors.joining(","));
  }

  private static String aspects(List<Result> failures) {
    Map<String, Long> byKind = new TreeMap<>();
    for (Result r : failures) {
      r.difference().kinds().forEach(k -> byKind.merge(k.label(), 1L, Long::sum));
    }
    return byKind.isEmpty() ? "none" : byKind.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String counts(List<Result> failures, Function<Result, String> key) {
    Map<String, Long> byKey =
        failures.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    if (byKey.isEmpty()) {
      return "none";
    }
    return byKey.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** One line per entry for tools: id, protocol, status, kind, category. */
  String tsv() {
    StringBuilder out = new StringBuilder();
    for (Result r : results) {
      out.append(r.entry().id()).append('\t').append(protocol.label).append('\t')
          .append(r.passed() ? "pass" : "fail").append('\t')
          .append(r.passed() ? "" : labels(r.difference())).append('\t')
          .append(r.known() == null ? "" : r.known().category()).append('\n');
    }
    return out.toString();
  }

  /** Writes target/conformance/report-&lt;protocol&gt;.txt and results-&lt;protocol&gt;.tsv. */
  Path write() throws IOException {
    Path dir = Path.of("target", "conformance");
    Files.createDirectories(dir);
    Path report = dir.resolve("report-" + protocol.label + ".txt");
    Files.writeString(report, text(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("results-" + protocol.label + ".tsv"), tsv(),
        StandardCharsets.UTF_8);
    return report.toAbsolutePath();
  }
}
