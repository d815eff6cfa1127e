package dev.mallard.engine.sql;

/**
 * PostgreSQL's default schema {@code public} is DuckDB's {@code main}: qualified names such as
 * {@code public.t} and {@code CREATE SCHEMA [IF NOT EXISTS] public} are sent to main.
 */
final class PublicSchema implements RewriteRule {
  @Override
  public String name() {
    return "public-schema";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isIdentifier() || !t.identifier().equals("public")) {
        continue;
      }
      if (tokens.nextIs(i, ".") || isCreateSchema(tokens, i)) {
        tokens.set(i, Token.word("main"));
      }
    }
  }

  private static boolean isCreateSchema(Tokens tokens, int i) {
    int p = tokens.prev(i);
    if (p >= 0 && tokens.get(p).isWord("exists")) {
      p = tokens.prev(tokens.prev(tokens.prev(p)));
    }
    Token schema = tokens.at(p);
    Token create = tokens.at(tokens.prev(p));
    return schema != null && schema.isWord("schema") && create != null && create.isWord("create");
  }
}
