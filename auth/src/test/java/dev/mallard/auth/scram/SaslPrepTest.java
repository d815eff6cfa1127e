package dev.mallard.auth.scram;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SaslPrepTest {
  private static String prep(String s) {
    return new String(SaslPrep.prepare(s), UTF_8);
  }

  @Test
  void rfc4013Examples() {
    assertEquals("IX", prep("I\u00ADX")); // SOFT HYPHEN mapped to nothing
    assertEquals("user", prep("user"));
    assertEquals("USER", prep("USER"));
    assertEquals("a", prep("\u00AA")); // NFKC
    assertEquals("IX", prep("\u2168")); // NFKC
  }

  @Test
  void nonAsciiSpacesBecomeSpace() {
    assertEquals("a b c", prep("a\u00A0b\u3000c"));
    assertEquals("a b", prep("a\u200Bb")); // PostgreSQL maps U+200B as a space, not to nothing
  }

  @Test
  void asciiPassesUntouchedEvenWithControlCharacters() {
    // RFC 4013 prohibits U+0007, but PostgreSQL skips SASLprep for pure ASCII.
    assertEquals("a\u0007b", prep("a\u0007b"));
  }

  @Test
  void prohibitedInputIsUsedRaw() {
    // Non-ASCII with a control character: prohibited, so not even normalized.
    String withControl = "\u2168\u0007";
    assertArrayEquals(withControl.getBytes(UTF_8), SaslPrep.prepare(withControl));
    // Private use character.
    assertArrayEquals("\u2168\uE000".getBytes(UTF_8), SaslPrep.prepare("\u2168\uE000"));
  }

  @Test
  void bidiViolationsAreUsedRaw() {
    String rtlThenDigit = "\u0627\u0031"; // RFC 4013 example: must end with an RandALCat
    assertArrayEquals(rtlThenDigit.getBytes(UTF_8), SaslPrep.prepare(rtlThenDigit));
    String mixed = "\u0627a\u0628";
    assertArrayEquals(mixed.getBytes(UTF_8), SaslPrep.prepare(mixed));
    assertEquals("\u0627\u0031\u0628", prep("\u0627\u0031\u0628"));
  }

  @Test
  void invalidUtf8IsUsedRaw() {
    byte[] latin1 = {'c', 'a', 'f', (byte) 0xe9};
    assertArrayEquals(latin1, SaslPrep.prepare(latin1));
  }

  @Test
  void overlongPasswordsAreUsedRaw() {
    String longPassword = "\u2168".repeat(SaslPrep.MAX_PASSWORD_LENGTH);
    assertArrayEquals(longPassword.getBytes(UTF_8), SaslPrep.prepare(longPassword));
  }
}
