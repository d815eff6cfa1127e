package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code PREPARE name (type, ...) AS statement}: DuckDB's PREPARE takes no parameter types, so the
 * list is dropped and each {@code $n} of the statement is cast to its declared type, which is what
 * the list means in PostgreSQL (EXECUTE's arguments are converted to those types).
 */
final class PrepareTypes implements RewriteRule {
  @Override
  public String name() {
    return "prepare-types";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    int prepare = tokens.next(-1);
    int name = tokens.next(prepare);
    int open = tokens.next(name);
    if (tokens.at(prepare) == null || !tokens.get(prepare).isWord("prepare")
        || tokens.at(open) == null || !tokens.get(open).is("(")) {
      return;
    }
    int close = tokens.closing(open);
    int as = tokens.next(close);
    if (close < 0 || tokens.at(as) == null || !tokens.get(as).isWord("as")) {
      return;
    }
    List<List<Token>> types = SqlSyntaxCalls.parts(tokens, open, close);
    for (int i = tokens.size() - 1; i > as; i--) {
      Token t = tokens.get(i);
      if (t.kind() != Token.Kind.PARAM || !t.text().startsWith("$")) {
        continue;
      }
      int n = Integer.parseInt(t.text().substring(1));
      if (n < 1 || n > types.size() || types.get(n - 1).isEmpty()) {
        continue;
      }
      List<Token> cast = new ArrayList<>(List.of(Token.word("CAST"), Token.punct("("), t));
      cast.addAll(SqlLexer.lex(" AS "));
      cast.addAll(types.get(n - 1));
      cast.add(Token.punct(")"));
      tokens.replace(i, i, cast);
    }
    tokens.replace(open, tokens.prev(as), List.of());
  }
}
