package dev.mallard.engine.roles;

import dev.mallard.engine.sql.Token;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;

/**
 * The value of a string constant token as PostgreSQL reads it (SQL syntax, "String Constants"):
 * '...' with doubled quotes, E'...' with C-style backslash escapes, N'...', and $tag$...$tag$.
 */
public final class StringConstants {
  private StringConstants() {}

  public static String value(Token token) {
    String t = token.text();
    char first = t.charAt(0);
    if (first == '$') {
      int tagEnd = t.indexOf('$', 1) + 1;
      if (t.length() < 2 * tagEnd || !t.endsWith(t.substring(0, tagEnd))) {
        throw unterminated("dollar-quoted string");
      }
      return t.substring(tagEnd, t.length() - tagEnd);
    }
    if (first == 'B' || first == 'b' || first == 'X' || first == 'x') {
      throw new PgException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + t + "\"");
    }
    boolean escapes = first == 'E' || first == 'e';
    int open = t.indexOf('\'');
    if (t.length() < open + 2 || t.charAt(t.length() - 1) != '\'') {
      throw unterminated("quoted string");
    }
    String body = t.substring(open + 1, t.length() - 1);
    return escapes ? unescape(body) : body.replace("''", "'");
  }

  private static PgException unterminated(String what) {
    return new PgException(SqlState.SYNTAX_ERROR, "unterminated " + what);
  }

  /** E'' escapes: \b \f \n \r \t, octal \o[o[o]], hex \xh[h], \\uXXXX, \\UXXXXXXXX, '' and \c. */
  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == '\'' && i < s.length() && s.charAt(i) == '\'') {
        out.append('\'');
        i++;
      } else if (c != '\\' || i >= s.length()) {
        out.append(c);
      } else {
        char e = s.charAt(i++);
        switch (e) {
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'x' -> i = appendCode(out, s, i, 16, 2);
          case 'u' -> i = appendCode(out, s, i, 16, 4);
          case 'U' -> i = appendCode(out, s, i, 16, 8);
          default -> {
            if (e >= '0' && e <= '7') {
              i = appendCode(out, s, i - 1, 8, 3);
            } else {
              out.append(e);
            }
          }
        }
      }
    }
    return out.toString();
  }

  private static int appendCode(StringBuilder out, String s, int from, int radix, int maxDigits) {
    int end = from;
    while (end < s.length() && end - from < maxDigits
        && Character.digit(s.charAt(end), radix) >= 0) {
      end++;
    }
    if (end == from) {
      out.append(s.charAt(from - 1)); // "\x" without digits is just "x"
      return from;
    }
    out.appendCodePoint(Integer.parseInt(s.substring(from, end), radix));
    return end;
  }
}
