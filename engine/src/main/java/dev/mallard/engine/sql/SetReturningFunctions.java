package dev.mallard.engine.sql;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PostgreSQL's set-returning functions DuckDB lacks or treats as scalar. In FROM, the json ones
 * become a subquery over DuckDB's {@code json_each} with PostgreSQL's columns ({@code value}, or
 * {@code key, value}) and, without an alias, the function's name as the relation's. Elsewhere (a
 * select list), where PostgreSQL expands the rows, the call is unnested: DuckDB's {@code
 * generate_series(...)} in a select list is one list value, PostgreSQL's is a row per element
 * (and of timestamptz for dates, see {@link PgFunctionMacros}).
 * An alias of a scalar set-returning function in FROM also names its column.
 */
final class SetReturningFunctions implements RewriteRule {
  /** In FROM: the subquery, with %s for the argument list's text. */
  private static final Map<String, String> IN_FROM = Map.of(
      "json_array_elements", "(SELECT value FROM json_each(%s))",
      "jsonb_array_elements", "(SELECT value FROM json_each(%s))",
      "json_array_elements_text", "(SELECT value ->> '$' AS value FROM json_each(%s))",
      "jsonb_array_elements_text", "(SELECT value ->> '$' AS value FROM json_each(%s))",
      "json_each", "(SELECT key, value FROM json_each(%s))",
      "jsonb_each", "(SELECT key, value FROM json_each(%s))",
      "json_each_text", "(SELECT key, value ->> '$' AS value FROM json_each(%s))",
      "jsonb_each_text", "(SELECT key, value ->> '$' AS value FROM json_each(%s))",
      "json_object_keys", "(SELECT unnest(json_keys(%s)) AS json_object_keys)",
      "jsonb_object_keys", "(SELECT unnest(json_keys(%s)) AS jsonb_object_keys)");
  /** In a select list: the unnested expression. */
  private static final Map<String, String> IN_SELECT = Map.of(
      "json_array_elements", "unnest(json_extract(%s, '$[*]'))",
      "jsonb_array_elements", "unnest(json_extract(%s, '$[*]'))",
      "json_array_elements_text", "unnest(json_extract_string(%s, '$[*]'))",
      "jsonb_array_elements_text", "unnest(json_extract_string(%s, '$[*]'))",
      "json_object_keys", "unnest(json_keys(%s))",
      "jsonb_object_keys", "unnest(json_keys(%s))",
      "generate_series", "unnest(pg_generate_series(%s))");
  /**
   * Functions returning one scalar column: PostgreSQL's alias without a column list names that
   * column too ({@code FROM generate_series(1, 3) g} reads the numbers as {@code g}); DuckDB's
   * names only the row, so the column list {@code g(g)} is added.
   */
  private static final java.util.Set<String> SCALAR_IN_FROM = java.util.Set.of(
      "generate_series", "unnest");
  private static final java.util.Set<String> CLAUSE_WORDS = java.util.Set.of("select", "where",
      "on", "set", "having", "group", "order", "values", "returning", "using", "into");

  private static final java.util.Set<String> NOT_ALIAS = java.util.Set.of("where", "join", "left",
      "right", "inner", "full", "cross", "natural", "on", "using", "group", "order", "limit",
      "offset", "union", "intersect", "except", "window", "having", "qualify", "with", "for",
      "fetch", "returning", "lateral");

  @Override
  public String name() {
    return "set-returning-functions";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = tokens.size() - 1; i >= 0; i--) {
      Token t = tokens.get(i);
      if (!t.isWord() || !tokens.nextIs(i, "(") || tokens.prevIs(i, ".")) {
        continue;
      }
      String function = t.text().toLowerCase(Locale.ROOT);
      int open = tokens.next(i);
      int close = tokens.closing(open);
      if (close < 0 || !(IN_FROM.containsKey(function) || IN_SELECT.containsKey(function)
          || SCALAR_IN_FROM.contains(function))) {
        continue;
      }
      String args = tokens.text(open + 1, close - 1);
      boolean inFrom = inFrom(tokens, i);
      if (inFrom && SCALAR_IN_FROM.contains(function) && hasAlias(tokens, close)
          && (function.equals("generate_series") || tokens.firstTopLevel(open, close, k -> k.is(",")) < 0)) {
        nameTheColumnAfterTheAlias(tokens, close);
      } else if (inFrom && IN_FROM.containsKey(function)) {
        String replacement = String.format(IN_FROM.get(function), args);
        if (!hasAlias(tokens, close)) {
          replacement += " AS " + function;
        } else if (function.endsWith("object_keys")) {
          nameTheColumnAfterTheAlias(tokens, close);
        }
        tokens.replace(i, close, SqlLexer.lex(replacement));
      } else if (!inFrom && IN_SELECT.containsKey(function) && inSelectList(tokens, i)) {
        tokens.replace(i, close, SqlLexer.lex(String.format(IN_SELECT.get(function), args)));
      }
    }
  }

  /** True when the call at i is a FROM item: FROM or JOIN comes before any other clause. */
  private static boolean inFrom(Tokens tokens, int i) {
    for (int j = tokens.prev(i); j >= 0; j = tokens.prev(j)) {
      Token t = tokens.get(j);
      if (t.is(")") || t.is("]")) {
        j = tokens.opening(j);
        if (j < 0) {
          return false;
        }
        continue;
      }
      if (t.is("(")) {
        return false;
      }
      if (t.isWord("from") || t.isWord("join") || t.isWord("lateral")) {
        return true;
      }
      if (t.isWord() && CLAUSE_WORDS.contains(t.text().toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return false;
  }

  private static boolean inSelectList(Tokens tokens, int i) {
    for (int j = tokens.prev(i); j >= 0; j = tokens.prev(j)) {
      Token t = tokens.get(j);
      if (t.is(")") || t.is("]")) {
        j = tokens.opening(j);
        if (j < 0) {
          return false;
        }
        continue;
      }
      if (t.isWord("select")) {
        return true;
      }
      if (t.is("(") || t.isWord() && (CLAUSE_WORDS.contains(t.text().toLowerCase(Locale.ROOT))
          || t.isWord("from"))) {
        return false;
      }
    }
    return false;
  }

  /**
   * A function returning a scalar names its one column after the alias ({@code FROM f(x) k} reads
   * k's value as {@code k}); a subquery's alias names only the relation, so the column is named too.
   */
  private static void nameTheColumnAfterTheAlias(Tokens tokens, int close) {
    int alias = tokens.next(close);
    if (tokens.get(alias).isWord("as")) {
      alias = tokens.next(alias);
    }
    Token name = tokens.at(alias);
    if (name != null && name.isIdentifier() && !tokens.nextIs(alias, "(")) {
      tokens.insert(alias + 1, List.of(Token.punct("("), name, Token.punct(")")));
    }
  }

  private static boolean hasAlias(Tokens tokens, int close) {
    Token next = tokens.at(tokens.next(close));
    if (next == null) {
      return false;
    }
    if (next.isWord("as") || next.kind() == Token.Kind.QUOTED_IDENT) {
      return true;
    }
    return next.isWord() && !NOT_ALIAS.contains(next.text().toLowerCase(Locale.ROOT));
  }
}
