package dev.mallard.bench;

import dev.mallard.server.MallardConfig;
import dev.mallard.server.MallardServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * How fast a pgjdbc client can stream a large result out of Mallard, next to the same client
 * reading the same table from a real PostgreSQL, and DuckDB's own in-process Arrow export (the
 * ceiling: what Mallard's engine itself reads before encoding). See bench/README.md.
 *
 * <p>Mallard runs as its own process, the runnable jar as bin/mallard starts it (port 0, throwaway
 * data directory), so it and the client share the machine as PostgreSQL's backend and the client
 * do; {@code --mallard-in-jvm} runs it inside this JVM instead. Passes of the pgjdbc
 * readers are interleaved (Mallard, PostgreSQL, Mallard, ...) so slow phases of a noisy machine
 * spread over all of them.
 */
public final class StreamingBenchmark {
  private static final String MALLARD_PASSWORD = "mallard-bench";

  private final BenchOptions options;

  private StreamingBenchmark(BenchOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.print(BenchOptions.USAGE);
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("StreamingBenchmark: " + e.getMessage());
      System.err.print(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    // Checksums read timestamps as UTC wall-clock values; see Checksum.micros.
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    System.exit(new StreamingBenchmark(options).run());
  }

  /** A reader of the whole table, one pass per call. */
  @FunctionalInterface
  private interface Reader {
    Pass read() throws Exception;
  }

  /**
   * @param sentAhead how many Executes the server has answered from rows encoded ahead, on its
   *     event loop (Mallard's mallard_executes_sent_ahead_total), or -1 when unknown
   */
  private record Run(Measurement measurement, Reader reader, ServerCpu serverCpu,
      LongSupplier sentAhead) {}

  private static final LongSupplier UNKNOWN_COUNT = () -> -1;

  private int run() throws Exception {
    Path dataDir = Files.createTempDirectory("mallard-bench");
    List<Measurement> results = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    versions.add("Java " + System.getProperty("java.version") + ", "
        + Runtime.getRuntime().availableProcessors() + " CPUs, max heap "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
    try {
      measureWithMallard(dataDir, results, versions);
      // Mallard is closed by now: the DuckDB file is free to open.
      if (options.duckdb()) {
        results.add(measureDuckDb(dataDir.resolve(MallardConfig.defaults().defaultDatabase()
            + ".duckdb"), versions));
      }
    } finally {
      deleteRecursively(dataDir);
    }
    return new Report(options, results, versions).print(System.out) ? 0 : 1;
  }

  /** Starts Mallard, then measures it (and PostgreSQL) through pgjdbc. */
  private void measureWithMallard(Path dataDir, List<Measurement> results, List<String> versions)
      throws Exception {
    if (options.mallardJar() != null) {
      String opts = System.getenv().getOrDefault("MALLARD_JAVA_OPTS", "").trim();
      List<String> jvmOptions = opts.isEmpty() ? List.of() : List.of(opts.split("\\s+"));
      try (MallardProcess server = new MallardProcess(
          Path.of(options.mallardJar()), dataDir, MALLARD_PASSWORD, jvmOptions)) {
        versions.add("Mallard in its own JVM" + (opts.isEmpty() ? "" : " (" + opts + ")"));
        LongSupplier sentAhead = () -> {
          try {
            return (long) server.metric("mallard_executes_sent_ahead_total");
          } catch (IOException e) {
            return -1;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
          }
        };
        measureOverWire(server.port(), ServerCpu.process(server.pid()), sentAhead, results,
            versions);
      }
      return;
    }
    MallardConfig d = MallardConfig.defaults();
    MallardConfig config = new MallardConfig(
        "127.0.0.1", 0, dataDir, d.defaultDatabase(),
        new MallardConfig.Tls(MallardConfig.TlsMode.DISABLE, null, null, false),
        d.limits(), d.users());
    try (MallardServer server = new MallardServer(config, MALLARD_PASSWORD)) {
      int port = server.start();
      versions.add("Mallard in the benchmark's JVM");
      measureOverWire(port, ServerCpu.mallardThreads(), UNKNOWN_COUNT, results, versions);
    }
  }

  /** Mallard (and PostgreSQL) through pgjdbc, every mode, passes interleaved. */
  private void measureOverWire(int port, ServerCpu mallardCpu, LongSupplier sentAhead,
      List<Measurement> results, List<String> versions) throws Exception {
    MallardConfig d = MallardConfig.defaults();
    List<PgjdbcReader> open = new ArrayList<>();
    try {
      // Separate connections load the tables, so the readers' connections only ever read.
      PgjdbcReader mallardAdmin = new PgjdbcReader("127.0.0.1", port, d.defaultDatabase(),
          "postgres", MALLARD_PASSWORD, PgjdbcReader.Mode.TEXT, options.fetchSize());
      open.add(mallardAdmin);
      versions.add("Mallard (server_version " + MallardServer.SERVER_VERSION + ") on DuckDB "
          + scalar(mallardAdmin.connection(), "SELECT library_version FROM pragma_version()"));
      PgjdbcReader pgAdmin = null;
      if (options.postgres()) {
        pgAdmin = new PgjdbcReader(options.pgHost(), options.pgPort(), options.pgDatabase(),
            options.pgUser(), options.pgPassword(), PgjdbcReader.Mode.TEXT, options.fetchSize());
        open.add(pgAdmin);
        versions.add(scalar(pgAdmin.connection(), "SELECT version()"));
      }
      load("Mallard", mallardAdmin.connection(), false);
      if (pgAdmin != null) {
        load("PostgreSQL", pgAdmin.connection(), true);
      }
      List<Run> runs = new ArrayList<>();
      for (PgjdbcReader.Mode mode : options.modes()) {
        PgjdbcReader mallard = new PgjdbcReader("127.0.0.1", port, d.defaultDatabase(),
            "postgres", MALLARD_PASSWORD, mode, options.fetchSize());
        open.add(mallard);
        runs.add(pgjdbcRun("Mallard", mode, mallard, mallardCpu, sentAhead));
        if (options.postgres()) {
          PgjdbcReader pg = new PgjdbcReader(options.pgHost(), options.pgPort(),
              options.pgDatabase(), options.pgUser(), options.pgPassword(), mode,
              options.fetchSize());
          open.add(pg);
          runs.add(pgjdbcRun("PostgreSQL", mode, pg, ServerCpu.postgresBackend(pg.connection()),
              UNKNOWN_COUNT));
        }
      }
      measure(runs);
      for (Run r : runs) {
        results.add(r.measurement());
      }
      if (pgAdmin != null) {
        BenchTable.drop(pgAdmin.connection());
      }
    } finally {
      for (PgjdbcReader c : open) {
        c.close();
      }
    }
  }

  private static Run pgjdbcRun(
      String system, PgjdbcReader.Mode mode, PgjdbcReader reader, ServerCpu serverCpu,
      LongSupplier sentAhead) {
    Measurement m = new Measurement(system, "pgjdbc " + mode.label);
    Reader read = () -> {
      Pass p = reader.read();
      m.formats = reader.formats();
      return p;
    };
    return new Run(m, read, serverCpu, sentAhead);
  }

  private Measurement measureDuckDb(Path file, List<String> versions) throws Exception {
    Measurement m = new Measurement("DuckDB", "in-process Arrow");
    m.formats = "arrowExportStream, " + options.arrowBatchRows() + "-row batches";
    try (DuckDbArrowReader reader = new DuckDbArrowReader(file, options.arrowBatchRows())) {
      versions.add("DuckDB " + reader.version() + " (JDBC) in the benchmark's JVM");
      // DuckDB's work happens in this thread and in its own native threads, which are not visible.
      measure(List.of(new Run(m, reader::read, ServerCpu.UNKNOWN, UNKNOWN_COUNT)));
    }
    return m;
  }

  private void load(String system, Connection c, boolean postgres) throws SQLException {
    log("%s: loading %,d rows", system, options.rows());
    long start = System.nanoTime();
    BenchTable.create(c, options.rows(), postgres);
    log("%s: loaded in %.1f s", system, (System.nanoTime() - start) / 1e9);
  }

  private void measure(List<Run> runs) throws Exception {
    for (int w = 0; w < options.warmups(); w++) {
      for (Run r : runs) {
        long sentAhead = r.sentAhead().getAsLong();
        logPass(r, "warm-up  ", timed(r), sentAhead);
      }
    }
    for (int i = 1; i <= options.passes(); i++) {
      for (Run r : runs) {
        long sentAhead = r.sentAhead().getAsLong();
        Pass p = timed(r);
        r.measurement().passes.add(p);
        logPass(r, "pass " + i + "/" + options.passes(), p, sentAhead);
      }
    }
  }

  /** @param sentAheadBefore the Run's sentAhead count before the pass */
  private static void logPass(Run r, String which, Pass p, long sentAheadBefore) {
    long sentAheadAfter = sentAheadBefore < 0 ? -1 : r.sentAhead().getAsLong();
    log("%-34s %s %6.2f s %,12.0f rows/s  cpu: client %5.2f s, server %s;"
            + " client waited for a core %s%s",
        r.measurement().name(), which, p.seconds(), p.rowsPerSecond(), p.clientCpuNanos() / 1e9,
        seconds(p.serverCpuNanos()), seconds(p.clientRunQueueNanos()),
        sentAheadAfter < 0
            ? "" : "; Executes answered ahead " + (sentAheadAfter - sentAheadBefore));
  }

  private static String seconds(long nanos) {
    return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%5.2f s", nanos / 1e9);
  }

  /**
   * One pass, with the CPU time the reading thread and the server spent on it, and the time the
   * reading thread waited for a core.
   */
  private static Pass timed(Run r) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long client = threads.getCurrentThreadCpuTime();
    long server = r.serverCpu().nanos();
    long waited = RunQueueWait.nanos();
    Pass p = r.reader().read();
    long clientAfter = threads.getCurrentThreadCpuTime();
    long serverAfter = r.serverCpu().nanos();
    long waitedAfter = RunQueueWait.nanos();
    return p.withCpu(clientAfter - client,
        server < 0 || serverAfter < 0 ? -1 : serverAfter - server,
        waited < 0 || waitedAfter < 0 ? -1 : waitedAfter - waited);
  }

  private static String scalar(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } finally {
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }

  static void log(String format, Object... args) {
    System.err.println(Instant.now().toString().substring(11, 19) + " "
        + String.format(Locale.ROOT, format, args));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
