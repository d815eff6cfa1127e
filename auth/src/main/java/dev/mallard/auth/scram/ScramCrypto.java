package dev.mallard.auth.scram;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SCRAM-SHA-256 primitives of RFC 5802 section 2.2 (H, HMAC, Hi) and the key derivations of
 * section 3. Hi is written out rather than taken from JCE's PBKDF2 because PBKDF2 there takes a
 * {@code char[]} and would re-encode it, while PostgreSQL hashes the exact password bytes (which
 * may not be valid UTF-8).
 */
final class ScramCrypto {
  static final int KEY_LENGTH = 32;
  private static final String HMAC_SHA_256 = "HmacSHA256";
  private static final byte[] CLIENT_KEY = "Client Key".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SERVER_KEY = "Server Key".getBytes(StandardCharsets.US_ASCII);

  private ScramCrypto() {}

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  static byte[] hmac(byte[] key, byte[] data) {
    Mac mac = newMac(key);
    return mac.doFinal(data);
  }

  /** Hi(str, salt, i) of RFC 5802: PBKDF2 with HMAC-SHA-256 and one output block. */
  static byte[] hi(byte[] password, byte[] salt, int iterations) {
    Mac mac = newMac(password);
    mac.update(salt);
    mac.update(new byte[] {0, 0, 0, 1});
    byte[] u = mac.doFinal();
    byte[] result = u.clone();
    for (int i = 1; i < iterations; i++) {
      u = mac.doFinal(u);
      for (int j = 0; j < result.length; j++) {
        result[j] ^= u[j];
      }
    }
    return result;
  }

  static byte[] clientKey(byte[] saltedPassword) {
    return hmac(saltedPassword, CLIENT_KEY);
  }

  static byte[] serverKey(byte[] saltedPassword) {
    return hmac(saltedPassword, SERVER_KEY);
  }

  static byte[] xor(byte[] a, byte[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("lengths differ: " + a.length + " and " + b.length);
    }
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (byte) (a[i] ^ b[i]);
    }
    return out;
  }

  private static Mac newMac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(HMAC_SHA_256);
      // SecretKeySpec rejects an empty key; HMAC zero-pads short keys to the block size, so an
      // empty key and a single zero byte are the same key.
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, HMAC_SHA_256));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
