package dev.mallard.engine.sql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL raises 22012 "division by zero" for {@code x / 0} and {@code x % 0}; DuckDB returns
 * NULL or Infinity. The divisor of each {@code /} and {@code %} is wrapped in the session macro
 * {@value #GUARD} (see {@link SessionMacros}), which fails on zero and otherwise returns its
 * argument unchanged, type included. A divisor that is a non-zero number, or whose extent is
 * uncertain, is left alone; so is a bare parameter, whose type DuckDB infers from the dividend.
 * Integer division itself (5 / 2 = 2) is DuckDB's integer_division setting ({@link SessionMacros}).
 */
final class DivisionByZero implements RewriteRule {
  static final String GUARD = "mallard_nonzero";

  @Override
  public String name() {
    return "division-by-zero";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!(t.is("/") || t.is("%"))) {
        continue;
      }
      int start = tokens.next(i);
      int end = Operands.rightEnd(tokens, i, Operands.MULTIPLY);
      int left = Operands.leftStart(tokens, i, Operands.MULTIPLY);
      if (start < 0 || end < 0 || left < 0) {
        continue;
      }
      if (!(start == end && isSafe(tokens.get(start)))) {
        List<Token> wrapped = new ArrayList<>();
        wrapped.add(Token.word(GUARD));
        wrapped.add(Token.punct("("));
        for (int j = start; j <= end; j++) {
          wrapped.add(tokens.get(j));
        }
        wrapped.add(Token.punct(")"));
        tokens.replace(start, end, wrapped);
        end = start + wrapped.size() - 1;
      }
      if (t.is("/") && isInterval(tokens, left, i)) {
        BinaryCalls.call(tokens, left, end, null, "\"/\"", left, tokens.prev(i), start, end);
      }
    }
  }

  /**
   * An interval dividend, as far as the text shows (an interval constant or cast, age()). The
   * session's integer_division makes DuckDB read / as //, which has no interval form, so these
   * call DuckDB's / function by name. An interval column divided by a number is not seen here and
   * fails with 42883.
   */
  private static boolean isInterval(Tokens tokens, int from, int op) {
    for (int j = from; j < op; j++) {
      Token t = tokens.get(j);
      if (t.isWord("interval") || t.isWord("age") && tokens.nextIs(j, "(")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSafe(Token divisor) {
    if (divisor.kind() == Token.Kind.PARAM) {
      return true;
    }
    if (divisor.kind() != Token.Kind.NUMBER) {
      return false;
    }
    try {
      return new BigDecimal(divisor.text().replace("_", "")).signum() != 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
