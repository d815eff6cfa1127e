package dev.mallard.auth.tls;

import dev.mallard.auth.OwnerOnlyFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Reading and writing the PEM files PostgreSQL uses for {@code ssl_cert_file} and {@code
 * ssl_key_file}. Keys may be PKCS#8 ({@code PRIVATE KEY}) or OpenSSL's traditional {@code RSA
 * PRIVATE KEY} / {@code EC PRIVATE KEY}; encrypted keys are refused since there is no one to type a
 * passphrase.
 */
final class PemFiles {
  private PemFiles() {}

  /** Every certificate in {@code file}, in file order (leaf first, by convention). */
  static List<X509Certificate> readCertificates(Path file) throws IOException {
    List<X509Certificate> certificates = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    try (PEMParser parser = open(file)) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof X509CertificateHolder holder) {
          certificates.add(converter.getCertificate(holder));
        }
      }
    } catch (CertificateException | IllegalArgumentException e) {
      throw new IOException("invalid certificate in " + file + ": " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new IOException("no certificate found in " + file);
    }
    return certificates;
  }

  /** The first private key in {@code file}. */
  static PrivateKey readPrivateKey(Path file) throws IOException {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try (PEMParser parser = open(file)) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (o instanceof PEMKeyPair pair) {
          // The public half is optional in "EC PRIVATE KEY", so convert only the private half.
          return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
        if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
          throw new IOException("private key in " + file + " is encrypted; it must not be");
        }
        // Anything else (e.g. an "EC PARAMETERS" block before the key) is skipped.
      }
    } catch (PEMException | IllegalArgumentException e) {
      throw new IOException("invalid private key in " + file + ": " + e.getMessage(), e);
    }
    throw new IOException("no private key found in " + file);
  }

  static void writeCertificate(Path file, X509Certificate certificate) throws IOException {
    byte[] der;
    try {
      der = certificate.getEncoded();
    } catch (CertificateException e) {
      throw new IOException("certificate cannot be encoded", e);
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, pem("CERTIFICATE", der), StandardCharsets.US_ASCII);
  }

  /** Writes the key as unencrypted PKCS#8 with mode 0600. */
  static void writePrivateKey(Path file, PrivateKey key) throws IOException {
    OwnerOnlyFiles.write(
        file, pem("PRIVATE KEY", key.getEncoded()).getBytes(StandardCharsets.US_ASCII));
  }

  private static String pem(String type, byte[] der) throws IOException {
    StringWriter out = new StringWriter();
    try (PemWriter writer = new PemWriter(out)) {
      writer.writeObject(new PemObject(type, der));
    }
    return out.toString();
  }

  private static PEMParser open(Path file) throws IOException {
    Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
    return new PEMParser(reader);
  }
}
