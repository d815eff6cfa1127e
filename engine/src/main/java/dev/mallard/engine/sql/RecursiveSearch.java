package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recursive CTE's {@code SEARCH DEPTH FIRST BY c, .. SET seq} or {@code SEARCH BREADTH FIRST BY
 * c, .. SET seq}, which DuckDB lacks, is computed as PostgreSQL defines it: seq is a column of the
 * CTE holding, depth first, the list of the BY columns' values along the path from the first row
 * (so ordering by seq visits each row's descendants right after it) or, breadth first, the
 * recursion depth followed by the BY columns. Only a CTE with a column list naming the BY columns,
 * one UNION [ALL] and a select list in each branch is rewritten; anything else is left to DuckDB.
 */
final class RecursiveSearch implements RewriteRule {
  @Override
  public String name() {
    return "recursive-search";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = tokens.size() - 1; i > 0; i--) {
      if (tokens.get(i).isWord("search") && tokens.prevIs(i, ")")) {
        rewrite(tokens, i);
      }
    }
  }

  private static void rewrite(Tokens tokens, int search) {
    int kind = tokens.next(search);
    int first = tokens.next(kind);
    int by = tokens.next(first);
    boolean depthFirst = isWord(tokens, kind, "depth");
    if (!(depthFirst || isWord(tokens, kind, "breadth")) || !isWord(tokens, first, "first")
        || !isWord(tokens, by, "by")) {
      return;
    }
    List<String> byColumns = new ArrayList<>();
    int j = tokens.next(by);
    while (tokens.at(j) != null && tokens.get(j).isIdentifier()) {
      byColumns.add(tokens.get(j).identifier());
      j = tokens.next(j);
      if (tokens.at(j) == null || !tokens.get(j).is(",")) {
        break;
      }
      j = tokens.next(j);
    }
    int set = j;
    int seq = tokens.next(set);
    if (byColumns.isEmpty() || !isWord(tokens, set, "set") || tokens.at(seq) == null
        || !tokens.get(seq).isIdentifier()) {
      return;
    }
    int bodyClose = tokens.prev(search);
    int bodyOpen = tokens.opening(bodyClose);
    int as = tokens.prev(bodyOpen);
    while (as > 0 && (isWord(tokens, as, "materialized") || isWord(tokens, as, "not"))) {
      as = tokens.prev(as);
    }
    int columnsClose = tokens.prev(as);
    if (!isWord(tokens, as, "as") || tokens.at(columnsClose) == null
        || !tokens.get(columnsClose).is(")")) {
      return;
    }
    int columnsOpen = tokens.opening(columnsClose);
    List<String> columns = new ArrayList<>();
    for (List<Token> c : SqlSyntaxCalls.parts(tokens, columnsOpen, columnsClose)) {
      columns.add(c.size() == 1 && c.get(0).isIdentifier() ? c.get(0).identifier() : null);
    }
    int union = tokens.firstTopLevel(bodyOpen, bodyClose, t -> t.isWord("union"));
    int recursiveSelect = union < 0 ? -1 : tokens.next(union);
    if (isWord(tokens, recursiveSelect, "all") || isWord(tokens, recursiveSelect, "distinct")) {
      recursiveSelect = tokens.next(recursiveSelect);
    }
    int baseSelect = tokens.next(bodyOpen);
    if (!isWord(tokens, baseSelect, "select") || !isWord(tokens, recursiveSelect, "select")) {
      return;
    }
    List<int[]> baseItems = items(tokens, baseSelect, union);
    List<int[]> recursiveItems = items(tokens, recursiveSelect, bodyClose);
    if (baseItems.size() != columns.size() || recursiveItems.size() != columns.size()) {
      return;
    }
    String seqName = tokens.get(seq).text();
    String base = value(tokens, baseItems, columns, byColumns, depthFirst, null);
    String step = value(tokens, recursiveItems, columns, byColumns, depthFirst, seqName);
    if (base == null || step == null) {
      return;
    }
    // edit from the end so that earlier indexes stay valid
    tokens.replace(search, seq, List.of());
    tokens.insert(recursiveItems.get(recursiveItems.size() - 1)[1] + 1, SqlLexer.lex(", " + step));
    tokens.insert(baseItems.get(baseItems.size() - 1)[1] + 1, SqlLexer.lex(", " + base));
    tokens.insert(columnsClose, SqlLexer.lex(", " + seqName));
  }

  /** The seq value of a branch whose items are given; {@code previous} names seq in the step. */
  private static String value(Tokens tokens, List<int[]> items, List<String> columns,
      List<String> byColumns, boolean depthFirst, String previous) {
    List<String> values = new ArrayList<>();
    StringBuilder fields = new StringBuilder();
    for (String by : byColumns) {
      int k = columns.indexOf(by);
      if (k < 0) {
        return null;
      }
      values.add("(" + tokens.text(items.get(k)[0], items.get(k)[1]) + ")");
      fields.append(", ").append(Literals.quote(by)).append(": ").append(values.get(values.size() - 1));
    }
    if (!depthFirst) {
      return "{'depth': " + (previous == null ? "0" : previous + ".depth + 1") + fields + "}";
    }
    String element = values.size() == 1 ? values.get(0) : "{" + fields.substring(2) + "}";
    return previous == null ? "[" + element + "]" : "list_append(" + previous + ", " + element + ")";
  }

  /** The select list items ({start, end}) after {@code select}, up to FROM or {@code limit}. */
  private static List<int[]> items(Tokens tokens, int select, int limit) {
    List<int[]> items = new ArrayList<>();
    int start = tokens.next(select);
    int depth = 0;
    for (int j = start; j >= 0 && j < limit; j = tokens.next(j)) {
      Token t = tokens.get(j);
      if (t.is("(") || t.is("[")) {
        depth++;
      } else if (t.is(")") || t.is("]")) {
        depth--;
      } else if (depth == 0 && (t.is(",") || t.isWord() && isClause(t))) {
        items.add(new int[] {start, tokens.prev(j)});
        if (!t.is(",")) {
          return items;
        }
        start = tokens.next(j);
      }
    }
    items.add(new int[] {start, tokens.prev(limit)});
    return items;
  }

  private static boolean isClause(Token t) {
    return List.of("from", "where", "group", "having", "window", "order", "limit")
        .contains(t.text().toLowerCase(Locale.ROOT));
  }

  private static boolean isWord(Tokens tokens, int i, String word) {
    return tokens.at(i) != null && tokens.get(i).isWord(word);
  }
}
