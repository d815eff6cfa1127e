package dev.mallard.server.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server's {@code main} in a JVM of its own, as {@code bin/mallard} runs it but on this
 * build's class path, so that a test can kill it with SIGKILL ({@link #kill()}) and start it
 * again on the same data directory.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("Mallard ready on [^ ]+:(\\d+) ");

  private final Process process;
  private final Path log;
  final int port;

  private ServerProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts the server on a free port and waits until it accepts connections.
   *
   * @param extraArgs further command-line flags
   */
  static ServerProcess start(Path dataDir, String password, String... extraArgs) {
    try {
      Path log = Files.createTempFile("mallard-process", ".log");
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx384m", "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
          "dev.mallard.server.Main", "--host", "127.0.0.1", "--port", "0",
          "--data-dir", dataDir.toString(), "--tls-mode", "disable"));
      command.addAll(List.of(extraArgs));
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      pb.environment().put("MALLARD_PASSWORD", password);
      pb.environment().remove("MALLARD_CONFIG");
      // the extensions bin/test provisioned, so that a lake opens without DuckDB's servers
      if (TestServer.extensionDirectory() != null) {
        pb.environment().put("MALLARD_EXTENSION_DIR", TestServer.extensionDirectory().toString());
      }
      Process process = pb.start();
      return new ServerProcess(process, log, awaitReady(process, log));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int awaitReady(Process process, Path log) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher m = READY.matcher(Files.readString(log, StandardCharsets.UTF_8));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n"
            + Files.readString(log, StandardCharsets.UTF_8));
      }
      sleep(50);
    }
    process.destroyForcibly();
    throw new IllegalStateException("the server did not start within 60 s:\n"
        + Files.readString(log, StandardCharsets.UTF_8));
  }

  /** SIGKILL: no shutdown hook, no flush, no checkpoint; as a crash or the OOM killer. */
  void kill() {
    process.destroyForcibly(); // SIGKILL on Unix
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the server survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // a leftover temporary log file is harmless
    }
  }
}
