package dev.mallard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's command line. Reference-server defaults come from scripts/pg-reference.sh env. */
record BenchOptions(
    long rows,
    int passes,
    int warmups,
    int fetchSize,
    int arrowBatchRows,
    List<PgjdbcReader.Mode> modes,
    boolean postgres,
    boolean duckdb,
    String mallardJar,
    String pgHost,
    int pgPort,
    String pgUser,
    String pgPassword,
    String pgDatabase) {

  static final String USAGE =
      """
      usage: StreamingBenchmark [options]
        --rows N           rows in the table (default 10000000)
        --passes N         measured passes per reader (default 3); the median is reported
        --warmups N        unmeasured passes per reader first (default 1)
        --fetch-size N     pgjdbc fetch size (default 10000)
        --arrow-batch N    rows per Arrow batch for the DuckDB reader (default 8192, as Mallard)
        --modes LIST       pgjdbc result modes: text,binary (default both)
        --no-postgres      skip the reference PostgreSQL
        --no-duckdb        skip DuckDB's in-process Arrow export
        --mallard-jar JAR  run Mallard as its own process from this runnable jar, with the JVM
                           options in MALLARD_JAVA_OPTS, as bin/mallard does (run-streaming.sh
                           passes server/target/mallard.jar)
        --mallard-in-jvm   run Mallard inside the benchmark's JVM (shares heap, GC, JIT); the
                           default when no --mallard-jar is given
        --pg-host H --pg-port P --pg-user U --pg-password W --pg-database D
                           the reference PostgreSQL (default: PGREF_HOST, PGREF_PORT, PGREF_USER,
                           PGREF_PASSWORD from the environment, else 127.0.0.1:55432
                           postgres/postgres; database postgres)
      """;

  static BenchOptions parse(String[] args, Map<String, String> env) {
    long rows = 10_000_000;
    int passes = 3;
    int warmups = 1;
    int fetchSize = 10_000;
    int arrowBatch = 8192;
    List<PgjdbcReader.Mode> modes = List.of(PgjdbcReader.Mode.TEXT, PgjdbcReader.Mode.BINARY);
    boolean postgres = true;
    boolean duckdb = true;
    String mallardJar = null;
    boolean inJvm = false;
    String pgHost = env.getOrDefault("PGREF_HOST", "127.0.0.1");
    int pgPort = Integer.parseInt(env.getOrDefault("PGREF_PORT", "55432"));
    String pgUser = env.getOrDefault("PGREF_USER", "postgres");
    String pgPassword = env.getOrDefault("PGREF_PASSWORD", "postgres");
    String pgDatabase = "postgres";
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--rows" -> rows = positive(a, value(args, ++i, a));
        case "--passes" -> passes = (int) positive(a, value(args, ++i, a));
        case "--warmups" -> warmups = Integer.parseInt(value(args, ++i, a));
        case "--fetch-size" -> fetchSize = (int) positive(a, value(args, ++i, a));
        case "--arrow-batch" -> arrowBatch = (int) positive(a, value(args, ++i, a));
        case "--modes" -> modes = modes(value(args, ++i, a));
        case "--no-postgres" -> postgres = false;
        case "--no-duckdb" -> duckdb = false;
        case "--mallard-jar" -> mallardJar = value(args, ++i, a);
        case "--mallard-in-jvm" -> inJvm = true;
        case "--pg-host" -> pgHost = value(args, ++i, a);
        case "--pg-port" -> pgPort = Integer.parseInt(value(args, ++i, a));
        case "--pg-user" -> pgUser = value(args, ++i, a);
        case "--pg-password" -> pgPassword = value(args, ++i, a);
        case "--pg-database" -> pgDatabase = value(args, ++i, a);
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    if (inJvm && mallardJar != null) {
      throw new IllegalArgumentException("--mallard-jar and --mallard-in-jvm exclude each other");
    }
    return new BenchOptions(
        rows, passes, warmups, fetchSize, arrowBatch, modes, postgres, duckdb, mallardJar,
        pgHost, pgPort, pgUser, pgPassword, pgDatabase);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static long positive(String option, String text) {
    long v = Long.parseLong(text.replace("_", "").replace(",", ""));
    if (v <= 0) {
      throw new IllegalArgumentException(option + " must be positive");
    }
    return v;
  }

  private static List<PgjdbcReader.Mode> modes(String text) {
    List<PgjdbcReader.Mode> modes = new ArrayList<>();
    for (String m : text.split(",")) {
      modes.add(PgjdbcReader.Mode.valueOf(m.trim().toUpperCase(Locale.ROOT)));
    }
    return List.copyOf(modes);
  }
}
