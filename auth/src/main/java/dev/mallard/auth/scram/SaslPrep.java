package dev.mallard.auth.scram;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * SASLprep (RFC 4013) of a password, following PostgreSQL's {@code pg_saslprep}: pure ASCII passes
 * through untouched, and a password that is not valid UTF-8 or that SASLprep prohibits is used as
 * its raw bytes instead of being rejected. PostgreSQL does this because its passwords are not
 * required to be UTF-8; clients (libpq, pgjdbc) make the same choice, so both sides hash the same
 * bytes.
 *
 * <p>Unassigned code points are judged by RFC 3454's Unicode 3.2 table, as in PostgreSQL. The bidi
 * categories come from the JDK's (newer) Unicode data instead of tables D.1 and D.2; they differ
 * for a few hundred characters (e.g. Braille), which matters only in passwords with right-to-left
 * characters.
 */
final class SaslPrep {
  /** PostgreSQL's MAX_PASSWORD_LENGTH: longer input is used raw. */
  static final int MAX_PASSWORD_LENGTH = 1024;

  /** RFC 3454 C.1.2, mapped to SPACE (PostgreSQL checks this before B.1, so U+200B maps here). */
  private static final int[] NON_ASCII_SPACE = {
    0x00A0, 0x00A0, 0x1680, 0x1680, 0x2000, 0x200B, 0x202F, 0x202F, 0x205F, 0x205F, 0x3000, 0x3000
  };

  /** RFC 3454 B.1, "commonly mapped to nothing". */
  private static final int[] MAPPED_TO_NOTHING = {
    0x00AD, 0x00AD, 0x034F, 0x034F, 0x1806, 0x1806, 0x180B, 0x180D, 0x200B, 0x200D, 0x2060, 0x2060,
    0xFE00, 0xFE0F, 0xFEFF, 0xFEFF
  };

  /**
   * RFC 3454 C.1.2, C.2.1, C.2.2, C.3 to C.9 (C.4's per-plane non-characters are checked apart).
   */
  private static final int[] PROHIBITED = {
    0x0000, 0x001F, 0x007F, 0x009F, 0x00A0, 0x00A0, 0x0340, 0x0341, 0x06DD, 0x06DD,
    0x070F, 0x070F, 0x1680, 0x1680, 0x180E, 0x180E, 0x2000, 0x200F, 0x2028, 0x202F,
    0x205F, 0x2063, 0x206A, 0x206F, 0x2FF0, 0x2FFB, 0x3000, 0x3000, 0xD800, 0xF8FF,
    0xFDD0, 0xFDEF, 0xFEFF, 0xFEFF, 0xFFF9, 0xFFFD, 0x1D173, 0x1D17A, 0xE0001, 0xE0001,
    0xE0020, 0xE007F, 0xF0000, 0xFFFFD, 0x100000, 0x10FFFD
  };

  private SaslPrep() {}

  /** The bytes to hash for {@code password}. */
  static byte[] prepare(String password) {
    return prepare(password.getBytes(StandardCharsets.UTF_8));
  }

  /** The bytes to hash for a password given as the bytes the client sent. */
  static byte[] prepare(byte[] password) {
    if (password.length > MAX_PASSWORD_LENGTH || isAscii(password)) {
      return password.clone();
    }
    String decoded = decodeStrictUtf8(password);
    if (decoded == null) {
      return password.clone();
    }
    String normalized = Normalizer.normalize(map(decoded), Normalizer.Form.NFKC);
    if (isProhibited(normalized) || violatesBidiRules(normalized)) {
      return password.clone();
    }
    return normalized.getBytes(StandardCharsets.UTF_8);
  }

  /** Step 1 of RFC 4013: non-ASCII spaces become SPACE, B.1 characters disappear. */
  private static String map(String input) {
    StringBuilder out = new StringBuilder(input.length());
    input
        .codePoints()
        .forEach(
            cp -> {
              if (inRanges(cp, NON_ASCII_SPACE)) {
                out.append(' ');
              } else if (!inRanges(cp, MAPPED_TO_NOTHING)) {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }

  private static boolean isProhibited(String input) {
    return input
        .codePoints()
        .anyMatch(
            cp ->
                inRanges(cp, PROHIBITED)
                    || (cp & 0xFFFE) == 0xFFFE // C.4: U+xFFFE and U+xFFFF in every plane
                    || UnassignedInUnicode32.contains(cp));
  }

  /** RFC 3454 section 6: RTL text must not contain LTR characters and must start and end RTL. */
  private static boolean violatesBidiRules(String input) {
    if (input.codePoints().noneMatch(SaslPrep::isRandAlCat)) {
      return false;
    }
    boolean hasLCat =
        input
            .codePoints()
            .anyMatch(
                cp -> Character.getDirectionality(cp) == Character.DIRECTIONALITY_LEFT_TO_RIGHT);
    int first = input.codePointAt(0);
    int last = input.codePointBefore(input.length());
    return hasLCat || !isRandAlCat(first) || !isRandAlCat(last);
  }

  private static boolean isRandAlCat(int cp) {
    byte d = Character.getDirectionality(cp);
    return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
        || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
  }

  private static boolean inRanges(int cp, int[] ranges) {
    for (int i = 0; i < ranges.length; i += 2) {
      if (cp >= ranges[i] && cp <= ranges[i + 1]) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static String decodeStrictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
