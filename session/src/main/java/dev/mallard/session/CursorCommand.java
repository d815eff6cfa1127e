package dev.mallard.session;

import dev.mallard.engine.sql.SqlLexer;
import dev.mallard.engine.sql.Token;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * FETCH / MOVE [direction] [FROM | IN] name, and CLOSE { name | ALL }, as PostgreSQL's grammar
 * reads them. Every direction comes down to one of four: FORWARD or BACKWARD {@code count} rows
 * ({@link #ALL} for ALL), or ABSOLUTE or RELATIVE {@code count} (NEXT is FORWARD 1, PRIOR
 * BACKWARD 1, FIRST ABSOLUTE 1, LAST ABSOLUTE -1, a negative count goes backward and a count of
 * zero is RELATIVE 0, the current row).
 *
 * @param cursor the cursor's name, or null for CLOSE ALL
 */
record CursorCommand(String cursor, Direction direction, long count) {
  static final long ALL = Long.MAX_VALUE;

  enum Direction { FORWARD, BACKWARD, ABSOLUTE, RELATIVE }

  /** Whether only rows after the current one are read: what a cursor without SCROLL can do. */
  boolean forward() {
    return direction == Direction.FORWARD;
  }

  static CursorCommand parseFetch(String sql) {
    List<Token> w = words(sql);
    int i = 1; // after FETCH or MOVE
    long count = 1;
    Direction direction = Direction.FORWARD;
    String first = word(w, i);
    switch (first) {
      case "NEXT":
        i++;
        break;
      case "PRIOR":
        direction = Direction.BACKWARD;
        i++;
        break;
      case "FIRST": case "LAST":
        direction = Direction.ABSOLUTE;
        count = first.equals("FIRST") ? 1 : -1;
        i++;
        break;
      case "ABSOLUTE": case "RELATIVE":
        direction = Direction.valueOf(first);
        if (numberLength(w, i + 1) == 0) {
          throw syntaxError(w, i + 1);
        }
        count = number(w, i + 1);
        i += 1 + numberLength(w, i + 1);
        break;
      case "ALL":
        count = ALL;
        i++;
        break;
      case "FORWARD": case "BACKWARD":
        direction = Direction.valueOf(first);
        i++;
        if (word(w, i).equals("ALL")) {
          count = ALL;
          i++;
        } else if (numberLength(w, i) > 0) {
          count = number(w, i);
          i += numberLength(w, i);
        }
        break;
      default:
        if (numberLength(w, i) > 0) {
          count = number(w, i);
          i += numberLength(w, i);
        }
    }
    if (direction == Direction.FORWARD || direction == Direction.BACKWARD) {
      if (count == 0) {
        direction = Direction.RELATIVE; // FETCH 0 re-reads the current row
      } else if (count < 0) {
        direction = direction == Direction.FORWARD ? Direction.BACKWARD : Direction.FORWARD;
        count = -count;
      }
    }
    if (word(w, i).equals("FROM") || word(w, i).equals("IN")) {
      i++;
    }
    String name = name(w, i);
    return new CursorCommand(name, direction, count);
  }

  static CursorCommand parseClose(String sql) {
    List<Token> w = words(sql);
    if (word(w, 1).equals("ALL") && w.size() == 2) {
      return new CursorCommand(null, Direction.FORWARD, 0);
    }
    return new CursorCommand(name(w, 1), Direction.FORWARD, 0);
  }

  private static String name(List<Token> w, int i) {
    if (i >= w.size() || !w.get(i).isIdentifier()) {
      throw syntaxError(w, i);
    }
    if (i + 1 < w.size()) {
      throw syntaxError(w, i + 1);
    }
    return w.get(i).identifier();
  }

  private static PgException syntaxError(List<Token> w, int i) {
    return new PgException(SqlState.SYNTAX_ERROR, i >= w.size()
        ? "syntax error at end of input" : "syntax error at or near \"" + w.get(i).text() + "\"");
  }

  /** Tokens of the statement without spaces, comments and a trailing semicolon. */
  private static List<Token> words(String sql) {
    List<Token> out = new ArrayList<>();
    for (Token t : SqlLexer.lex(sql)) {
      if (t.kind() != Token.Kind.SPACE && !t.is(";")) {
        out.add(t);
      }
    }
    return out;
  }

  private static String word(List<Token> w, int i) {
    return i < w.size() && w.get(i).isWord() ? w.get(i).text().toUpperCase(java.util.Locale.ROOT) : "";
  }

  /** How many tokens a signed integer at {@code i} takes: 0 (none), 1 or 2 (with a sign). */
  private static int numberLength(List<Token> w, int i) {
    if (i < w.size() && w.get(i).kind() == Token.Kind.NUMBER) {
      return 1;
    }
    if (i + 1 < w.size() && (w.get(i).is("-") || w.get(i).is("+"))
        && w.get(i + 1).kind() == Token.Kind.NUMBER) {
      return 2;
    }
    return 0;
  }

  private static long number(List<Token> w, int i) {
    boolean negative = w.get(i).is("-");
    String digits = w.get(i + (numberLength(w, i) == 2 ? 1 : 0)).text();
    try {
      long n = Long.parseLong(digits);
      return negative ? -n : n;
    } catch (NumberFormatException e) {
      throw syntaxError(w, i);
    }
  }
}
