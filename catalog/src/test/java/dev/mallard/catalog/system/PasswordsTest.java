package dev.mallard.catalog.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.auth.scram.ScramVerifier;
import dev.mallard.wire.error.PgException;
import org.junit.jupiter.api.Test;

class PasswordsTest {
  @Test
  void plaintextBecomesAVerifierThatAcceptsIt() {
    String stored = Passwords.verifier("s3cret");
    assertFalse(stored.contains("s3cret"));
    assertTrue(ScramVerifier.parse(stored).verifyPassword("s3cret"));
    assertFalse(ScramVerifier.parse(stored).verifyPassword("other"));
  }

  @Test
  void aWellFormedVerifierIsKeptAsGiven() {
    String given = ScramVerifier.create("pw").encode();
    assertEquals(given, Passwords.verifier(given));
  }

  @Test
  void aMalformedVerifierIsAPlaintextPasswordAsInPostgres() {
    String text = "SCRAM-SHA-256$4096:not-valid";
    assertTrue(ScramVerifier.parse(Passwords.verifier(text)).verifyPassword(text));
  }

  @Test
  void md5HashesAreRefusedAndEmptyClears() {
    PgException e = assertThrows(PgException.class,
        () -> Passwords.verifier("md5" + "a".repeat(32)));
    assertEquals("0A000", e.sqlState());
    assertTrue(ScramVerifier.parse(Passwords.verifier("md5short")).verifyPassword("md5short"));
    assertNull(Passwords.verifier(""));
    assertNull(Passwords.verifier(null));
  }
}
