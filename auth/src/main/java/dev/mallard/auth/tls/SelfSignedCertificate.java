package dev.mallard.auth.tls;

import dev.mallard.auth.OwnerOnlyFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS out of the box: when no certificate is configured, the server generates an EC P-256 key and a
 * self-signed certificate once and keeps them in the data directory, so clients can use {@code
 * sslmode=require} (and SCRAM channel binding) from the first start, and can pin the certificate
 * for {@code verify-full} because it does not change between restarts.
 *
 * <p>The certificate has no KeyUsage extension on purpose: OpenSSL only treats a self-signed
 * certificate as its own issuer (and so as a usable trust anchor) if KeyUsage is absent or allows
 * certificate signing.
 */
public final class SelfSignedCertificate {
  private static final Logger log = LoggerFactory.getLogger(SelfSignedCertificate.class);
  private static final Duration VALIDITY = Duration.ofDays(3652); // 10 years
  private static final Duration BACKDATE = Duration.ofDays(1); // tolerate client clock skew
  private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
  private static final Pattern HOST_NAME =
      Pattern.compile(
          "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
  private static final SecureRandom RANDOM = new SecureRandom();

  private SelfSignedCertificate() {}

  /**
   * Loads the certificate and key when both files exist, or generates and writes both when neither
   * does (the key with mode 0600).
   *
   * @param commonName the host name clients use; it goes into the subject CN and, if it is a host
   *     name or IP address, the subjectAltName next to localhost, 127.0.0.1 and ::1
   * @throws IOException if only one of the files exists (neither is overwritten), or on I/O errors
   */
  public static TlsMaterial loadOrCreate(Path certFile, Path keyFile, String commonName)
      throws IOException {
    boolean certExists = Files.exists(certFile);
    boolean keyExists = Files.exists(keyFile);
    if (certExists && keyExists) {
      return load(certFile, keyFile);
    }
    if (certExists || keyExists) {
      throw new IOException(
          (certExists ? keyFile : certFile)
              + " is missing but "
              + (certExists ? certFile : keyFile)
              + " exists; remove it to generate a new pair or provide both");
    }
    TlsMaterial material = generate(commonName);
    PemFiles.writePrivateKey(keyFile, material.privateKey());
    PemFiles.writeCertificate(certFile, material.certificate());
    log.info("Generated a self-signed TLS certificate for CN={} in {}", commonName, certFile);
    return material;
  }

  /**
   * Loads a user-provided PEM certificate (chain) and private key.
   *
   * @throws IOException if a file cannot be read or parsed, or the key does not belong to the
   *     certificate
   */
  public static TlsMaterial load(Path certFile, Path keyFile) throws IOException {
    List<X509Certificate> chain = PemFiles.readCertificates(certFile);
    PrivateKey key = PemFiles.readPrivateKey(keyFile);
    if (OwnerOnlyFiles.isAccessibleByOthers(keyFile)) {
      log.warn("Private key file {} has group or world access; it should have mode 0600", keyFile);
    }
    if (!keyMatches(key, chain.get(0))) {
      throw new IOException("private key " + keyFile + " does not match certificate " + certFile);
    }
    if (chain.get(0).getNotAfter().before(new Date())) {
      log.warn("TLS certificate {} expired on {}", certFile, chain.get(0).getNotAfter());
    }
    return new TlsMaterial(chain, key);
  }

  /** A new EC P-256 key and a self-signed certificate for {@code commonName}, in memory only. */
  public static TlsMaterial generate(String commonName) {
    Objects.requireNonNull(commonName, "commonName");
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      KeyPair keys = generator.generateKeyPair();
      return new TlsMaterial(sign(commonName, keys), keys.getPrivate());
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("cannot generate a self-signed certificate", e);
    }
  }

  private static X509Certificate sign(String commonName, KeyPair keys)
      throws GeneralSecurityException, OperatorCreationException, CertIOException {
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            new BigInteger(64, RANDOM).add(BigInteger.ONE),
            Date.from(now.minus(BACKDATE)),
            Date.from(now.plus(VALIDITY)),
            subject,
            keys.getPublic());
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    builder
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
        .addExtension(
            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
        .addExtension(Extension.subjectAlternativeName, false, subjectAltNames(commonName))
        .addExtension(
            Extension.subjectKeyIdentifier,
            false,
            extensions.createSubjectKeyIdentifier(keys.getPublic()));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(keys.getPrivate())));
  }

  private static GeneralNames subjectAltNames(String commonName) {
    List<GeneralName> names = new ArrayList<>();
    names.add(new GeneralName(GeneralName.dNSName, "localhost"));
    names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
    names.add(new GeneralName(GeneralName.iPAddress, "::1"));
    if (IPAddress.isValid(commonName)) {
      if (!commonName.equals("127.0.0.1") && !commonName.equals("::1")) {
        names.add(new GeneralName(GeneralName.iPAddress, commonName));
      }
    } else if (!commonName.equalsIgnoreCase("localhost")
        && HOST_NAME.matcher(commonName).matches()) {
      names.add(new GeneralName(GeneralName.dNSName, commonName));
    }
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }

  /** Signs and verifies a probe: works for any key type without comparing key internals. */
  private static boolean keyMatches(PrivateKey key, X509Certificate certificate) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC", "ECDSA" -> "SHA256withECDSA";
          case "DSA" -> "SHA256withDSA";
          case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
          default -> null;
        };
    if (algorithm == null) {
      return true; // unknown key type: let the TLS handshake be the judge
    }
    try {
      byte[] probe = "mallard key check".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
