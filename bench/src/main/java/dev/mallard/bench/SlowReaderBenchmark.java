package dev.mallard.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/**
 * Backpressure check: a client that reads a 100-million-row result more slowly than Mallard can
 * produce it must not make the server buffer the difference. Mallard runs as its own process
 * (the runnable jar, small heap) so its resident memory can be sampled from /proc while pgjdbc's
 * CopyManager copies {@code COPY (SELECT ...) TO STDOUT} into a throttled stream: the server
 * streams that through the same Arrow-to-wire path and writability checks as query results.
 *
 * <p>Usage: SlowReaderBenchmark JAR [--rows N] [--bytes-per-second N]
 */
public final class SlowReaderBenchmark {
  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    long rows = 100_000_000L;
    long bytesPerSecond = 12L * 1024 * 1024;
    for (int i = 1; i < args.length; i += 2) {
      switch (args[i]) {
        case "--rows" -> rows = Long.parseLong(args[i + 1]);
        case "--bytes-per-second" -> bytesPerSecond = Long.parseLong(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path dir = Files.createTempDirectory("mallard-slow-reader");
    try (MallardProcess server = new MallardProcess(
        jar, dir.resolve("data"), "mallard-bench", List.of("-Xmx256m"))) {
      run(server.pid(), server.port(), server.password(), rows, bytesPerSecond);
    }
  }

  private static void run(long pid, int port, String password, long rows, long bytesPerSecond)
      throws Exception {
    AtomicLong received = new AtomicLong();
    List<long[]> samples = new ArrayList<>(); // seconds, bytes received, server RSS kB
    long start = System.nanoTime();
    Thread sampler = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          long seconds = (System.nanoTime() - start) / 1_000_000_000L;
          synchronized (samples) {
            samples.add(new long[] {seconds, received.get(), rssKb(pid)});
          }
          Thread.sleep(1000);
        }
      } catch (InterruptedException | IOException e) {
        // sampling ends with the run
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    long copied;
    try (Connection c = DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/postgres?sslmode=disable", "postgres", password)) {
      copied = c.unwrap(PGConnection.class).getCopyAPI().copyOut(
          "COPY (SELECT range FROM range(" + rows + ")) TO STDOUT",
          new ThrottledSink(bytesPerSecond, received));
    }
    sampler.interrupt();
    sampler.join();
    report(rows, copied, received.get(), (System.nanoTime() - start) / 1e9, samples);
  }

  private static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static void report(long rows, long copied, long bytes, double seconds, List<long[]> samples) {
    System.out.printf(Locale.ROOT, "rows copied: %,d of %,d; %,d bytes in %.1f s (%.1f MB/s)%n",
        copied, rows, bytes, seconds, bytes / seconds / 1e6);
    System.out.println("  second   received MB   server RSS MB");
    long step = Math.max(1, samples.size() / 20);
    long minRss = Long.MAX_VALUE;
    long maxRss = 0;
    long maxLateRss = 0;
    for (int i = 0; i < samples.size(); i++) {
      long[] s = samples.get(i);
      if (i >= 5) { // after start-up, the first query and the JIT have settled
        minRss = Math.min(minRss, s[2]);
        maxRss = Math.max(maxRss, s[2]);
        if (i >= samples.size() / 2) {
          maxLateRss = Math.max(maxLateRss, s[2]);
        }
      }
      if (i % step == 0 || i == samples.size() - 1) {
        System.out.printf(Locale.ROOT, "  %6d   %11.1f   %13.1f%n", s[0], s[1] / 1e6, s[2] / 1024.0);
      }
    }
    System.out.printf(Locale.ROOT,
        "server RSS after warm-up: min %.1f MB, max %.1f MB, max in the second half %.1f MB%n",
        minRss / 1024.0, maxRss / 1024.0, maxLateRss / 1024.0);
  }

  /** Discards what it is given, no faster than the configured rate. */
  private static final class ThrottledSink extends OutputStream {
    private final long bytesPerSecond;
    private final AtomicLong received;
    private final long start = System.nanoTime();

    ThrottledSink(long bytesPerSecond, AtomicLong received) {
      this.bytesPerSecond = bytesPerSecond;
      this.received = received;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      long total = received.addAndGet(len);
      long dueNanos = total * 1_000_000_000L / bytesPerSecond;
      long sleep = (dueNanos - (System.nanoTime() - start)) / 1_000_000L;
      if (sleep > 0) {
        try {
          Thread.sleep(sleep);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
