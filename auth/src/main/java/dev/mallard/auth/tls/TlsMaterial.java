package dev.mallard.auth.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What the server needs to speak TLS: its certificate chain (leaf first, then any intermediates
 * from the PEM file) and the leaf's private key.
 */
public record TlsMaterial(List<X509Certificate> certificateChain, PrivateKey privateKey) {

  public TlsMaterial {
    certificateChain = List.copyOf(certificateChain);
    if (certificateChain.isEmpty()) {
      throw new IllegalArgumentException("certificate chain is empty");
    }
    Objects.requireNonNull(privateKey, "privateKey");
  }

  /** Material with a single (typically self-signed) certificate. */
  public TlsMaterial(X509Certificate certificate, PrivateKey privateKey) {
    this(List.of(certificate), privateKey);
  }

  /** The server's own certificate, the head of the chain. */
  public X509Certificate certificate() {
    return certificateChain.get(0);
  }

  /**
   * The RFC 5929 tls-server-end-point channel binding data for SCRAM-SHA-256-PLUS: a hash of the
   * DER certificate. Null when RFC 5929 defines no hash for the certificate's signature algorithm
   * (e.g. Ed25519), in which case channel binding cannot be offered, as in PostgreSQL.
   */
  public byte[] tlsServerEndPointHash() {
    return ServerEndPointHash.of(certificate());
  }
}
