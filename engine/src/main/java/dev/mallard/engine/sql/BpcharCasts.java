package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code x::char(n)} is bpchar in PostgreSQL: blank-padded (or cut) to n characters, and sent as
 * type bpchar (1042). DuckDB has no such type and would keep the text as it is. A cast to
 * char(n), character(n), char (one character) or bpchar that is a whole item of a select list
 * becomes {@code union_value(bpchar := rpad(CAST(x AS VARCHAR), n))}: a one-member UNION whose tag
 * the wire announces as bpchar, as the reg-casts rule does for regtype. Elsewhere (inside an
 * expression, where bpchar's trailing blanks would not count in PostgreSQL either) the cast is
 * left as DuckDB's VARCHAR.
 */
final class BpcharCasts implements RewriteRule {
  @Override
  public String name() {
    return "bpchar-casts";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = tokens.size() - 1; i >= 0; i--) {
      if (!tokens.get(i).is("::")) {
        continue;
      }
      int type = tokens.next(i);
      Token t = tokens.at(type);
      if (t == null || !(t.isWord("char") || t.isWord("character") || t.isWord("bpchar"))) {
        continue;
      }
      int end = type;
      String length = t.isWord("bpchar") ? null : "1";
      if (tokens.nextIs(type, "(")) {
        int open = tokens.next(type);
        int close = tokens.closing(open);
        Token n = tokens.at(tokens.next(open));
        if (close < 0 || n == null || n.kind() != Token.Kind.NUMBER
            || tokens.next(tokens.next(open)) != close) {
          continue;
        }
        length = n.text();
        end = close;
      }
      Token after = tokens.at(tokens.next(end));
      if (after != null && (after.isWord("varying") || after.is("[") || after.is("::"))) {
        continue;
      }
      int start = PrimaryOperands.start(tokens, tokens.prev(i));
      if (start < 0 || !PrimaryOperands.isSelectItem(tokens, start, end, true)) {
        continue;
      }
      List<Token> out = new ArrayList<>(SqlLexer.lex("union_value(bpchar := "
          + (length == null ? "" : "rpad(") + "CAST("));
      out.addAll(tokens.copy(start, tokens.prev(i)));
      out.addAll(SqlLexer.lex(" AS VARCHAR)" + (length == null ? "" : ", " + length + ")") + ")"));
      tokens.replace(start, end, out);
      i = start;
    }
  }
}
