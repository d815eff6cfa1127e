package dev.mallard.wire.types;

import java.nio.charset.StandardCharsets;

/** Fixed output words, as ASCII bytes. */
final class Text {
  private Text() {}

  static final byte[] TRUE = ascii("t");
  static final byte[] FALSE = ascii("f");
  static final byte[] NAN = ascii("NaN");
  static final byte[] INFINITY = ascii("Infinity");
  static final byte[] MINUS_INFINITY = ascii("-Infinity");
  static final byte[] DATE_INFINITY = ascii("infinity");
  static final byte[] DATE_MINUS_INFINITY = ascii("-infinity");
  static final byte[] NULL = ascii("NULL");
  static final byte[] JSON_NULL = ascii("null");
  static final byte[] JSON_TRUE = ascii("true");
  static final byte[] JSON_FALSE = ascii("false");
  static final byte[] BC = ascii(" BC");
  static final byte[] UTC_OFFSET = ascii("+00");

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static final byte[] HEX = ascii("0123456789abcdef");
}
