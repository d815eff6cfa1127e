package dev.mallard.engine.sql;

import java.util.Set;

/**
 * The extent of a primary expression in a token stream, for rules that wrap an operand in a call:
 * a literal, a parameter, a (qualified) name, a parenthesized expression or function call,
 * subscripts, and casts applied to one of those.
 */
final class PrimaryOperands {
  /** Words that cannot be a function name before a parenthesized operand. */
  private static final Set<String> NOT_FUNCTIONS = Set.of("in", "values", "and", "or", "not",
      "select", "where", "then", "else", "when", "on", "as", "exists", "any", "all", "some", "case",
      "like", "is");

  private PrimaryOperands() {}

  /** First token of the operand whose last token is {@code end}, or -1. */
  static int start(Tokens tokens, int end) {
    Token last = tokens.at(end);
    if (last == null) {
      return -1;
    }
    int start;
    if (last.is(")") || last.is("]")) {
      start = tokens.opening(end);
      if (start < 0) {
        return -1;
      }
      if (last.is("]")) {
        return start(tokens, tokens.prev(start));
      }
      Token fn = tokens.at(tokens.prev(start));
      if (fn != null && fn.isIdentifier() && !NOT_FUNCTIONS.contains(fn.identifier())) {
        start = qualifiedStart(tokens, tokens.prev(start));
      }
    } else if (last.kind() == Token.Kind.STRING || last.kind() == Token.Kind.NUMBER
        || last.kind() == Token.Kind.PARAM) {
      start = end;
    } else if (last.isIdentifier()) {
      start = qualifiedStart(tokens, end);
    } else {
      return -1;
    }
    if (tokens.prevIs(start, "::")) {
      return start(tokens, tokens.prev(tokens.prev(start)));
    }
    return start;
  }

  /** Last token of the operand whose first token is {@code start}, or -1. */
  static int end(Tokens tokens, int start) {
    Token first = tokens.at(start);
    if (first == null) {
      return -1;
    }
    int end;
    if (first.is("(")) {
      end = tokens.closing(start);
    } else if (first.kind() == Token.Kind.STRING || first.kind() == Token.Kind.NUMBER
        || first.kind() == Token.Kind.PARAM) {
      end = start;
    } else if (first.isIdentifier()) {
      end = start;
      while (tokens.nextIs(end, ".") && tokens.at(tokens.next(tokens.next(end))) != null
          && tokens.at(tokens.next(tokens.next(end))).isIdentifier()) {
        end = tokens.next(tokens.next(end));
      }
      if (tokens.nextIs(end, "(")) {
        end = tokens.closing(tokens.next(end));
      }
    } else {
      return -1;
    }
    while (end >= 0 && tokens.nextIs(end, "::")) {
      int type = tokens.next(tokens.next(end));
      if (tokens.at(type) == null || !tokens.at(type).isIdentifier()) {
        break;
      }
      end = type;
    }
    return end;
  }

  private static int qualifiedStart(Tokens tokens, int i) {
    while (tokens.prevIs(i, ".")) {
      int q = tokens.prev(tokens.prev(i));
      Token qt = tokens.at(q);
      if (qt == null || !qt.isIdentifier()) {
        break;
      }
      i = q;
    }
    return i;
  }

  /** Words that end a select list item's context. */
  private static final Set<String> CLAUSES = Set.of("from", "where", "on", "join", "group", "order",
      "having", "values", "set", "returning", "by", "when", "then", "else", "case", "in", "and", "or",
      "not", "limit", "using");

  /**
   * True when tokens {@code start..end} are a whole item of a select list: SELECT or a comma of
   * the same list before, and a comma, FROM, the end or (when {@code aliased} is allowed) AS after.
   */
  static boolean isSelectItem(Tokens tokens, int start, int end, boolean aliased) {
    Token next = tokens.at(tokens.next(end));
    if (next != null && !(aliased && next.isWord("as")) && !next.is(",") && !next.isWord("from")
        && !next.is(";")) {
      return false;
    }
    Token before = tokens.at(tokens.prev(start));
    if (before == null || !(before.is(",") || before.is(")") || before.isWord("select")
        || before.isWord("distinct") || before.isWord("all"))) {
      return false; // an operand of a larger item: x = 'integer'::regtype
    }
    for (int j = tokens.prev(start); j >= 0; j = tokens.prev(j)) {
      Token t = tokens.get(j);
      if (t.is(")") || t.is("]")) {
        j = tokens.opening(j);
        if (j < 0) {
          return false;
        }
      } else if (t.is("(")) {
        return false;
      } else if (t.isWord("select")) {
        return true;
      } else if (t.isWord() && CLAUSES.contains(t.identifier())) {
        return false;
      }
    }
    return false;
  }
}
