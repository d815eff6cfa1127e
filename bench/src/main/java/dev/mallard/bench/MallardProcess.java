package dev.mallard.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mallard as users run it: the runnable jar in a JVM of its own (as bin/mallard starts it), on a
 * free port, TLS off, with a throwaway data directory and its metrics endpoint on another free
 * port. Its output is drained so it never blocks.
 */
final class MallardProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("ready on ([0-9.]+):(\\d+)");
  private static final Pattern METRICS =
      Pattern.compile("metrics on (http://[0-9.]+:\\d+/metrics)");

  private final Process process;
  private final int port;
  private final String password;
  private URI metrics;

  /**
   * Starts the server and waits for its "ready" line.
   *
   * @param jvmOptions extra JVM options, e.g. a heap size
   */
  MallardProcess(Path jar, Path dataDir, String password, List<String> jvmOptions)
      throws IOException {
    List<String> command =
        new ArrayList<>(List.of("java", "--add-opens=java.base/java.nio=ALL-UNNAMED"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "--port", "0", "--data-dir", dataDir.toString(),
        "--tls-mode", "disable", "--metrics-port", "0"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("MALLARD_PASSWORD", password);
    builder.environment().put("MALLARD_LOG_LEVEL", "INFO"); // for the "ready" line
    this.process = builder.start();
    this.password = password;
    process.getOutputStream().close();
    try {
      this.port = awaitReady();
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  String password() {
    return password;
  }

  /** A sample of the server's /metrics without labels, e.g. a counter; -1 when absent. */
  double metric(String name) throws IOException, InterruptedException {
    if (metrics == null) {
      return -1;
    }
    String body = HTTP.send(HttpRequest.newBuilder(metrics).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(body);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private int awaitReady() throws IOException {
    BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    String line;
    while ((line = out.readLine()) != null) {
      Matcher metricsLine = METRICS.matcher(line);
      if (metricsLine.find()) {
        metrics = URI.create(metricsLine.group(1));
      }
      Matcher m = READY.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> {
          try {
            out.lines().forEach(l -> { });
          } catch (UncheckedIOException e) {
            // the server's output closes when it stops
          }
        }, "bench-server-output");
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(m.group(2));
      }
      seen.add(line);
    }
    throw new IOException("Mallard exited before it was ready:\n" + String.join("\n", seen));
  }

  /** Stops the server (SIGTERM) and waits for it to finish. */
  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
