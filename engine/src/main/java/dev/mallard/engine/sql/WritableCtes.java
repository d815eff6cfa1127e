package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A statement whose WITH clause holds INSERT, UPDATE or DELETE (PostgreSQL's data-modifying CTEs),
 * which DuckDB cannot run ("A CTE needs a SELECT"). The engine runs each data-modifying CTE on its
 * own first, then the statement with those CTEs' bodies replaced by the rows they returned.
 *
 * @param parts the data-modifying CTEs, in order: name and body (the INSERT, UPDATE or DELETE)
 */
public record WritableCtes(List<Part> parts, List<Token> tokens, List<int[]> bodies) {
  /** One data-modifying CTE: its name as written and its statement. */
  public record Part(String name, String sql) {}

  /** The data-modifying CTEs of {@code sql}, or null when its WITH clause has none. */
  public static WritableCtes of(String sql) {
    Tokens tokens = Tokens.of(sql);
    WithClause with = WithClause.of(tokens);
    if (with == null) {
      return null;
    }
    List<Part> parts = new ArrayList<>();
    List<int[]> bodies = new ArrayList<>();
    for (WithClause.Cte cte : with.ctes()) {
      Token verb = tokens.at(tokens.next(cte.open()));
      if (verb != null && (verb.isWord("insert") || verb.isWord("update")
          || verb.isWord("delete"))) {
        parts.add(new Part(cte.name().text(),
            tokens.text(tokens.next(cte.open()), tokens.prev(cte.close())).strip()));
        bodies.add(new int[] {cte.open(), cte.close()});
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    return new WritableCtes(List.copyOf(parts), tokens.copy(0, tokens.size() - 1), List.copyOf(bodies));
  }

  /**
   * The statement with each data-modifying CTE's body (parentheses excluded) replaced by the
   * query {@code replacements} gives for its name.
   */
  public String statement(Map<String, String> replacements) {
    StringBuilder sql = new StringBuilder();
    int from = 0;
    for (int n = 0; n < bodies.size(); n++) {
      int[] body = bodies.get(n);
      for (int k = from; k <= body[0]; k++) {
        sql.append(tokens.get(k).text());
      }
      sql.append(replacements.get(parts.get(n).name()));
      from = body[1];
    }
    for (int k = from; k < tokens.size(); k++) {
      sql.append(tokens.get(k).text());
    }
    return sql.toString();
  }
}
