package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code PREPARE name (type, ...) AS statement}: DuckDB's PREPARE takes no parameter types, so
 * they move into the statement as casts of its parameters ({@code $1} becomes
 * {@code CAST($1 AS type)}), which is what PostgreSQL's declared types mean for their values.
 * Runs before the type-name rules, which then map the types like any other.
 */
final class PrepareTypes implements RewriteRule {
  @Override
  public String name() {
    return "prepare-types";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    int prepare = tokens.next(-1);
    Token first = tokens.at(prepare);
    int name = tokens.next(prepare);
    if (first == null || !first.isWord("prepare") || tokens.at(name) == null
        || !tokens.at(name).isIdentifier() || !tokens.nextIs(name, "(")) {
      return;
    }
    int open = tokens.next(name);
    int close = tokens.closing(open);
    Token as = tokens.at(tokens.next(close));
    if (close < 0 || as == null || !as.isWord("as")) {
      return;
    }
    List<List<Token>> types = new ArrayList<>();
    for (int from = open, comma; from < close; from = comma) {
      comma = tokens.firstTopLevel(from, close, t -> t.is(","));
      comma = comma < 0 ? close : comma;
      types.add(tokens.copy(tokens.next(from), tokens.prev(comma)));
    }
    for (int i = tokens.size() - 1; i > close; i--) {
      Token t = tokens.get(i);
      if (t.kind() != Token.Kind.PARAM) {
        continue;
      }
      int n = Integer.parseInt(t.text().substring(1));
      if (n >= 1 && n <= types.size()) {
        List<Token> cast = new ArrayList<>(SqlLexer.lex("CAST("));
        cast.add(t);
        cast.addAll(SqlLexer.lex(" AS "));
        cast.addAll(types.get(n - 1));
        cast.add(Token.punct(")"));
        tokens.replace(i, i, cast);
      }
    }
    tokens.replace(open, close, List.of());
  }
}
