package dev.mallard.engine.sql;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.Locale;
import java.util.Set;

/**
 * The condition of WHERE and HAVING must be boolean in PostgreSQL ({@code WHERE 1} is 42804
 * "argument of WHERE must be type boolean, not type integer"); DuckDB casts an integer condition
 * to boolean and filters by it. A condition whose type the text alone settles (a numeric constant,
 * or a cast to a named type other than boolean, possibly in parentheses) is rejected as
 * PostgreSQL rejects it. Conditions whose type only DuckDB knows are left to DuckDB: wrapping
 * every condition in a typed check crashed DuckDB 1.5.5 inside doubly nested correlated
 * subqueries.
 */
final class ConditionTypes implements RewriteRule {
  private static final Set<String> CLAUSES = Set.of("where", "having");
  private static final Set<String> CLAUSE_END = Set.of("group", "having", "window", "order",
      "limit", "offset", "union", "intersect", "except", "fetch", "for", "returning", "qualify",
      "on", "do");
  private static final Set<String> BOOLEAN = Set.of("bool", "boolean", "pg_catalog.bool");

  @Override
  public String name() {
    return "condition-types";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isWord() && CLAUSES.contains(t.text().toLowerCase(Locale.ROOT))) {
        check(tokens, t.text().toUpperCase(Locale.ROOT), i);
      }
    }
  }

  private static void check(Tokens tokens, String clause, int keyword) {
    int first = tokens.next(keyword);
    int last = conditionEnd(tokens, first);
    while (first >= 0 && last > first && tokens.get(first).is("(")
        && tokens.closing(first) == last) {
      first = tokens.next(first);
      last = tokens.prev(last);
    }
    if (first < 0 || last < first) {
      return;
    }
    String type = PgTypeof.evidentType(tokens, first, last);
    if (type != null && !type.equals("unknown")
        && !BOOLEAN.contains(type.toLowerCase(Locale.ROOT))) {
      throw new PgException(SqlState.DATATYPE_MISMATCH, "argument of " + clause
          + " must be type boolean, not type " + type);
    }
  }

  /** The last token of the condition that starts at {@code first}, or -1. */
  private static int conditionEnd(Tokens tokens, int first) {
    if (first < 0) {
      return -1;
    }
    int end = tokens.topLevelEnd(first, j -> {
      Token k = tokens.get(j);
      return k.is(";") || k.is(",")
          || k.isWord() && CLAUSE_END.contains(k.text().toLowerCase(Locale.ROOT));
    });
    return end == first ? -1 : tokens.prev(end);
  }
}
