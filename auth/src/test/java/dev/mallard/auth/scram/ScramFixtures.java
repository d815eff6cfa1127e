package dev.mallard.auth.scram;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mallard.wire.error.PgException;
import java.util.Base64;

/** The RFC 7677 section 3 exchange and helpers shared by the SCRAM exchange tests. */
final class ScramFixtures {
  private ScramFixtures() {}

  static final String CLIENT_NONCE = "rOprNGfwEbeRWgbNEkqO";
  static final String SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
  static final byte[] SALT = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
  static final String SERVER_FIRST =
      "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
  static final String CLIENT_FINAL =
      "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
          + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
  static final String SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

  static final ScramVerifier PENCIL = ScramVerifier.create("pencil", SALT, 4096);
  static final byte[] MOCK_SECRET = "mock secret for tests".getBytes(UTF_8);
  static final byte[] CERT_HASH = new byte[32];

  static {
    for (int i = 0; i < CERT_HASH.length; i++) {
      CERT_HASH[i] = (byte) (i * 7);
    }
  }

  /** An exchange for user "user" whose server nonce is the RFC's. */
  static ScramServerExchange exchange(ScramVerifier verifier, byte[] certHash) {
    return new ScramServerExchange("user", verifier, certHash, MOCK_SECRET, () -> SERVER_NONCE);
  }

  static String text(byte[] bytes) {
    return new String(bytes, UTF_8);
  }

  static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  /** Asserts that {@code step} fails with a FATAL error of {@code sqlState}. */
  static PgException assertFails(String sqlState, Runnable step) {
    PgException e = assertThrows(PgException.class, step::run);
    assertEquals(sqlState, e.sqlState(), e.getMessage());
    assertEquals(PgException.Severity.FATAL, e.severity());
    return e;
  }
}
