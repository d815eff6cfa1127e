package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ORDER BY o FETCH FIRST n ROWS WITH TIES} (rows tied with the last one come too), which
 * DuckDB cannot parse, becomes {@code QUALIFY rank() OVER (ORDER BY o) <= n ORDER BY o}: rank
 * counts the rows before a row's peers, so the filter keeps exactly the first n rows and their
 * ties. Left alone with an OFFSET, a set operation, DISTINCT or an ORDER BY position.
 */
final class FetchWithTies implements RewriteRule {
  private static final Set<String> BLOCKERS = Set.of("offset", "union", "intersect", "except",
      "distinct", "limit");

  @Override
  public String name() {
    return "fetch-with-ties";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = tokens.size() - 1; i >= 0; i--) {
      if (tokens.get(i).isWord("fetch")) {
        rewrite(tokens, i);
      }
    }
  }

  private static boolean isWordAt(Tokens tokens, int i, String word) {
    Token t = tokens.at(i);
    return t != null && t.isWord(word);
  }

  private static void rewrite(Tokens tokens, int fetch) {
    int j = tokens.next(fetch);
    if (!isWordAt(tokens, j, "first") && !isWordAt(tokens, j, "next")) {
      return;
    }
    j = tokens.next(j);
    List<Token> count = List.of(new Token(Token.Kind.NUMBER, "1"));
    if (!isWordAt(tokens, j, "row") && !isWordAt(tokens, j, "rows")) {
      Token n = tokens.at(j);
      if (n == null || !(n.kind() == Token.Kind.NUMBER || n.kind() == Token.Kind.PARAM)) {
        return;
      }
      count = List.of(n);
      j = tokens.next(j);
    }
    if (!isWordAt(tokens, j, "row") && !isWordAt(tokens, j, "rows")
        || !isWordAt(tokens, tokens.next(j), "with")
        || !isWordAt(tokens, tokens.next(tokens.next(j)), "ties")) {
      return;
    }
    int end = tokens.next(tokens.next(j));
    int order = orderBy(tokens, fetch);
    if (order < 0) {
      return;
    }
    List<Token> items = tokens.copy(tokens.next(tokens.next(order)), tokens.prev(fetch));
    if (positional(items)) {
      return;
    }
    List<Token> qualify = new ArrayList<>(SqlLexer.lex("QUALIFY rank() OVER (ORDER BY "));
    qualify.addAll(items);
    qualify.addAll(SqlLexer.lex(") <= "));
    qualify.addAll(count);
    qualify.addAll(SqlLexer.lex(" "));
    tokens.replace(fetch, end, List.of());
    tokens.insert(order, qualify);
  }

  /** The ORDER of this query level's ORDER BY before {@code fetch}, or -1 when unsafe. */
  private static int orderBy(Tokens tokens, int fetch) {
    int depth = 0;
    int order = -1;
    for (int j = tokens.prev(fetch); j >= 0; j = tokens.prev(j)) {
      Token k = tokens.get(j);
      if (k.is(";")) {
        break;
      } else if (k.is(")") || k.is("]")) {
        depth++;
      } else if (k.is("(") || k.is("[")) {
        if (--depth < 0) {
          break;
        }
      } else if (depth == 0 && k.isWord()) {
        String w = k.text().toLowerCase(Locale.ROOT);
        if (BLOCKERS.contains(w)) {
          return -1;
        }
        if (w.equals("order") && isWordAt(tokens, tokens.next(j), "by") && order < 0) {
          order = j;
        }
      }
    }
    return order;
  }

  private static boolean positional(List<Token> items) {
    int depth = 0;
    boolean start = true;
    for (Token t : items) {
      if (t.kind() == Token.Kind.SPACE) {
        continue;
      }
      if (depth == 0 && start && t.kind() == Token.Kind.NUMBER) {
        return true;
      }
      start = depth == 0 && t.is(",");
      depth += t.is("(") ? 1 : t.is(")") ? -1 : 0;
    }
    return false;
  }
}
