package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Subscripts of pg_index's int2vector columns count from 0 in PostgreSQL ({@code i.indkey[0]} is
 * the first key column, as psqlODBC's SQLPrimaryKeys reads it); the emulation holds them as DuckDB
 * lists, which count from 1. In a statement that reads pg_index, {@code indkey[e]} and
 * {@code indoption[e]} become {@code indkey[(e) + 1]}. Slices are left alone.
 */
final class VectorSubscripts implements RewriteRule {
  private static final Set<String> COLUMNS = Set.of("indkey", "indoption");

  @Override
  public String name() {
    return "vector-subscripts";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    if (context.catalog() == null || !readsPgIndex(tokens)) {
      return;
    }
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isIdentifier() || !COLUMNS.contains(t.identifier()) || !tokens.nextIs(i, "[")) {
        continue;
      }
      int open = tokens.next(i);
      int close = tokens.closing(open);
      if (close < 0 || tokens.next(open) == close
          || tokens.firstTopLevel(open, close, k -> k.is(":")) >= 0) {
        continue;
      }
      List<Token> index = new ArrayList<>();
      index.add(Token.punct("("));
      index.addAll(tokens.copy(tokens.next(open), tokens.prev(close)));
      index.add(Token.punct(")"));
      index.addAll(SqlLexer.lex(" + 1"));
      tokens.replace(tokens.next(open), tokens.prev(close), index);
    }
  }

  private static boolean readsPgIndex(Tokens tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isIdentifier() && t.identifier().equals("pg_index") && !tokens.nextIs(i, "(")) {
        return true;
      }
    }
    return false;
  }
}
