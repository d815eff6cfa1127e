package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;

/** Replaces a binary operator and its two operands by a function call built from them. */
final class BinaryCalls {
  private BinaryCalls() {}

  /** The operands of the operator at {@code op}: {leftStart, rightEnd}, or null when uncertain. */
  static int[] operands(Tokens tokens, int op, int level) {
    int left = Operands.leftStart(tokens, op, level);
    int right = Operands.rightEnd(tokens, op, level);
    return left < 0 || right < 0 ? null : new int[] {left, right};
  }

  /**
   * Replaces tokens {@code from..to} by {@code (prefix name(a, b, extra...))}, a being tokens
   * aStart..aEnd and b bStart..bEnd. Parenthesised, so the call binds as tightly as the operator.
   */
  static void call(Tokens tokens, int from, int to, String prefix, String name, int aStart, int aEnd,
      int bStart, int bEnd, String... extra) {
    List<Token> out = new ArrayList<>();
    out.add(Token.punct("("));
    if (prefix != null) {
      out.add(Token.word(prefix));
      out.add(new Token(Token.Kind.SPACE, " "));
    }
    out.add(Token.word(name));
    out.add(Token.punct("("));
    copy(tokens, aStart, aEnd, out);
    out.add(Token.punct(","));
    out.add(new Token(Token.Kind.SPACE, " "));
    copy(tokens, bStart, bEnd, out);
    for (String e : extra) {
      out.add(Token.punct(","));
      out.add(new Token(Token.Kind.SPACE, " "));
      out.addAll(SqlLexer.lex(e));
    }
    out.add(Token.punct(")"));
    out.add(Token.punct(")"));
    tokens.replace(from, to, out);
  }

  static void copy(Tokens tokens, int from, int to, List<Token> out) {
    for (int j = from; j <= to; j++) {
      out.add(tokens.get(j));
    }
  }
}
