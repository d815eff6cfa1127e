package dev.mallard.engine.sql;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * bytea constants in PostgreSQL's input formats: hex ({@code '\x0102'::bytea}) and escape
 * ({@code 'a\000b'}, {@code \\} for a backslash). DuckDB's BLOB text reads {@code \x01} as one
 * byte and the rest as characters, so the constant is decoded here and written back with every
 * byte as a DuckDB {@code \xHH} escape. Invalid input fails as byteain does: 22023 for bad hex
 * digits, 22P02 for a bad escape.
 */
final class ByteaLiterals implements RewriteRule {
  @Override
  public String name() {
    return "bytea-literals";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() != Token.Kind.STRING || !"bytea".equals(CastTarget.of(tokens, i))) {
        continue;
      }
      String value = Literals.stringValue(t);
      if (value == null) {
        continue;
      }
      byte[] bytes = decode(value);
      StringBuilder duck = new StringBuilder("'");
      for (byte b : bytes) {
        duck.append(String.format("\\x%02X", b & 0xff));
      }
      tokens.set(i, new Token(Token.Kind.STRING, duck.append('\'').toString()));
    }
  }

  static byte[] decode(String text) {
    return text.startsWith("\\x") ? hex(text) : escape(text);
  }

  private static byte[] hex(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 2;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int hi = Character.digit(c, 16);
      if (hi < 0) {
        throw badHex("invalid hexadecimal digit: \"" + c + "\"");
      }
      if (i + 1 >= text.length()) {
        throw badHex("invalid hexadecimal data: odd number of digits");
      }
      int lo = Character.digit(text.charAt(i + 1), 16);
      if (lo < 0) {
        throw badHex("invalid hexadecimal digit: \"" + text.charAt(i + 1) + "\"");
      }
      out.write(hi << 4 | lo);
      i += 2;
    }
    return out.toByteArray();
  }

  private static byte[] escape(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '\\') {
        int end = i + Character.charCount(text.codePointAt(i));
        out.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      } else if (i + 1 < text.length() && text.charAt(i + 1) == '\\') {
        out.write('\\');
        i += 2;
      } else if (isOctal(text, i + 1)) {
        out.write(Integer.parseInt(text.substring(i + 1, i + 4), 8));
        i += 4;
      } else {
        throw invalid("invalid input syntax for type bytea");
      }
    }
    return out.toByteArray();
  }

  private static boolean isOctal(String text, int at) {
    if (at + 3 > text.length()) {
      return false;
    }
    return text.charAt(at) >= '0' && text.charAt(at) <= '3'
        && text.charAt(at + 1) >= '0' && text.charAt(at + 1) <= '7'
        && text.charAt(at + 2) >= '0' && text.charAt(at + 2) <= '7';
  }

  /** PostgreSQL's hex decoder reports bad digits as 22023, unlike other input errors. */
  private static PgException badHex(String message) {
    return new PgException(SqlState.INVALID_PARAMETER_VALUE, message);
  }

  private static PgException invalid(String message) {
    return new PgException(SqlState.INVALID_TEXT_REPRESENTATION, message);
  }
}
