package dev.mallard.engine.sql;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.List;

/**
 * Interval constants ({@code interval '..'}, {@code '..'::interval}, {@code CAST('..' AS
 * interval)}) in PostgreSQL's input syntax, which DuckDB reads only in part ("1 month - 1 day",
 * "-1 year -2 mons +3 days", "P1Y2M3DT4H" and "1:30" fail there), are rewritten as the months,
 * days and microseconds PostgreSQL reads ({@link PgIntervalText}), which DuckDB reads exactly.
 * A constant naming a unit PostgreSQL does not know is rejected with PostgreSQL's 22007; other
 * text PostgreSQL would not accept, and constants with a field qualifier, are left to DuckDB.
 */
final class IntervalLiterals implements RewriteRule {
  private static final java.util.Set<String> QUALIFIERS = java.util.Set.of("year", "month", "day",
      "hour", "minute", "second");

  @Override
  public String name() {
    return "interval-literals";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() != Token.Kind.STRING || !isInterval(tokens, i)) {
        continue;
      }
      String text = Literals.stringValue(t);
      long[] value = text == null ? null : PgIntervalText.parse(text);
      if (value != null) {
        tokens.set(i, Literals.string(value[0] + " months " + value[1] + " days " + value[2]
            + " microseconds"));
      } else if (text != null && PgIntervalText.unknownUnit(text) != null) {
        // PostgreSQL rejects the constant when the statement is parsed (DuckDB would report an
        // unknown unit as it reports one of date_trunc, with another SQLSTATE)
        throw new PgException(SqlState.INVALID_DATETIME_FORMAT,
            "invalid input syntax for type interval: \"" + text + "\"");
      }
    }
  }

  private static boolean isInterval(Tokens tokens, int i) {
    int type = CastTarget.typeStart(tokens, i);
    if (type >= 0) {
      return tokens.get(type).isWord("interval") && Operands.typeEnd(tokens, type) == type;
    }
    int prev = tokens.prev(i);
    Token p = tokens.at(prev);
    Token after = tokens.at(tokens.next(i));
    return p != null && p.isWord("interval") && !tokens.prevIs(prev, "::") && !tokens.prevIs(prev, ".")
        && !(after != null && after.isWord() && QUALIFIERS.contains(after.text().toLowerCase(
            java.util.Locale.ROOT)));
  }
}
