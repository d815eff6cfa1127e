package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The /metrics and /health endpoint, and what the SQL front end counts there. */
class MetricsTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> get(TestServer s, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + s.server.metricsPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static double counter(String metrics, String name, String labels) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name + "{" + labels + "}") + " (\\S+)$")
        .matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  @Test
  void countsParsedAndFallbackStatementsAndSessions() throws Exception {
    try (TestServer server = TestServer.start();
        Connection c = server.connect();
        Statement s = c.createStatement()) {
      String before = get(server, "/metrics").body();
      double parsed = counter(before, "mallard_statements_total", "analysis=\"parsed\"");
      double fallback = counter(before, "mallard_statements_total", "analysis=\"fallback\"");
      try (ResultSet rs = s.executeQuery("SELECT 1 AS x")) {
        assertTrue(rs.next());
      }
      // DuckDB-only syntax JSQLParser does not read: it still runs, and is counted as fallback.
      try (ResultSet rs = s.executeQuery("FROM (SELECT 42 AS answer) SELECT answer")) {
        assertTrue(rs.next());
        assertEquals(42, rs.getInt(1));
      }
      HttpResponse<String> after = get(server, "/metrics");
      assertEquals(200, after.statusCode());
      assertEquals(parsed + 1,
          counter(after.body(), "mallard_statements_total", "analysis=\"parsed\""));
      assertEquals(fallback + 1,
          counter(after.body(), "mallard_statements_total", "analysis=\"fallback\""));
      assertTrue(Pattern.compile("(?m)^mallard_sessions [1-9]").matcher(after.body()).find(),
          after.body());
      assertTrue(Pattern.compile("(?m)^mallard_login_banned_addresses 0").matcher(after.body())
          .find(), after.body());
      HttpResponse<String> health = get(server, "/health");
      assertEquals(200, health.statusCode());
      assertEquals("ok\n", health.body());
    }
  }
}
