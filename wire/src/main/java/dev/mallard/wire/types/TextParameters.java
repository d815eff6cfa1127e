package dev.mallard.wire.types;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Text-format parameter input for the scalar types whose value is not simply the string: the
 * parsing rules and error messages of boolin, int2in/int4in/int8in, float4in/float8in, numeric_in,
 * byteain, uuid_in and bit_in, as of PostgreSQL 15.
 */
final class TextParameters {
  private TextParameters() {}

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  /** boolin: t/true/y/yes/on/1 and f/false/n/no/off/0, any unique prefix, any case. */
  static Boolean bool(String input) {
    String v = trim(input).toLowerCase(Locale.ROOT);
    if (!v.isEmpty()) {
      switch (v.charAt(0)) {
        case 't' -> {
          if ("true".startsWith(v)) {
            return true;
          }
        }
        case 'f' -> {
          if ("false".startsWith(v)) {
            return false;
          }
        }
        case 'y' -> {
          if ("yes".startsWith(v)) {
            return true;
          }
        }
        case 'n' -> {
          if ("no".startsWith(v)) {
            return false;
          }
        }
        case 'o' -> {
          // "o" alone is ambiguous
          if (v.length() >= 2 && "on".startsWith(v)) {
            return true;
          }
          if (v.length() >= 2 && "off".startsWith(v)) {
            return false;
          }
        }
        case '1' -> {
          if (v.length() == 1) {
            return true;
          }
        }
        case '0' -> {
          if (v.length() == 1) {
            return false;
          }
        }
        default -> {}
      }
    }
    throw syntax("boolean", input);
  }

  /** pg_strtoint16/32/64: optional sign, digits, surrounding white space. */
  static long integer(String input, String typeName, long min, long max) {
    String v = trim(input);
    int start = v.startsWith("-") || v.startsWith("+") ? 1 : 0;
    if (v.length() == start) {
      throw syntax(typeName, input);
    }
    for (int k = start; k < v.length(); k++) {
      if (v.charAt(k) < '0' || v.charAt(k) > '9') {
        throw syntax(typeName, input);
      }
    }
    long value;
    try {
      value = Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw outOfRange(input, typeName);
    }
    if (value < min || value > max) {
      throw outOfRange(input, typeName);
    }
    return value;
  }

  /** float8in / float4in: decimal notation or NaN / [+-]Infinity / [+-]inf; no overflow. */
  static double floating(String input, String typeName, boolean single) {
    String v = trim(input);
    switch (v.toLowerCase(Locale.ROOT)) {
      case "nan":
        return Double.NaN;
      case "infinity", "+infinity", "inf", "+inf":
        return Double.POSITIVE_INFINITY;
      case "-infinity", "-inf":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    if (!DECIMAL.matcher(v).matches()) {
      throw syntax(typeName, input);
    }
    double value = single ? Float.parseFloat(v) : Double.parseDouble(v);
    boolean nonzeroDigits = !v.replaceAll("[eE].*", "").matches("[+-]?[0.]*");
    if (Double.isInfinite(value) || value == 0 && nonzeroDigits) {
      throw new PgException(
          SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          "\"" + input + "\" is out of range for type " + typeName);
    }
    return value;
  }

  /** numeric_in: a BigDecimal, or Double NaN / ±Infinity, which no DuckDB DECIMAL holds. */
  static Object numeric(String input) {
    String v = trim(input);
    switch (v.toLowerCase(Locale.ROOT)) {
      case "nan":
        return Double.NaN;
      case "infinity", "+infinity", "inf", "+inf":
        return Double.POSITIVE_INFINITY;
      case "-infinity", "-inf":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    if (!DECIMAL.matcher(v).matches()) {
      throw syntax("numeric", input);
    }
    return new BigDecimal(v.endsWith(".") ? v + "0" : v);
  }

  /** byteain: "\x" hex (white space allowed between bytes) or the escape format. */
  static byte[] bytea(String input) {
    if (input.startsWith("\\x")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(input.length() / 2);
      int k = 2;
      while (k < input.length()) {
        char c = input.charAt(k);
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
          k++;
          continue;
        }
        int hi = hexDigit(c);
        if (k + 1 >= input.length()) {
          throw new PgException(
              SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal data: odd number of digits");
        }
        int lo = hexDigit(input.charAt(k + 1));
        out.write(hi << 4 | lo);
        k += 2;
      }
      return out.toByteArray();
    }
    byte[] in = input.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    for (int k = 0; k < in.length; k++) {
      if (in[k] != '\\') {
        out.write(in[k]);
      } else if (k + 1 < in.length && in[k + 1] == '\\') {
        out.write('\\');
        k++;
      } else if (k + 3 < in.length
          && isOctal(in[k + 1], '3')
          && isOctal(in[k + 2], '7')
          && isOctal(in[k + 3], '7')) {
        out.write((in[k + 1] - '0') << 6 | (in[k + 2] - '0') << 3 | (in[k + 3] - '0'));
        k += 3;
      } else {
        throw syntax("bytea", input);
      }
    }
    return out.toByteArray();
  }

  private static boolean isOctal(byte c, char max) {
    return c >= '0' && c <= max;
  }

  private static int hexDigit(char c) {
    int d = Character.digit(c, 16);
    if (d < 0) {
      throw new PgException(
          SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \"" + c + "\"");
    }
    return d;
  }

  /** uuid_in: 32 hex digits, a hyphen allowed after any group of four, optional braces. */
  static UUID uuid(String input) {
    String v = input;
    boolean braces = v.startsWith("{");
    int k = braces ? 1 : 0;
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 16; i++) {
      if (k + 1 >= v.length()) {
        throw syntax("uuid", input);
      }
      int a = Character.digit(v.charAt(k), 16);
      int b = Character.digit(v.charAt(k + 1), 16);
      if (a < 0 || b < 0) {
        throw syntax("uuid", input);
      }
      if (i < 8) {
        hi = hi << 8 | (a << 4 | b);
      } else {
        lo = lo << 8 | (a << 4 | b);
      }
      k += 2;
      if (k < v.length() && v.charAt(k) == '-' && i % 2 == 1 && i < 15) {
        k++;
      }
    }
    if (braces) {
      if (k >= v.length() || v.charAt(k) != '}') {
        throw syntax("uuid", input);
      }
      k++;
    }
    if (k != v.length()) {
      throw syntax("uuid", input);
    }
    return new UUID(hi, lo);
  }

  /** bit_in: '0'/'1' digits (or B'…' / X'…' bodies as "b0101", "x1f"); returns the bit digits. */
  static String bits(String input) {
    String v = input;
    if (v.startsWith("x") || v.startsWith("X")) {
      StringBuilder bits = new StringBuilder();
      for (int k = 1; k < v.length(); k++) {
        int d = Character.digit(v.charAt(k), 16);
        if (d < 0) {
          throw new PgException(
              SqlState.INVALID_TEXT_REPRESENTATION,
              "\"" + v.charAt(k) + "\" is not a valid hexadecimal digit");
        }
        bits.append(String.format("%4s", Integer.toBinaryString(d)).replace(' ', '0'));
      }
      return bits.toString();
    }
    if (v.startsWith("b") || v.startsWith("B")) {
      v = v.substring(1);
    }
    for (int k = 0; k < v.length(); k++) {
      char c = v.charAt(k);
      if (c != '0' && c != '1') {
        throw new PgException(
            SqlState.INVALID_TEXT_REPRESENTATION, "\"" + c + "\" is not a valid binary digit");
      }
    }
    return v;
  }

  /**
   * interval text for DuckDB to cast. PostgreSQL's own output ("-1 days +02:00:00") is kept but for
   * the explicit '+' signs, which DuckDB's parser rejects; ISO 8601 ("P1Y2M3DT4H") is spelled out
   * in words, which DuckDB does not parse either.
   */
  static String interval(String input) {
    String v = trim(input);
    if (v.length() > 1 && (v.charAt(0) == 'P' || v.charAt(0) == 'p')) {
      return isoIntervalToWords(v, input);
    }
    return v.replaceAll("\\+(?=\\d)", "");
  }

  /** "P1Y2M3DT4H5M6.7S" as "1 years 2 months 3 days 4 hours 5 minutes 6.7 seconds". */
  private static String isoIntervalToWords(String v, String input) {
    StringBuilder words = new StringBuilder();
    boolean time = false;
    int k = 1;
    while (k < v.length()) {
      char c = Character.toUpperCase(v.charAt(k));
      if (c == 'T' && !time) {
        time = true;
        k++;
        continue;
      }
      int start = k;
      while (k < v.length() && "0123456789.+-".indexOf(v.charAt(k)) >= 0) {
        k++;
      }
      if (k == start || k >= v.length()) {
        throw intervalSyntax(input);
      }
      String unit =
          switch (Character.toUpperCase(v.charAt(k++))) {
            case 'Y' -> time ? null : "years";
            case 'M' -> time ? "minutes" : "months";
            case 'W' -> time ? null : "weeks";
            case 'D' -> time ? null : "days";
            case 'H' -> time ? "hours" : null;
            case 'S' -> time ? "seconds" : null;
            default -> null;
          };
      if (unit == null) {
        throw intervalSyntax(input);
      }
      words.append(words.length() == 0 ? "" : " ").append(v, start, k - 1).append(' ');
      words.append(unit);
    }
    return words.length() == 0 ? "0 seconds" : words.toString();
  }

  private static PgException intervalSyntax(String input) {
    return new PgException(
        SqlState.INVALID_DATETIME_FORMAT,
        "invalid input syntax for type interval: \"" + input + "\"");
  }

  /** PostgreSQL trims these around numbers and booleans (scanner isspace). */
  static String trim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
  }

  static PgException syntax(String typeName, String input) {
    return new PgException(
        SqlState.INVALID_TEXT_REPRESENTATION,
        "invalid input syntax for type " + typeName + ": \"" + input + "\"");
  }

  private static PgException outOfRange(String input, String typeName) {
    return new PgException(
        SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
        "value \"" + input + "\" is out of range for type " + typeName);
  }
}
