package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * VALUES lists name their columns column1, column2, .. in PostgreSQL (DuckDB: col0, col1, ..). A
 * statement that is a VALUES list becomes {@code SELECT * FROM (VALUES ..) AS "*VALUES*"(column1,
 * ..)}, keeping its ORDER BY and LIMIT; a VALUES list in FROM with an alias but no column list
 * gets the column list. Rows of unequal width, or anything else, are left to DuckDB.
 */
final class ValuesColumns implements RewriteRule {
  @Override
  public String name() {
    return "values-columns";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = tokens.size() - 1; i >= 0; i--) {
      if (!tokens.get(i).isWord("values")) {
        continue;
      }
      int before = tokens.prev(i);
      if (before < 0) {
        topLevel(tokens, i);
      } else if (tokens.get(before).is("(") && isFromItemStart(tokens.at(tokens.prev(before)))) {
        inFrom(tokens, before, i);
      }
    }
  }

  /** The number of columns of the rows from {@code values}, and the last row's ")" index. */
  private static int[] rows(Tokens tokens, int values) {
    int width = -1;
    int j = tokens.next(values);
    int last = -1;
    while (j >= 0 && tokens.get(j).is("(")) {
      int close = tokens.closing(j);
      if (close < 0) {
        return null;
      }
      int w = width(tokens, j, close);
      if (width >= 0 && w != width) {
        return null;
      }
      width = w;
      last = close;
      j = tokens.nextIs(close, ",") ? tokens.next(tokens.next(close)) : -1;
    }
    return width > 0 ? new int[] {width, last} : null;
  }

  private static int width(Tokens tokens, int open, int close) {
    return tokens.allTopLevel(open, close, k -> k.is(",")).size() + 1;
  }

  private static void topLevel(Tokens tokens, int values) {
    int[] rows = rows(tokens, values);
    if (rows == null) {
      return;
    }
    tokens.insert(rows[1] + 1, SqlLexer.lex(") AS \"*VALUES*\"" + columnList(rows[0])));
    tokens.insert(values, SqlLexer.lex("SELECT * FROM ("));
  }

  private static void inFrom(Tokens tokens, int open, int values) {
    int close = tokens.closing(open);
    int[] rows = rows(tokens, values);
    if (close < 0 || rows == null || tokens.next(rows[1]) != close) {
      return;
    }
    int alias = tokens.next(close);
    if (tokens.at(alias) != null && tokens.get(alias).isWord("as")) {
      alias = tokens.next(alias);
    }
    Token a = tokens.at(alias);
    if (a == null || !a.isIdentifier() || a.isWord() && Operands.level(a) >= 0
        || tokens.nextIs(alias, "(") || isClauseWord(a)) {
      return;
    }
    tokens.insert(alias + 1, SqlLexer.lex(columnList(rows[0])));
  }

  /** What comes before a FROM item's parenthesis: FROM, JOIN, or a comma of the FROM list. */
  private static boolean isFromItemStart(Token t) {
    return t != null && (t.isWord("from") || t.isWord("join") || t.is(",") || t.isWord("lateral"));
  }

  private static boolean isClauseWord(Token t) {
    return t.isWord() && List.of("where", "join", "left", "right", "inner", "full", "cross", "on",
        "group", "order", "limit", "union", "natural", "using", "window", "having", "offset")
        .contains(t.text().toLowerCase(java.util.Locale.ROOT));
  }

  private static String columnList(int width) {
    List<String> names = new ArrayList<>();
    for (int n = 1; n <= width; n++) {
      names.add("column" + n);
    }
    return "(" + String.join(", ", names) + ")";
  }
}
