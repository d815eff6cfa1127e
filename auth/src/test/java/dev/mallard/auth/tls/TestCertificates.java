package dev.mallard.auth.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates of other shapes than the server generates, as users might provide them. */
final class TestCertificates {
  private TestCertificates() {}

  static KeyPair keyPair(String algorithm, int size) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    generator.initialize(size);
    return generator.generateKeyPair();
  }

  /** A self-signed certificate for {@code keys} signed with {@code signatureAlgorithm}. */
  static X509Certificate certificate(KeyPair keys, String signatureAlgorithm) throws Exception {
    X500Name name = new X500Name("CN=test");
    long now = System.currentTimeMillis();
    var builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.TEN,
            new Date(now - 60_000),
            new Date(now + 86_400_000L),
            name,
            keys.getPublic());
    var signer = new JcaContentSignerBuilder(signatureAlgorithm).build(keys.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  /** Writes objects as OpenSSL would: keys in the traditional "RSA/EC PRIVATE KEY" form. */
  static void writePem(Path file, Object... objects) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      for (Object o : objects) {
        writer.writeObject(o);
      }
    }
    Files.writeString(file, out.toString());
  }

  static void writeEncryptedKey(Path file, KeyPair keys) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(
          new JcaMiscPEMGenerator(
              keys.getPrivate(),
              new JcePEMEncryptorBuilder("AES-128-CBC")
                  .setProvider(new BouncyCastleProvider())
                  .build("pw".toCharArray())));
    }
    Files.writeString(file, out.toString());
  }
}
