package dev.mallard.conformance;

import dev.mallard.server.MallardConfig;
import dev.mallard.server.MallardServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real Mallard server started through its public API: default limits, a free port on loopback,
 * a temporary data directory (deleted on close) and TLS disabled, since encryption is not what the
 * corpus measures.
 */
final class MallardUnderTest implements AutoCloseable {
  static final String USER = "postgres";
  static final String PASSWORD = "conformance-secret";

  private final MallardServer server;
  private final Path dataDir;
  private final int port;

  MallardUnderTest() throws IOException {
    dataDir = Files.createTempDirectory("mallard-conformance");
    MallardConfig defaults = MallardConfig.defaults();
    MallardConfig config = new MallardConfig(
        "127.0.0.1", 0, dataDir, "postgres",
        new MallardConfig.Tls(MallardConfig.TlsMode.DISABLE, null, null, false),
        defaults.limits(), defaults.users());
    server = new MallardServer(config, PASSWORD);
    port = server.start();
  }

  String url(Protocol protocol) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?" + protocol.urlParameters();
  }

  @Override
  public void close() throws IOException {
    server.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
