package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQL-standard call syntax DuckDB lacks, as calls of session macros ({@link PgFunctionMacros}):
 * <ul>
 *   <li>{@code overlay(s PLACING r FROM n [FOR k])} is {@code pg_overlay(s, r, n [, k])};
 *   <li>{@code substring(s FROM 'pattern')} (a string constant: PostgreSQL's regular-expression
 *       form) is the first parenthesised group's match, or the whole match, or NULL;
 *   <li>{@code x [NOT] LIKE|ILIKE ANY|SOME|ALL (array)} tests each element;
 *   <li>{@code (s1, e1) OVERLAPS (s2, e2)} is {@code pg_overlaps(s1, e1, s2, e2)};
 *   <li>{@code regexp_match(s, 'pattern')} is the text[] of the first match's groups (or of the
 *       whole match when the constant pattern has none), NULL without a match. A group that
 *       takes no part in the match is '' here (NULL in PostgreSQL).
 * </ul>
 */
final class SqlSyntaxCalls implements RewriteRule {
  @Override
  public String name() {
    return "sql-syntax-calls";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = tokens.size() - 1; i >= 0; i--) {
      Token t = tokens.get(i);
      if (t.isWord("overlay") && tokens.nextIs(i, "(") && !tokens.prevIs(i, ".")) {
        overlay(tokens, i);
      } else if (t.isWord("substring") && tokens.nextIs(i, "(") && !tokens.prevIs(i, ".")) {
        substring(tokens, i);
      } else if ((t.isWord("like") || t.isWord("ilike")) && quantifier(tokens.at(tokens.next(i)))) {
        likeAny(tokens, i);
      } else if (t.isWord("regexp_match") && tokens.nextIs(i, "(") && !tokens.prevIs(i, ".")) {
        regexpMatch(tokens, i);
      } else if (t.isWord("overlaps") && tokens.prevIs(i, ")") && tokens.nextIs(i, "(")) {
        overlaps(tokens, i);
      }
    }
  }

  private static boolean quantifier(Token t) {
    return t != null && (t.isWord("any") || t.isWord("some") || t.isWord("all"));
  }

  /** Splits {@code open..close} at top-level commas or at the given key words. */
  static List<List<Token>> parts(Tokens tokens, int open, int close, String... words) {
    List<String> separators = List.of(words);
    List<List<Token>> parts = new ArrayList<>();
    for (List<Token> part : tokens.splitTopLevel(open, close, k -> words.length == 0 ? k.is(",")
        : k.isWord() && separators.contains(k.text().toLowerCase(Locale.ROOT)))) {
      parts.add(trimmed(part));
    }
    return parts;
  }

  private static List<Token> trimmed(List<Token> part) {
    int from = 0;
    int to = part.size();
    while (from < to && part.get(from).kind() == Token.Kind.SPACE) {
      from++;
    }
    while (to > from && part.get(to - 1).kind() == Token.Kind.SPACE) {
      to--;
    }
    return new ArrayList<>(part.subList(from, to));
  }

  private static List<Token> call(String name, List<List<Token>> args) {
    List<Token> out = new ArrayList<>(List.of(Token.word(name), Token.punct("(")));
    for (int n = 0; n < args.size(); n++) {
      if (n > 0) {
        out.addAll(SqlLexer.lex(", "));
      }
      out.addAll(args.get(n));
    }
    out.add(Token.punct(")"));
    return out;
  }

  private static void overlay(Tokens tokens, int i) {
    int open = tokens.next(i);
    int close = tokens.closing(open);
    if (close < 0) {
      return;
    }
    List<List<Token>> args = parts(tokens, open, close, "placing", "from", "for");
    if (args.size() == 3 || args.size() == 4) {
      tokens.replace(i, close, call("pg_overlay", args));
    }
  }

  private static void substring(Tokens tokens, int i) {
    int open = tokens.next(i);
    int close = tokens.closing(open);
    if (close < 0) {
      return;
    }
    List<List<Token>> args = parts(tokens, open, close, "from", "for");
    if (args.size() != 2) {
      return;
    }
    List<Token> pattern = args.get(1).stream().filter(t -> t.kind() != Token.Kind.SPACE).toList();
    String regex = pattern.size() == 1 ? Literals.stringValue(pattern.get(0)) : null;
    if (regex == null) {
      return;
    }
    args = new ArrayList<>(args);
    args.add(List.of(new Token(Token.Kind.NUMBER, hasGroup(regex) ? "1" : "0")));
    tokens.replace(i, close, call("pg_regex_substring", args));
  }

  private static void regexpMatch(Tokens tokens, int i) {
    int open = tokens.next(i);
    int close = tokens.closing(open);
    if (close < 0) {
      return;
    }
    List<List<Token>> args = parts(tokens, open, close);
    String regex = args.size() == 2 && args.get(1).size() == 1
        ? Literals.stringValue(args.get(1).get(0)) : null;
    if (regex == null) {
      return;
    }
    int groups = groups(regex);
    List<List<Token>> elements = new ArrayList<>();
    for (int g = groups == 0 ? 0 : 1; g <= groups; g++) {
      List<List<Token>> call = List.of(args.get(0), args.get(1),
          List.of(new Token(Token.Kind.NUMBER, Integer.toString(g))));
      elements.add(call("regexp_extract", call));
    }
    List<Token> out = new ArrayList<>(SqlLexer.lex("CASE WHEN "));
    out.addAll(call("regexp_matches", args));
    out.addAll(SqlLexer.lex(" THEN "));
    List<Token> list = new ArrayList<>(List.of(Token.punct("[")));
    for (int n = 0; n < elements.size(); n++) {
      if (n > 0) {
        list.addAll(SqlLexer.lex(", "));
      }
      list.addAll(elements.get(n));
    }
    list.add(Token.punct("]"));
    out.addAll(list);
    out.addAll(SqlLexer.lex(" END"));
    out.add(0, Token.punct("("));
    out.add(Token.punct(")"));
    tokens.replace(i, close, out);
  }

  /** True when the pattern has a capturing group. */
  static boolean hasGroup(String regex) {
    return groups(regex) > 0;
  }

  /** The number of capturing groups: each "(" not escaped, not in a class and not "(?". */
  static int groups(String regex) {
    int groups = 0;
    boolean inClass = false;
    for (int j = 0; j < regex.length(); j++) {
      char c = regex.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (c == '(' && !inClass && (j + 1 >= regex.length() || regex.charAt(j + 1) != '?')) {
        groups++;
      }
    }
    return groups;
  }

  /** x [NOT] LIKE ANY (a): the left operand, the array, and the macro for the quantifier. */
  private static void likeAny(Tokens tokens, int like) {
    int quantifier = tokens.next(like);
    int open = tokens.next(quantifier);
    if (open < 0 || !tokens.get(open).is("(")) {
      return;
    }
    int close = tokens.closing(open);
    int op = like;
    boolean not = tokens.at(tokens.prev(like)) != null && tokens.get(tokens.prev(like)).isWord("not");
    if (not) {
      op = tokens.prev(like);
    }
    int start = Operands.leftStart(tokens, op, Operands.LIKE);
    Token afterArray = tokens.at(tokens.next(close));
    if (close < 0 || start < 0 || afterArray != null && afterArray.isWord("escape")) {
      return;
    }
    Token first = tokens.at(tokens.next(open));
    if (first != null && first.isWord("select")) {
      return; // a subquery: DuckDB's own ANY
    }
    String all = tokens.get(quantifier).isWord("all") ? "all" : "any";
    String name = "pg_" + tokens.get(like).text().toLowerCase(Locale.ROOT) + "_" + all;
    List<List<Token>> args = new ArrayList<>();
    args.add(tokens.copy(start, tokens.prev(op)));
    args.add(tokens.copy(tokens.next(open), tokens.prev(close)));
    List<Token> out = new ArrayList<>();
    if (not) {
      // x NOT LIKE ANY (a): some element does not match
      name = "pg_not_" + name.substring(3);
    }
    out.addAll(call(name, args));
    tokens.replace(start, close, out);
  }

  private static void overlaps(Tokens tokens, int op) {
    int leftClose = tokens.prev(op);
    int leftOpen = tokens.opening(leftClose);
    int rightOpen = tokens.next(op);
    int rightClose = tokens.closing(rightOpen);
    if (leftOpen < 0 || rightClose < 0) {
      return;
    }
    List<List<Token>> left = parts(tokens, leftOpen, leftClose);
    List<List<Token>> right = parts(tokens, rightOpen, rightClose);
    Token before = tokens.at(tokens.prev(leftOpen));
    if (left.size() != 2 || right.size() != 2 || before != null && before.isIdentifier()
        && !Operands.isKeyword(before)) {
      return; // f(a, b) OVERLAPS .. is not a row
    }
    List<List<Token>> args = new ArrayList<>(left);
    args.addAll(right);
    tokens.replace(leftOpen, rightClose, call("pg_overlaps", args));
  }
}
