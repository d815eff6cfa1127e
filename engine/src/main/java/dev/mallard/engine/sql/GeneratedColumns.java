package dev.mallard.engine.sql;

/**
 * {@code GENERATED ALWAYS AS (expr) STORED}: DuckDB computes generated columns when they are read
 * (VIRTUAL) and rejects STORED. PostgreSQL's generation expression must be immutable, so computing
 * it on read gives the values PostgreSQL stores; the key word is dropped.
 */
final class GeneratedColumns implements RewriteRule {
  @Override
  public String name() {
    return "generated-columns";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    int first = tokens.next(-1);
    if (tokens.at(first) == null || !(tokens.get(first).isWord("create")
        || tokens.get(first).isWord("alter"))) {
      return;
    }
    for (int i = tokens.size() - 1; i > 0; i--) {
      if (!tokens.get(i).isWord("stored") || !tokens.prevIs(i, ")")) {
        continue;
      }
      int open = tokens.opening(tokens.prev(i));
      int as = tokens.prev(open);
      int always = tokens.prev(as);
      int generated = tokens.prev(always);
      if (open >= 0 && isWord(tokens, as, "as") && isWord(tokens, always, "always")
          && isWord(tokens, generated, "generated")) {
        tokens.replace(tokens.prev(i) + 1, i, java.util.List.of());
      }
    }
  }

  private static boolean isWord(Tokens tokens, int i, String word) {
    return tokens.at(i) != null && tokens.get(i).isWord(word);
  }
}
