package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * An explicit cast to varchar(n) truncates to n characters in PostgreSQL ({@code
 * 'abcdef'::varchar(3)} is 'abc'); DuckDB keeps no length and would return the whole string. The
 * cast becomes {@code left(CAST(x AS VARCHAR), n)}. Column definitions are not casts and keep
 * their type; arrays of varchar(n) and a non-constant length are left alone.
 */
final class VarcharCasts implements RewriteRule {
  @Override
  public String name() {
    return "varchar-casts";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = tokens.size() - 1; i >= 0; i--) {
      Token t = tokens.get(i);
      if (t.is("::")) {
        shortCast(tokens, i);
      } else if (t.isWord("cast") && tokens.nextIs(i, "(") && !tokens.prevIs(i, ".")) {
        castCall(tokens, i);
      }
    }
  }

  /** The length n when {@code type..end} is varchar(n) or character varying(n), else -1. */
  static int length(Tokens tokens, int type, int end) {
    Token t = tokens.at(type);
    if (t == null || end < 0 || !tokens.get(end).is(")")) {
      return -1;
    }
    int open = tokens.next(type);
    if (t.isWord("character") && tokens.at(open) != null && tokens.get(open).isWord("varying")) {
      open = tokens.next(open);
    } else if (!t.isWord("varchar")) {
      return -1;
    }
    Token n = tokens.at(tokens.next(open));
    if (!tokens.get(open).is("(") || n == null || n.kind() != Token.Kind.NUMBER
        || tokens.next(tokens.next(open)) != end || !n.text().matches("\\d{1,9}")) {
      return -1;
    }
    return Integer.parseInt(n.text());
  }

  private static void shortCast(Tokens tokens, int op) {
    int type = tokens.next(op);
    int end = Operands.typeEnd(tokens, type);
    int n = length(tokens, type, end);
    int start = Operands.unitStart(tokens, tokens.prev(op));
    if (n < 0 || start < 0 || start > op) {
      return;
    }
    List<Token> operand = copy(tokens, start, tokens.prev(op));
    tokens.replace(start, end, truncated(operand, n));
  }

  private static void castCall(Tokens tokens, int cast) {
    int open = tokens.next(cast);
    int close = tokens.closing(open);
    if (close < 0) {
      return;
    }
    int as = tokens.firstTopLevel(open, close, k -> k.isWord("as"));
    if (as < 0) {
      return;
    }
    int type = tokens.next(as);
    int n = length(tokens, type, tokens.prev(close));
    if (n >= 0 && Operands.typeEnd(tokens, type) == tokens.prev(close)) {
      tokens.replace(cast, close, truncated(copy(tokens, tokens.next(open), tokens.prev(as)), n));
    }
  }

  private static List<Token> truncated(List<Token> operand, int n) {
    List<Token> out = new ArrayList<>(SqlLexer.lex("left(CAST("));
    out.addAll(operand);
    out.addAll(SqlLexer.lex(" AS VARCHAR), " + n + ")"));
    return out;
  }

  private static List<Token> copy(Tokens tokens, int from, int to) {
    List<Token> out = new ArrayList<>();
    for (int j = from; j <= to; j++) {
      out.add(tokens.get(j));
    }
    return out;
  }
}
