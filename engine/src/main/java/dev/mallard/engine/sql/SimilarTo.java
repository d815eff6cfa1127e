package dev.mallard.engine.sql;

/**
 * {@code SIMILAR TO} patterns are SQL regular expressions: {@code %} and {@code _} are wildcards
 * and {@code .} is an ordinary character. DuckDB reads the pattern as a POSIX regular expression,
 * so a constant pattern is translated to one (as PostgreSQL's similar_to_escape does); both then
 * match the whole string. Patterns with an ESCAPE clause or not constant are left to DuckDB.
 */
final class SimilarTo implements RewriteRule {
  @Override
  public String name() {
    return "similar-to";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isWord("similar")) {
        continue;
      }
      int to = tokens.next(i);
      int pattern = tokens.next(to);
      Token p = tokens.at(pattern);
      String value = Literals.stringValue(p);
      Token after = tokens.at(tokens.next(pattern));
      if (tokens.at(to) == null || !tokens.get(to).isWord("to") || value == null
          || after != null && (after.isWord("escape") || after.is("::") || after.is("||"))) {
        continue;
      }
      tokens.set(pattern, Literals.string(toRegex(value)));
    }
  }

  static String toRegex(String pattern) {
    StringBuilder out = new StringBuilder();
    boolean inBrackets = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (inBrackets) {
        out.append(c);
        inBrackets = c != ']';
      } else if (c == '\\' && i + 1 < pattern.length()) {
        out.append('\\').append(pattern.charAt(++i));
      } else if (c == '%') {
        out.append(".*");
      } else if (c == '_') {
        out.append('.');
      } else if (c == '.' || c == '^' || c == '$') {
        out.append('\\').append(c);
      } else {
        inBrackets = c == '[';
        out.append(c);
      }
    }
    return out.toString();
  }
}
