package dev.mallard.auth.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;

/**
 * RFC 5929 section 4.1: hash the certificate with its signature's hash function, except that MD5
 * and SHA-1 are replaced by SHA-256. The client computes the same from the certificate it received,
 * so a man in the middle with another certificate cannot relay a SCRAM-SHA-256-PLUS exchange.
 */
final class ServerEndPointHash {
  private static final Map<ASN1ObjectIdentifier, String> DIGESTS =
      Map.of(
          PKCSObjectIdentifiers.md5, "SHA-256",
          OIWObjectIdentifiers.idSHA1, "SHA-256",
          NISTObjectIdentifiers.id_sha224, "SHA-224",
          NISTObjectIdentifiers.id_sha256, "SHA-256",
          NISTObjectIdentifiers.id_sha384, "SHA-384",
          NISTObjectIdentifiers.id_sha512, "SHA-512",
          NISTObjectIdentifiers.id_sha3_256, "SHA3-256",
          NISTObjectIdentifiers.id_sha3_384, "SHA3-384",
          NISTObjectIdentifiers.id_sha3_512, "SHA3-512");

  private ServerEndPointHash() {}

  static byte[] of(X509Certificate certificate) {
    byte[] der;
    try {
      der = certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate cannot be encoded", e);
    }
    String digest = digestFor(Certificate.getInstance(der).getSignatureAlgorithm());
    if (digest == null) {
      return null;
    }
    try {
      return MessageDigest.getInstance(digest).digest(der);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(digest + " is not available", e);
    }
  }

  /** The JCA digest name for a signature algorithm, or null when RFC 5929 has no answer. */
  static String digestFor(AlgorithmIdentifier signatureAlgorithm) {
    ASN1ObjectIdentifier sig = signatureAlgorithm.getAlgorithm();
    if (sig.equals(EdECObjectIdentifiers.id_Ed25519)
        || sig.equals(EdECObjectIdentifiers.id_Ed448)) {
      return null; // EdDSA has no separate hash function
    }
    // Also reads the hash out of RSASSA-PSS parameters.
    AlgorithmIdentifier digest =
        new DefaultDigestAlgorithmIdentifierFinder().find(signatureAlgorithm);
    return digest == null ? null : DIGESTS.get(digest.getAlgorithm());
  }
}
