package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mallard.server.MallardConfig;
import dev.mallard.server.MallardServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Mallard server on an ephemeral port with a throwaway data directory, shared by the tests
 * of one class. Clients reach it over a real socket.
 */
final class TestServer implements AutoCloseable {
  static final String PASSWORD = "mallard-test-secret";

  final MallardServer server;
  final int port;
  final Path dataDir;

  private TestServer(MallardServer server, int port, Path dataDir) {
    this.server = server;
    this.port = port;
    this.dataDir = dataDir;
  }

  static TestServer start() {
    MallardConfig d = MallardConfig.defaults();
    return start(d.limits(), d.tls());
  }

  static TestServer start(MallardConfig.Limits limits, MallardConfig.Tls tls) {
    try {
      Path dir = Files.createTempDirectory("mallard-it");
      MallardConfig config = new MallardConfig("127.0.0.1", 0, dir, "postgres", tls, limits,
          MallardConfig.defaults().users(), new MallardConfig.Metrics(null, 0),
          new MallardConfig.DuckDb(extensionDirectory()));
      MallardServer server = new MallardServer(config, PASSWORD);
      int port = server.start();
      return new TestServer(server, port, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The DuckDB extensions bin/test provisions (scripts/provision-extensions.sh), so that tests
   * never reach DuckDB's servers.
   */
  static Path extensionDirectory() {
    String dir = System.getProperty("mallard.test.extensionDir");
    return dir == null || dir.isBlank() ? null : Path.of(dir);
  }

  String url(String params) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres" + (params.isEmpty() ? "" : "?" + params);
  }

  Connection connect(String params) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "postgres");
    p.setProperty("password", PASSWORD);
    return DriverManager.getConnection(url(params.isEmpty() ? "sslmode=disable" : params), p);
  }

  Connection connect() throws SQLException {
    return connect("sslmode=disable");
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** GET {@code path} from the server's metrics endpoint. */
  HttpResponse<String> getMetricsEndpoint(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.metricsPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The value of one sample of /metrics, {@code name{labels}} or {@code name}; -1 if absent. */
  static double sample(String metrics, String nameAndLabels) {
    Matcher m = Pattern.compile(
        "(?m)^" + Pattern.quote(nameAndLabels) + " (\\S+)$").matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  /** The value of one sample, scraped now. */
  double metric(String nameAndLabels) throws Exception {
    return sample(getMetricsEndpoint("/metrics").body(), nameAndLabels);
  }

  @Override
  public void close() {
    server.close();
  }

  /** The first column of every row of {@code sql}, as text. */
  static List<String> column(Connection c, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  /** The one value {@code sql} returns, as text: it must return exactly one row. */
  static String value(Connection c, String sql) throws SQLException {
    List<String> values = column(c, sql);
    assertEquals(1, values.size(), sql);
    return values.get(0);
  }
}
