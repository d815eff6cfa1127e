package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.server.MallardConfig;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SCRAM-SHA-256-PLUS with tls-server-end-point channel binding (RFC 5929) through real clients:
 * pgjdbc with channelBinding=require and psql with channel_binding=require connect over TLS, and
 * fail without it. Both clients hash the certificate they received themselves, so a success means
 * the server bound the exchange to the same hash.
 */
class ChannelBindingTest {
  /** The server's own generated certificate (SHA-256 signature). */
  static TestServer generated;
  /** A configured P-384 certificate signed with SHA-384: the binding hash is SHA-384. */
  static TestServer sha384;
  static TestServer noTls;

  @BeforeAll
  static void start() throws Exception {
    MallardConfig d = MallardConfig.defaults();
    generated = TestServer.start();
    Path dir = Files.createTempDirectory("mallard-cb-cert");
    writeSha384Certificate(dir.resolve("server.crt"), dir.resolve("server.key"));
    sha384 = TestServer.start(d.limits(), new MallardConfig.Tls(MallardConfig.TlsMode.PREFER,
        dir.resolve("server.crt"), dir.resolve("server.key"), false));
    noTls = TestServer.start(d.limits(),
        new MallardConfig.Tls(MallardConfig.TlsMode.DISABLE, null, null, false));
  }

  @AfterAll
  static void stop() {
    generated.close();
    sha384.close();
    noTls.close();
  }

  static int answer(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 6 * 7")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void pgjdbcChannelBindingRequireOverTls() throws Exception {
    try (Connection c = generated.connect("sslmode=require&channelBinding=require")) {
      assertEquals(42, answer(c));
    }
  }

  @Test
  void pgjdbcChannelBindingWithAConfiguredSha384Certificate() throws Exception {
    try (Connection c = sha384.connect("sslmode=require&channelBinding=require")) {
      assertEquals(42, answer(c));
    }
  }

  @Test
  void pgjdbcMayStillDeclineChannelBindingOverTls() throws Exception {
    try (Connection c = generated.connect("sslmode=require&channelBinding=disable")) {
      assertEquals(42, answer(c));
    }
  }

  @Test
  void pgjdbcChannelBindingRequireWithoutTlsFails() {
    SQLException plain = assertThrows(SQLException.class,
        () -> generated.connect("sslmode=disable&channelBinding=require"));
    assertMentionsChannelBinding(plain);
    SQLException serverWithoutTls = assertThrows(SQLException.class,
        () -> noTls.connect("sslmode=prefer&channelBinding=require"));
    assertMentionsChannelBinding(serverWithoutTls);
  }

  private static void assertMentionsChannelBinding(SQLException e) {
    assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("channel binding"),
        e.getMessage());
  }

  @Test
  void psqlChannelBindingRequire() throws Exception {
    for (TestServer server : List.of(generated, sha384)) {
      Psql ok = psql(server, "require", "require");
      assertEquals(0, ok.exitCode(), ok.err());
      assertEquals("42\n", ok.out());
    }
    Psql plain = psql(generated, "disable", "require");
    assertNotEquals(0, plain.exitCode());
    assertTrue(plain.err().contains("channel binding required"), plain.err());
  }

  record Psql(int exitCode, String out, String err) {}

  static Psql psql(TestServer server, String sslMode, String channelBinding)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("psql", "-X", "-At", "-h", "127.0.0.1", "-p",
        Integer.toString(server.port), "-U", "postgres", "-d", "postgres", "-c", "SELECT 6 * 7");
    pb.environment().put("PGPASSWORD", TestServer.PASSWORD);
    pb.environment().put("PGSSLMODE", sslMode);
    pb.environment().put("PGCHANNELBINDING", channelBinding);
    pb.environment().put("PGCONNECT_TIMEOUT", "10");
    Path out = Files.createTempFile("psql", ".out");
    Path err = Files.createTempFile("psql", ".err");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("psql timed out");
    }
    return new Psql(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** A self-signed P-384 certificate signed with SHA384withECDSA, and its key, as PEM files. */
  static void writeSha384Certificate(Path certFile, Path keyFile) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp384r1"));
    KeyPair keys = generator.generateKeyPair();
    X500Name name = new X500Name("CN=localhost");
    long now = System.currentTimeMillis();
    var holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now), new Date(now - 60_000),
        new Date(now + 86_400_000L), name, keys.getPublic())
        .build(new JcaContentSignerBuilder("SHA384withECDSA").build(keys.getPrivate()));
    Files.writeString(certFile, pem(holder));
    Files.writeString(keyFile, pem(new JcaPKCS8Generator(keys.getPrivate(), null))); // PKCS#8
  }

  private static String pem(Object o) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(o);
    }
    return out.toString();
  }
}
