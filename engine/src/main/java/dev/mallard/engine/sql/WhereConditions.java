package dev.mallard.engine.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL requires a WHERE condition to be boolean and rejects {@code WHERE 1} when the
 * statement is analysed (42804); DuckDB casts the integer to boolean. Each WHERE condition of a
 * query or DML statement becomes {@code pg_where(condition)}, a session macro whose only overload
 * takes BOOLEAN, so DuckDB's binder rejects any other type before running anything (NULL and
 * parameters become boolean, as in PostgreSQL). A lone string constant, which PostgreSQL reads
 * as boolean, {@code WHERE CURRENT OF}, and DuckDB's COLUMNS(..) are left alone.
 */
final class WhereConditions implements RewriteRule {
  static final String MACRO = "pg_where";
  private static final Set<String> STATEMENTS = Set.of("select", "with", "update", "delete",
      "insert", "values");
  private static final Set<String> CONDITION_END = Set.of("group", "having", "window", "order",
      "limit", "offset", "fetch", "union", "intersect", "except", "returning", "qualify", "for",
      "on", "do");

  @Override
  public String name() {
    return "where-conditions";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    Token first = tokens.at(tokens.next(-1));
    if (first == null || !first.isWord() || !STATEMENTS.contains(first.text().toLowerCase(Locale.ROOT))) {
      return;
    }
    for (int i = tokens.size() - 1; i >= 0; i--) {
      if (!tokens.get(i).isWord("where") || tokens.prevIs(i, ".")) {
        continue;
      }
      int from = tokens.next(i);
      int to = conditionEnd(tokens, from);
      if (from < 0 || to < from || tokens.get(from).isWord("current") || untyped(tokens, from, to)) {
        continue;
      }
      tokens.insert(to + 1, List.of(Token.punct(")")));
      tokens.insert(from, List.of(Token.word(MACRO), Token.punct("(")));
    }
  }

  /** The last token of the condition starting at {@code from}, or -1 when unsure. */
  private static int conditionEnd(Tokens tokens, int from) {
    int depth = 0;
    int last = -1;
    for (int j = from; j >= 0 && j < tokens.size(); j = tokens.next(j)) {
      Token t = tokens.get(j);
      if (t.is("(") || t.is("[")) {
        depth++;
      } else if (t.is(")") || t.is("]")) {
        if (--depth < 0) {
          return last;
        }
      } else if (depth == 0 && (t.is(";") || t.isWord() && !tokens.prevIs(j, ".")
          && CONDITION_END.contains(t.text().toLowerCase(Locale.ROOT)))) {
        return last;
      } else if (t.isWord("columns") && tokens.nextIs(j, "(")) {
        return -1;
      }
      last = j;
    }
    return last;
  }

  private static boolean untyped(Tokens tokens, int from, int to) {
    return from == to && tokens.get(from).kind() == Token.Kind.STRING;
  }
}
