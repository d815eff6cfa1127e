package dev.mallard.auth.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {
  @TempDir Path dir;

  @Test
  void createsThenReloadsTheSamePair() throws Exception {
    Path cert = dir.resolve("tls/server.crt");
    Path key = dir.resolve("tls/server.key");
    TlsMaterial created = SelfSignedCertificate.loadOrCreate(cert, key, "db.example.com");
    assertTrue(Files.readString(cert).startsWith("-----BEGIN CERTIFICATE-----"));
    assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));

    TlsMaterial loaded = SelfSignedCertificate.loadOrCreate(cert, key, "ignored.example.com");
    assertEquals(created.certificate(), loaded.certificate());
    assertArrayEquals(created.privateKey().getEncoded(), loaded.privateKey().getEncoded());
    assertEquals(1, loaded.certificateChain().size());
  }

  @Test
  void keyFileIsOwnerOnly() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path key = dir.resolve("server.key");
    SelfSignedCertificate.loadOrCreate(dir.resolve("server.crt"), key, "localhost");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
  }

  @Test
  void certificateContents() throws Exception {
    X509Certificate cert = SelfSignedCertificate.generate("db.example.com").certificate();
    assertEquals("CN=db.example.com", cert.getSubjectX500Principal().getName());
    assertEquals(cert.getSubjectX500Principal(), cert.getIssuerX500Principal());
    assertEquals(3, cert.getVersion());
    assertEquals("SHA256withECDSA", cert.getSigAlgName());
    assertEquals(-1, cert.getBasicConstraints());
    cert.verify(cert.getPublicKey()); // self-signed
    cert.checkValidity();
    Duration validity =
        Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant());
    assertTrue(validity.toDays() >= 3650 && validity.toDays() <= 3654, validity.toString());
    assertTrue(cert.getNotBefore().toInstant().isBefore(Instant.now()));

    Set<String> sans =
        cert.getSubjectAlternativeNames().stream()
            .map(n -> n.get(0) + ":" + n.get(1))
            .collect(Collectors.toSet());
    assertEquals(
        Set.of("2:localhost", "7:127.0.0.1", "7:0:0:0:0:0:0:0:1", "2:db.example.com"), sans);
    assertEquals(List.of("1.3.6.1.5.5.7.3.1"), cert.getExtendedKeyUsage());
  }

  @Test
  void ipAddressCommonNameGoesIntoSanAsAnIp() throws Exception {
    X509Certificate cert = SelfSignedCertificate.generate("10.1.2.3").certificate();
    assertTrue(cert.getSubjectAlternativeNames().contains(List.of(7, "10.1.2.3")));
  }

  @Test
  void serverEndPointHashIsSha256OfTheDer() throws Exception {
    TlsMaterial material = SelfSignedCertificate.generate("localhost");
    byte[] hash = material.tlsServerEndPointHash();
    assertEquals(32, hash.length);
    assertArrayEquals(
        MessageDigest.getInstance("SHA-256").digest(material.certificate().getEncoded()), hash);
  }

  @Test
  void serverEndPointHashFollowsTheSignatureHash() throws Exception {
    KeyPair rsa = TestCertificates.keyPair("RSA", 2048);
    assertEquals(48, hashOf(TestCertificates.certificate(rsa, "SHA384withRSA")).length);
    assertEquals(64, hashOf(TestCertificates.certificate(rsa, "SHA512withRSA")).length);
    // RFC 5929: MD5 and SHA-1 are upgraded to SHA-256.
    X509Certificate sha1 = TestCertificates.certificate(rsa, "SHA1withRSA");
    assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(sha1.getEncoded()), hashOf(sha1));
    X509Certificate md5 = TestCertificates.certificate(rsa, "MD5withRSA");
    assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(md5.getEncoded()), hashOf(md5));
    KeyPair ec = TestCertificates.keyPair("EC", 384);
    X509Certificate ecdsa384 = TestCertificates.certificate(ec, "SHA384withECDSA");
    assertArrayEquals(
        MessageDigest.getInstance("SHA-384").digest(ecdsa384.getEncoded()), hashOf(ecdsa384));
    // EdDSA has no hash to use, so there is no channel binding.
    KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    assertNull(hashOf(TestCertificates.certificate(ed, "Ed25519")));
  }

  private static byte[] hashOf(X509Certificate cert) throws Exception {
    return new TlsMaterial(cert, TestCertificates.keyPair("EC", 256).getPrivate())
        .tlsServerEndPointHash();
  }

  @Test
  void refusesToReplaceHalfAPair() throws Exception {
    Path cert = dir.resolve("server.crt");
    Path key = dir.resolve("server.key");
    SelfSignedCertificate.loadOrCreate(cert, key, "localhost");
    Files.delete(cert);
    String keyBefore = Files.readString(key);
    assertThrows(
        IOException.class, () -> SelfSignedCertificate.loadOrCreate(cert, key, "localhost"));
    assertEquals(keyBefore, Files.readString(key));
  }

  @Test
  void loadsTraditionalRsaKeyAndChain() throws Exception {
    KeyPair rsa = TestCertificates.keyPair("RSA", 2048);
    X509Certificate leaf = TestCertificates.certificate(rsa, "SHA256withRSA");
    X509Certificate other = SelfSignedCertificate.generate("intermediate").certificate();
    Path cert = dir.resolve("chain.pem");
    Path key = dir.resolve("rsa.key");
    TestCertificates.writePem(cert, leaf, other);
    TestCertificates.writePem(key, rsa.getPrivate());
    assertTrue(Files.readString(key).startsWith("-----BEGIN RSA PRIVATE KEY-----"));

    TlsMaterial material = SelfSignedCertificate.load(cert, key);
    assertEquals(List.of(leaf, other), material.certificateChain());
    assertEquals(leaf, material.certificate());
    assertArrayEquals(rsa.getPrivate().getEncoded(), material.privateKey().getEncoded());
  }

  @Test
  void loadsOpenSslTraditionalEcKeyWithParametersBlock() throws Exception {
    Path cert = dir.resolve("ec.crt");
    Path key = dir.resolve("ec.key");
    Files.writeString(cert, OpenSslFixture.EC_CERTIFICATE);
    Files.writeString(key, OpenSslFixture.EC_PARAMETERS_AND_KEY);
    TlsMaterial material = SelfSignedCertificate.load(cert, key);
    assertEquals("EC", material.privateKey().getAlgorithm());
    assertEquals("CN=fixture", material.certificate().getSubjectX500Principal().getName());
    // The certificate is signed with ecdsa-with-SHA384, so the binding hash is SHA-384; the
    // expected
    // value is `openssl x509 -outform der | sha384sum`.
    assertEquals(
        OpenSslFixture.EC_CERTIFICATE_SHA384,
        HexFormat.of().formatHex(material.tlsServerEndPointHash()));
  }

  @Test
  void rejectsKeyOfAnotherCertificate() throws Exception {
    Path cert = dir.resolve("a.crt");
    Path key = dir.resolve("a.key");
    SelfSignedCertificate.loadOrCreate(cert, key, "localhost");
    SelfSignedCertificate.loadOrCreate(dir.resolve("b.crt"), dir.resolve("b.key"), "localhost");
    var e =
        assertThrows(
            IOException.class, () -> SelfSignedCertificate.load(cert, dir.resolve("b.key")));
    assertTrue(e.getMessage().contains("does not match"), e.getMessage());
  }

  @Test
  void rejectsEncryptedKeysAndFilesWithoutPemObjects() throws Exception {
    KeyPair ec = TestCertificates.keyPair("EC", 256);
    Path cert = dir.resolve("ec.crt");
    Path key = dir.resolve("ec.key");
    TestCertificates.writePem(cert, TestCertificates.certificate(ec, "SHA256withECDSA"));
    TestCertificates.writeEncryptedKey(key, ec);
    var e = assertThrows(IOException.class, () -> SelfSignedCertificate.load(cert, key));
    assertTrue(e.getMessage().contains("encrypted"), e.getMessage());

    Path empty = dir.resolve("empty.pem");
    Files.writeString(empty, "not a pem file\n");
    assertThrows(IOException.class, () -> SelfSignedCertificate.load(empty, key));
    assertThrows(IOException.class, () -> SelfSignedCertificate.load(cert, empty));
  }
}
