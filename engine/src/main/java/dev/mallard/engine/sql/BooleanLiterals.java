package dev.mallard.engine.sql;

import java.util.Locale;

/**
 * A string constant cast to boolean is read as PostgreSQL's boolin reads it: t, true, y, yes, on,
 * 1 and f, false, n, no, off, 0, any unique prefix of those words, any case, surrounding spaces
 * ignored. DuckDB rejects 'on', 'off' and the prefixes, so the constant becomes 'true' or
 * 'false'. Text boolin would reject is left for DuckDB to reject (22P02 both).
 */
final class BooleanLiterals implements RewriteRule {
  private static final String[] TRUE_WORDS = {"true", "yes", "on", "1"};
  private static final String[] FALSE_WORDS = {"false", "no", "off", "0"};

  @Override
  public String name() {
    return "boolean-literals";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() != Token.Kind.STRING) {
        continue;
      }
      int type = CastTarget.typeStart(tokens, i);
      if (type < 0 || Operands.typeEnd(tokens, type) != type
          || !(tokens.get(type).isWord("boolean") || tokens.get(type).isWord("bool"))) {
        continue;
      }
      String text = Literals.stringValue(t);
      Boolean value = text == null ? null : read(text);
      if (value != null) {
        tokens.set(i, Literals.string(value.toString()));
      }
    }
  }

  /** boolin: the value, or null when PostgreSQL would reject the text. */
  static Boolean read(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      return null;
    }
    boolean t = matches(s, TRUE_WORDS);
    boolean f = matches(s, FALSE_WORDS);
    return t == f ? null : t;
  }

  /** A word, or a prefix of one; "o" alone is ambiguous (on, off) and matches neither side. */
  private static boolean matches(String s, String[] words) {
    for (String w : words) {
      boolean numeric = Character.isDigit(w.charAt(0));
      if (numeric ? s.equals(w) : w.startsWith(s) && !(s.equals("o"))) {
        return true;
      }
    }
    return false;
  }
}
