package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's {@code format('..', args...)} with a constant format string becomes the
 * concatenation it describes: {@code %s} is the argument as text (NULL as ''), {@code %I} the
 * argument quoted as an identifier, {@code %L} quoted as a literal (NULL as NULL), {@code %%} a
 * percent sign, and {@code %n$s} names the argument by position. DuckDB's format has {} place
 * holders and would return the pattern unchanged. A format with widths or flags, or one whose
 * arguments run out, is left alone.
 */
final class FormatCalls implements RewriteRule {
  @Override
  public String name() {
    return "format-calls";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = tokens.size() - 1; i >= 0; i--) {
      Token t = tokens.get(i);
      if (!t.isWord("format") || !tokens.nextIs(i, "(") || tokens.prevIs(i, ".")) {
        continue;
      }
      int open = tokens.next(i);
      int close = tokens.closing(open);
      if (close < 0) {
        continue;
      }
      List<List<Token>> args = SqlSyntaxCalls.parts(tokens, open, close);
      List<Token> first = args.get(0);
      String format = first.size() == 1 ? Literals.stringValue(first.get(0)) : null;
      List<Token> concatenation = format == null ? null
          : concatenation(format, args.subList(1, args.size()));
      if (concatenation != null) {
        tokens.replace(i, close, concatenation);
      }
    }
  }

  /** {@code ('a' || f(arg1) || ...)}, or null when the format uses what is not handled here. */
  private static List<Token> concatenation(String format, List<List<Token>> args) {
    List<List<Token>> pieces = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int next = 0;
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i++);
      if (c != '%') {
        text.append(c);
        continue;
      }
      if (i < format.length() && format.charAt(i) == '%') {
        text.append('%');
        i++;
        continue;
      }
      int position = next;
      int dollar = format.indexOf('$', i);
      if (dollar > i && format.substring(i, dollar).chars().allMatch(Character::isDigit)) {
        position = Integer.parseInt(format.substring(i, dollar)) - 1;
        i = dollar + 1;
      }
      if (i >= format.length() || position < 0 || position >= args.size()) {
        return null;
      }
      String conversion = switch (format.charAt(i++)) {
        case 's' -> "coalesce(CAST(%s AS VARCHAR), '')";
        case 'I' -> "quote_ident(CAST(%s AS VARCHAR))";
        case 'L' -> "quote_nullable(CAST(%s AS VARCHAR))";
        default -> null;
      };
      if (conversion == null) {
        return null;
      }
      if (text.length() > 0) {
        pieces.add(List.of(Literals.string(text.toString())));
        text.setLength(0);
      }
      String[] around = conversion.split("%s");
      List<Token> piece = new ArrayList<>(SqlLexer.lex(around[0]));
      piece.add(Token.punct("("));
      piece.addAll(args.get(position));
      piece.add(Token.punct(")"));
      piece.addAll(SqlLexer.lex(around[1]));
      pieces.add(piece);
      next = position + 1;
    }
    if (text.length() > 0 || pieces.isEmpty()) {
      pieces.add(List.of(Literals.string(text.toString())));
    }
    List<Token> out = new ArrayList<>();
    out.add(Token.punct("("));
    for (int p = 0; p < pieces.size(); p++) {
      if (p > 0) {
        out.addAll(SqlLexer.lex(" || "));
      }
      out.addAll(pieces.get(p));
    }
    out.add(Token.punct(")"));
    return out;
  }
}
