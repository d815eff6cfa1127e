package dev.mallard.engine.sql;

/**
 * PostgreSQL's Unicode escape strings, {@code U&'d\0061t\+000061'} [UESCAPE 'c'], become plain
 * string constants with the characters they name: DuckDB reads the syntax but cannot evaluate it.
 * A constant with a malformed escape is left for DuckDB to reject.
 */
final class UnicodeStrings implements RewriteRule {
  @Override
  public String name() {
    return "unicode-strings";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = tokens.size() - 3; i >= 0; i--) {
      Token u = tokens.get(i);
      Token amp = tokens.at(i + 1);
      Token string = tokens.at(i + 2);
      if (!u.isWord("u") || amp == null || !amp.is("&") || string == null
          || string.kind() != Token.Kind.STRING
          || !string.text().startsWith("'") || tokens.prevIs(i, ".")) {
        continue;
      }
      int end = i + 2;
      char escape = '\\';
      int uescape = tokens.next(end);
      if (tokens.at(uescape) != null && tokens.get(uescape).isWord("uescape")) {
        String e = Literals.stringValue(tokens.at(tokens.next(uescape)));
        if (e == null || e.length() != 1) {
          continue;
        }
        escape = e.charAt(0);
        end = tokens.next(uescape);
      }
      String value = decode(Literals.stringValue(string), escape);
      if (value != null) {
        tokens.replace(i, end, java.util.List.of(Literals.string(value)));
      }
    }
  }

  /** The text with its escapes ({@code \XXXX}, {@code \+XXXXXX}, {@code \\}) read, or null. */
  static String decode(String body, char escape) {
    if (body == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c != escape) {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 < body.length() && body.charAt(i + 1) == escape) {
        out.append(escape);
        i += 2;
        continue;
      }
      boolean six = i + 1 < body.length() && body.charAt(i + 1) == '+';
      int from = i + (six ? 2 : 1);
      int to = from + (six ? 6 : 4);
      if (to > body.length()
          || !body.substring(from, to).chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
        return null;
      }
      try {
        int code = Integer.parseInt(body.substring(from, to), 16);
        if (!Character.isValidCodePoint(code)) {
          return null;
        }
        out.appendCodePoint(code);
      } catch (NumberFormatException e) {
        return null;
      }
      i = to;
    }
    return out.toString();
  }
}
