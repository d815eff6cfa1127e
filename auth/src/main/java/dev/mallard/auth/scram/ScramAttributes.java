package dev.mallard.auth.scram;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reading RFC 5802 attributes ({@code x=value}, comma-separated). Messages are handled as
 * ISO-8859-1 strings so every byte maps to one char and back: the AuthMessage the proof signs must
 * be rebuilt from exactly the bytes the client sent, even if its user name is not valid UTF-8.
 */
final class ScramAttributes {
  private ScramAttributes() {}

  /** Splits a message into its comma-separated parts after checking it is non-empty text. */
  static String[] split(byte[] message) {
    if (message.length == 0) {
      throw ScramErrors.malformed("The message is empty.");
    }
    for (byte b : message) {
      if (b == 0) {
        throw ScramErrors.malformed("Message length does not match input length.");
      }
    }
    return toText(message).split(",", -1);
  }

  static String toText(byte[] message) {
    return new String(message, StandardCharsets.ISO_8859_1);
  }

  static byte[] toBytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The value of {@code part}, which must be attribute {@code name}. */
  static String value(String part, char name) {
    if (part.isEmpty() || part.charAt(0) != name) {
      throw ScramErrors.malformed(
          "Expected attribute \""
              + name
              + "\" but found \""
              + (part.isEmpty() ? "" : part.substring(0, 1))
              + "\".");
    }
    if (part.length() < 2 || part.charAt(1) != '=') {
      throw ScramErrors.malformed("Expected character \"=\" for attribute \"" + name + "\".");
    }
    return part.substring(2);
  }

  /** Checks that {@code part} is some attribute, as unknown extensions must be. */
  static void requireAnyAttribute(String part) {
    if (part.isEmpty()) {
      throw ScramErrors.malformed("Attribute expected, but found end of string.");
    }
    char name = part.charAt(0);
    if (!((name >= 'a' && name <= 'z') || (name >= 'A' && name <= 'Z'))) {
      throw ScramErrors.malformed(
          "Attribute expected, but found invalid character \"" + name + "\".");
    }
    value(part, name);
  }

  /** RFC 5802 {@code printable}: %x21-2B / %x2D-7E, the alphabet of nonces. */
  static boolean isPrintable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x21 || c > 0x7E || c == ',') {
        return false;
      }
    }
    return true;
  }

  static byte[] decodeBase64(String value, String what) {
    try {
      return Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw ScramErrors.malformed("Malformed " + what + ".");
    }
  }
}
