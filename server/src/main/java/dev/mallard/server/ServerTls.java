package dev.mallard.server;

import dev.mallard.auth.tls.SelfSignedCertificate;
import dev.mallard.auth.tls.TlsMaterial;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

/**
 * The server's TLS setup as sessions need it.
 *
 * @param sslContext null when TLS is disabled
 * @param tlsServerEndPointHash channel binding data for SCRAM-SHA-256-PLUS; null without TLS or
 *     when the certificate's algorithm has no RFC 5929 hash
 * @param description for the ready line, e.g. "TLS prefer, self-signed certificate data/tls/server.crt"
 */
record ServerTls(SslContext sslContext, byte[] tlsServerEndPointHash, String description) {
  static final String SELF_SIGNED_DIR = "tls";

  /**
   * Loads the configured certificate, or loads (generating on first start) a self-signed one in
   * {@code <dataDir>/tls/}.
   */
  static ServerTls create(MallardConfig config) throws IOException {
    MallardConfig.Tls tls = config.tls();
    if (tls.mode() == MallardConfig.TlsMode.DISABLE) {
      return new ServerTls(null, null, "TLS disabled");
    }
    TlsMaterial material;
    String certificate;
    if (tls.certFile() != null) {
      material = SelfSignedCertificate.load(tls.certFile(), tls.keyFile());
      certificate = "certificate " + tls.certFile();
    } else {
      Path dir = config.dataDir().resolve(SELF_SIGNED_DIR);
      Path certFile = dir.resolve("server.crt");
      material =
          SelfSignedCertificate.loadOrCreate(
              certFile, dir.resolve("server.key"), commonName(config.host()));
      certificate = "self-signed certificate " + certFile;
    }
    SslContext context =
        SslContextBuilder.forServer(
                material.privateKey(), material.certificateChain().toArray(X509Certificate[]::new))
            .sslProvider(SslProvider.JDK)
            .build();
    return new ServerTls(
        context, material.tlsServerEndPointHash(), "TLS " + tls.mode().text() + ", " + certificate);
  }

  /** A wildcard listen address is no name for a certificate; clients most likely use localhost. */
  private static String commonName(String host) {
    return switch (host) {
      case "0.0.0.0", "::", "*", "" -> "localhost";
      default -> host;
    };
  }
}
