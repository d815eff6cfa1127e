package dev.mallard.engine.sql;

import java.util.Map;

/**
 * Arithmetic of a real (float4) and a number constant is double precision in PostgreSQL, whose
 * operator resolution prefers float8 for real and integer or numeric ({@code 1::real / 3} is
 * 0.3333333333333333); DuckDB keeps FLOAT (0.33333334). A cast to real next to +, -, *, / or %
 * whose other operand is a bare number constant gets {@code ::DOUBLE} after it: the value is
 * still rounded to real first, then widened exactly, as PostgreSQL's float48 operators do. Only
 * constants are recognised: a column's type is not known here.
 */
final class Float4Arithmetic implements RewriteRule {
  private static final Map<String, Integer> PRECEDENCE = Map.of("+", 1, "-", 1, "*", 2, "/", 2,
      "%", 2);

  @Override
  public String name() {
    return "float4-arithmetic";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = tokens.size() - 1; i >= 0; i--) {
      if (!tokens.get(i).is("::")) {
        continue;
      }
      int type = tokens.next(i);
      int end = Operands.typeEnd(tokens, type);
      if (end < 0 || tokens.get(end).is("]") || tokens.nextIs(end, "::")
          || !PgTypeNames.of(tokens, type, end).equals("float4")) {
        continue;
      }
      int start = PrimaryOperands.start(tokens, tokens.prev(i));
      if (start >= 0 && (constantAfter(tokens, end) || constantBefore(tokens, start))) {
        tokens.insert(end + 1, SqlLexer.lex("::DOUBLE"));
      }
    }
  }

  /** {@code <cast> op n} where n is a number that is the whole right operand of op. */
  private static boolean constantAfter(Tokens tokens, int end) {
    int op = tokens.next(end);
    Integer level = precedence(tokens.at(op));
    int number = tokens.next(op);
    Token n = tokens.at(number);
    if (level == null || n == null || n.kind() != Token.Kind.NUMBER) {
      return false;
    }
    Token after = tokens.at(tokens.next(number));
    Integer next = precedence(after);
    return after == null || !(after.is("::") || after.is("[") || after.is("^")
        || next != null && next > level);
  }

  /** {@code n op <cast>} where n is a number that is the whole left operand of op. */
  private static boolean constantBefore(Tokens tokens, int start) {
    int op = tokens.prev(start);
    Integer level = precedence(tokens.at(op));
    int number = tokens.prev(op);
    Token n = tokens.at(number);
    if (level == null || n == null || n.kind() != Token.Kind.NUMBER) {
      return false;
    }
    Token before = tokens.at(tokens.prev(number));
    Integer previous = precedence(before);
    return before == null || !(before.is("::") || before.is(".") || before.is("^")
        || previous != null && previous >= level);
  }

  private static Integer precedence(Token t) {
    return t == null || t.kind() == Token.Kind.WORD ? null : PRECEDENCE.get(t.text());
  }
}
