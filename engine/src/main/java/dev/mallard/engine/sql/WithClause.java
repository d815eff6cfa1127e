package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The top-level WITH clause of a statement, read from its tokens: {@code WITH [RECURSIVE] name
 * [(columns)] AS [NOT] [MATERIALIZED] (body), ...} and where the statement it leads into starts.
 *
 * @param ctes each CTE: its name token and the indexes of its body's parentheses
 * @param main the first token of the statement after the clause
 */
record WithClause(List<Cte> ctes, int main) {
  record Cte(Token name, int open, int close) {}

  /** The clause of a statement that starts with WITH, or null (no WITH, or not read). */
  static WithClause of(Tokens tokens) {
    int j = tokens.next(-1);
    if (j < 0 || !tokens.get(j).isWord("with")) {
      return null;
    }
    j = tokens.next(j);
    if (tokens.at(j) != null && tokens.get(j).isWord("recursive")) {
      j = tokens.next(j);
    }
    List<Cte> ctes = new ArrayList<>();
    while (tokens.at(j) != null && tokens.get(j).isIdentifier()) {
      Token name = tokens.get(j);
      j = tokens.next(j);
      if (tokens.at(j) != null && tokens.get(j).is("(")) {
        j = after(tokens, j);
      }
      if (tokens.at(j) == null || !tokens.get(j).isWord("as")) {
        return null;
      }
      j = tokens.next(j);
      while (tokens.at(j) != null && (tokens.get(j).isWord("not")
          || tokens.get(j).isWord("materialized"))) {
        j = tokens.next(j);
      }
      if (tokens.at(j) == null || !tokens.get(j).is("(") || tokens.closing(j) < 0) {
        return null;
      }
      ctes.add(new Cte(name, j, tokens.closing(j)));
      j = after(tokens, j);
      if (tokens.at(j) == null || !tokens.get(j).is(",")) {
        return j < 0 ? null : new WithClause(List.copyOf(ctes), j);
      }
      j = tokens.next(j);
    }
    return null;
  }

  private static int after(Tokens tokens, int open) {
    int close = tokens.closing(open);
    return close < 0 ? -1 : tokens.next(close);
  }
}
