package dev.mallard.bench;

import java.io.PrintStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.ToDoubleFunction;

/** The final table: median and every pass per reader, the ratios, and the checksum check. */
final class Report {
  private final BenchOptions options;
  private final List<Measurement> results;
  private final List<String> versions;

  Report(BenchOptions options, List<Measurement> results, List<String> versions) {
    this.options = options;
    this.results = results;
    this.versions = versions;
  }

  /** Prints the report; false when some pass read other rows or values than the rest. */
  boolean print(PrintStream out) {
    out.println();
    out.printf(Locale.ROOT, "Streaming %s: %,d rows (id int8, x float8, label text, ts timestamp,"
        + " amount numeric(12,2)); %d warm-up + %d measured passes each; pgjdbc fetch size %d,"
        + " autocommit off%n", BenchTable.QUERY, options.rows(), options.warmups(),
        options.passes(), options.fetchSize());
    out.println("Run " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    for (String v : versions) {
      out.println("  " + v);
    }
    out.println();
    out.printf(Locale.ROOT, "%-12s %-18s %14s %9s %11s %11s  %s%n",
        "system", "reader", "median rows/s", "median s", "client us/r", "server us/r",
        "passes (rows/s)");
    for (Measurement m : results) {
      StringJoiner passes = new StringJoiner(", ");
      for (Pass p : m.passes) {
        passes.add(String.format(Locale.ROOT, "%,.0f", p.rowsPerSecond()));
      }
      double median = m.medianRowsPerSecond();
      double server = m.medianServerMicrosPerRow();
      out.printf(Locale.ROOT, "%-12s %-18s %,14.0f %9.2f %11.3f %11s  %s%n",
          m.system, m.reader, median, options.rows() / median, m.medianClientMicrosPerRow(),
          Double.isNaN(server) ? "n/a" : String.format(Locale.ROOT, "%.3f", server), passes);
    }
    out.println("  (us/r: median CPU microseconds per row of the reading thread and of the server:"
        + (options.mallardJar() != null
            ? " Mallard's whole process (with DuckDB's threads, JIT and GC),"
            : " Mallard's mallard-* threads (in this JVM),")
        + " PostgreSQL's backend process)");
    out.println();
    out.println("Result formats as received:");
    for (Measurement m : results) {
      out.printf(Locale.ROOT, "  %-31s %s%n", m.name(), m.formats);
    }
    out.println();
    printRatios(out);
    return printChecksums(out);
  }

  private void printRatios(PrintStream out) {
    List<String> lines = new ArrayList<>();
    Measurement duckdb = find("DuckDB", "in-process Arrow");
    for (PgjdbcReader.Mode mode : options.modes()) {
      Measurement mallard = find("Mallard", "pgjdbc " + mode.label);
      Measurement pg = find("PostgreSQL", "pgjdbc " + mode.label);
      ratio(lines, "Mallard / PostgreSQL, pgjdbc " + mode.label, mallard, pg,
          Measurement::medianRowsPerSecond);
      ratio(lines, "Mallard / DuckDB in-process, pgjdbc " + mode.label, mallard, duckdb,
          Measurement::medianRowsPerSecond);
      ratio(lines, "PostgreSQL / DuckDB in-process, pgjdbc " + mode.label, pg, duckdb,
          Measurement::medianRowsPerSecond);
      ratio(lines, "server CPU per row, Mallard / PostgreSQL, " + mode.label, mallard, pg,
          Measurement::medianServerMicrosPerRow);
    }
    if (!lines.isEmpty()) {
      out.println("Ratios (medians):");
      lines.forEach(out::println);
    }
  }

  private static void ratio(List<String> lines, String label, Measurement a, Measurement b,
      ToDoubleFunction<Measurement> figure) {
    if (a != null && b != null) {
      double r = figure.applyAsDouble(a) / figure.applyAsDouble(b);
      if (!Double.isNaN(r)) {
        lines.add(String.format(Locale.ROOT, "  %-50s %6.3f", label, r));
      }
    }
  }

  private boolean printChecksums(PrintStream out) {
    Long digest = null;
    boolean ok = true;
    for (Measurement m : results) {
      for (Pass p : m.passes) {
        long d = p.checksum().digest();
        if (digest == null) {
          digest = d;
          out.println("Checksum of " + m.name() + ": " + p.checksum());
        }
        if (p.rows() != options.rows() || d != digest) {
          ok = false;
          out.println("CHECKSUM MISMATCH: " + m.name() + ": " + p.checksum());
        }
      }
    }
    if (ok && digest != null) {
      out.printf(Locale.ROOT,
          "Checksums: every pass of every reader read the same %,d rows and values (%016x)%n",
          options.rows(), digest);
    }
    return ok;
  }

  private Measurement find(String system, String reader) {
    for (Measurement m : results) {
      if (m.system.equals(system) && m.reader.equals(reader)) {
        return m;
      }
    }
    return null;
  }
}
