package dev.mallard.engine.sql;

/** String constants: their values as PostgreSQL reads them, and quoting new ones. */
final class Literals {
  private Literals() {}

  /**
   * The value of a string constant ('..' with standard_conforming_strings on, E'..' with the
   * common backslash escapes, $$..$$), or null when the token is not one this can read.
   */
  static String stringValue(Token t) {
    if (t == null || t.kind() != Token.Kind.STRING) {
      return null;
    }
    String s = t.text();
    char first = s.charAt(0);
    if (first == '\'') {
      return s.length() < 2 || !s.endsWith("'") ? null : s.substring(1, s.length() - 1).replace("''", "'");
    }
    if (first == '$') {
      int tag = s.indexOf('$', 1) + 1;
      return tag <= 0 || s.length() < 2 * tag ? null : s.substring(tag, s.length() - tag);
    }
    if ((first == 'E' || first == 'e') && s.endsWith("'") && s.length() >= 3) {
      return unescape(s.substring(2, s.length() - 1));
    }
    return null;
  }

  private static String unescape(String body) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
        out.append('\'');
        i++;
        continue;
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i >= body.length()) {
        return null;
      }
      char e = body.charAt(i);
      switch (e) {
        case 'n': out.append('\n'); break;
        case 't': out.append('\t'); break;
        case 'r': out.append('\r'); break;
        case 'b': out.append('\b'); break;
        case 'f': out.append('\f'); break;
        case '\\': case '\'': case '"': out.append(e); break;
        default:
          // octal, hex and unicode escapes are rare in the constants rules read; leave them be
          if (Character.isLetterOrDigit(e)) {
            return null;
          }
          out.append(e);
      }
    }
    return out.toString();
  }

  /** A standard string constant with {@code value}. */
  static String quote(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  static Token string(String value) {
    return new Token(Token.Kind.STRING, quote(value));
  }
}
