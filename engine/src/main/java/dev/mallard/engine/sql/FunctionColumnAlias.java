package dev.mallard.engine.sql;

import java.util.List;
import java.util.Set;

/**
 * In PostgreSQL, a set-returning function of one column in FROM with a table alias and no column
 * aliases ({@code FROM generate_series(0, 3) s}) names its column after the alias, so {@code s}
 * is the value; in DuckDB {@code s} would be the whole row. The alias gets a column alias list:
 * {@code generate_series(0, 3) s(s)}. Only PostgreSQL's single-column set-returning functions are
 * touched, since other table functions return several columns.
 */
final class FunctionColumnAlias implements RewriteRule {
  private static final Set<String> SCALAR_SRFS = Set.of("generate_series", "generate_subscripts",
      "unnest", "regexp_split_to_table", "pg_partition_ancestors");
  private static final Set<String> NOT_ALIASES = Set.of("where", "join", "left", "right", "inner",
      "outer", "full", "cross", "natural", "on", "using", "group", "order", "limit", "offset",
      "having", "window", "union", "intersect", "except", "with", "lateral", "as", "returning",
      "for", "fetch", "qualify");

  @Override
  public String name() {
    return "function-column-alias";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = 0; i < tokens.size(); i++) {
      Token fn = tokens.get(i);
      if (!fn.isIdentifier() || !SCALAR_SRFS.contains(fn.identifier()) || !tokens.nextIs(i, "(")
          || !inFromList(tokens, i)) {
        continue;
      }
      int close = tokens.closing(tokens.next(i));
      if (close < 0) {
        continue;
      }
      int alias = tokens.next(close);
      Token a = tokens.at(alias);
      if (a != null && a.isWord("as")) {
        alias = tokens.next(alias);
        a = tokens.at(alias);
      }
      if (a == null || !a.isIdentifier() || (a.isWord() && NOT_ALIASES.contains(a.identifier()))
          || tokens.nextIs(alias, "(") || tokens.nextIs(alias, ".")) {
        continue;
      }
      tokens.insert(alias + 1, List.of(Token.punct("("), a, Token.punct(")")));
    }
  }

  /** The call is a FROM item: FROM, JOIN or a comma of a FROM list comes before it. */
  private static boolean inFromList(Tokens tokens, int i) {
    int p = tokens.prev(i);
    if (tokens.prevIs(i, ".")) {
      p = tokens.prev(tokens.prev(p));
    }
    Token before = tokens.at(p);
    if (before == null) {
      return false;
    }
    if (before.isWord("from") || before.isWord("join") || before.isWord("lateral")) {
      return true;
    }
    if (!before.is(",")) {
      return false;
    }
    // A comma: part of a FROM list when FROM comes first at this nesting level.
    for (int j = tokens.prev(p); j >= 0; j = tokens.prev(j)) {
      Token t = tokens.get(j);
      if (t.is(")")) {
        j = tokens.opening(j);
        if (j < 0) {
          return false;
        }
      } else if (t.is("(") || t.isWord("select") || t.isWord("where")) {
        return false;
      } else if (t.isWord("from")) {
        return true;
      }
    }
    return false;
  }
}
