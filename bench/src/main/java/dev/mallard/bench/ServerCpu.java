package dev.mallard.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The CPU time a server has used so far, read before and after each pass: it tells whether the
 * server or the client limited a pass's rate (on a 2-core machine each gets about one core).
 */
@FunctionalInterface
interface ServerCpu {
  /** Cumulative CPU nanoseconds, or -1 when unknown. */
  long nanos();

  ServerCpu UNKNOWN = () -> -1;

  /**
   * Mallard in the benchmark's JVM ({@code --mallard-in-jvm}): the Java threads it names
   * mallard-* (event loops and statement workers; DuckDB's own native threads are not included,
   * and neither is the JVM's GC).
   */
  static ServerCpu mallardThreads() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return () -> {
      long total = 0;
      for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (info != null && info.getThreadName().startsWith("mallard-")) {
          long t = threads.getThreadCpuTime(info.getThreadId());
          total += Math.max(0, t);
        }
      }
      return total;
    };
  }

  /**
   * The PostgreSQL backend serving {@code connection}, from /proc when the server runs on this
   * machine (utime + stime of the backend process).
   */
  static ServerCpu postgresBackend(Connection connection) throws SQLException {
    int pid;
    boolean autoCommit = connection.getAutoCommit();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      pid = rs.getInt(1);
    } finally {
      if (!autoCommit) {
        connection.commit();
      }
    }
    return process(pid);
  }

  /**
   * A process of this machine, from /proc: utime + stime of all its threads (for Mallard's own
   * process that includes DuckDB's native threads, the JIT and the garbage collector).
   */
  static ServerCpu process(long pid) {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    if (!Files.isReadable(stat)) {
      return UNKNOWN;
    }
    long nanosPerTick = 1_000_000_000L / clockTicksPerSecond();
    return () -> {
      try {
        String s = Files.readString(stat);
        // Fields after "(comm)": state is field 3, utime 14 and stime 15 (proc(5)).
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * nanosPerTick;
      } catch (IOException | RuntimeException e) {
        return -1;
      }
    };
  }

  private static long clockTicksPerSecond() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      return p.waitFor() == 0 ? Long.parseLong(out) : 100;
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
