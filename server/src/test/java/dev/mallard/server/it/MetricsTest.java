package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The /metrics and /health endpoint, and what the SQL front end counts there. */
class MetricsTest {
  private static double counter(String metrics, String name, String labels) {
    return TestServer.sample(metrics, name + "{" + labels + "}");
  }

  @Test
  void countsParsedAndFallbackStatementsAndSessions() throws Exception {
    try (TestServer server = TestServer.start();
        Connection c = server.connect();
        Statement s = c.createStatement()) {
      String before = server.getMetricsEndpoint("/metrics").body();
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
      HttpResponse<String> after = server.getMetricsEndpoint("/metrics");
      assertEquals(200, after.statusCode());
      assertEquals(parsed + 1,
          counter(after.body(), "mallard_statements_total", "analysis=\"parsed\""));
      assertEquals(fallback + 1,
          counter(after.body(), "mallard_statements_total", "analysis=\"fallback\""));
      assertTrue(Pattern.compile("(?m)^mallard_sessions [1-9]").matcher(after.body()).find(),
          after.body());
      assertTrue(Pattern.compile("(?m)^mallard_login_banned_addresses 0").matcher(after.body())
          .find(), after.body());
      HttpResponse<String> health = server.getMetricsEndpoint("/health");
      assertEquals(200, health.statusCode());
      assertEquals("ok\n", health.body());
    }
  }
}
