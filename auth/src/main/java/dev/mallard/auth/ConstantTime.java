package dev.mallard.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Comparisons of secrets whose time does not depend on where they first differ, so that timing
 * cannot reveal a secret byte by byte. Every place Mallard compares a password, key, proof, nonce
 * or certificate hash goes through {@link MessageDigest#isEqual}, directly or through this class.
 */
public final class ConstantTime {
  private ConstantTime() {}

  /** Whether two strings are equal, comparing all of their UTF-8 bytes; null equals only null. */
  public static boolean equal(String a, String b) {
    if (a == null || b == null) {
      return a == b;
    }
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
