package dev.mallard.engine.sql;

/**
 * PostgreSQL's {@code ~ ~* !~ !~*} find a POSIX regular expression anywhere in the string; DuckDB's
 * {@code ~} requires the whole string to match. Each becomes {@code regexp_matches(a, b)} (with
 * 'i' for the case-insensitive forms, NOT for the negated ones), which searches as PostgreSQL does.
 */
final class RegexOperators implements RewriteRule {
  @Override
  public String name() {
    return "regex-operators";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() != Token.Kind.OPERATOR) {
        continue;
      }
      String op = t.text();
      if (!(op.equals("~") || op.equals("~*") || op.equals("!~") || op.equals("!~*"))) {
        continue;
      }
      int[] ends = BinaryCalls.operands(tokens, i, Operands.OTHER);
      if (ends == null) {
        continue;
      }
      int left = ends[0];
      String[] flags = op.endsWith("*") ? new String[] {"'i'"} : new String[0];
      BinaryCalls.call(tokens, left, ends[1], op.startsWith("!") ? "NOT" : null, "regexp_matches",
          left, tokens.prev(i), tokens.next(i), ends[1], flags);
      i = left;
    }
  }
}
