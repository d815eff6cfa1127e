package dev.mallard.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The operator's HTTP endpoint, on its own port: {@code GET /metrics} in Prometheus' text format
 * and {@code GET /health}, 200 while the server accepts sessions and 503 otherwise. Served by the
 * JDK's HTTP server on one thread: scrapes are rare and small.
 */
final class MetricsEndpoint implements AutoCloseable {
  private final HttpServer http;
  private final ExecutorService thread;

  private MetricsEndpoint(HttpServer http, ExecutorService thread) {
    this.http = http;
    this.thread = thread;
  }

  static MetricsEndpoint start(InetSocketAddress address, PrometheusMeterRegistry registry,
      BooleanSupplier healthy) throws IOException {
    HttpServer http = HttpServer.create(address, 16);
    http.createContext("/metrics", exchange -> respond(exchange, 200,
        "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
    http.createContext("/health", exchange -> {
      boolean ok = healthy.getAsBoolean();
      respond(exchange, ok ? 200 : 503, "text/plain; charset=utf-8", ok ? "ok\n" : "unavailable\n");
    });
    ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "mallard-metrics");
      t.setDaemon(true);
      return t;
    });
    http.setExecutor(thread);
    http.start();
    return new MetricsEndpoint(http, thread);
  }

  int port() {
    return http.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  @Override
  public void close() {
    http.stop(0);
    thread.shutdownNow();
  }
}
