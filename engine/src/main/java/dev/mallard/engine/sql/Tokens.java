package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/** A statement's tokens, editable in place by rewrite rules, with navigation that skips spaces. */
public final class Tokens {
  private final List<Token> list;
  private boolean changed;

  public Tokens(List<Token> tokens) {
    this.list = new ArrayList<>(tokens);
  }

  public static Tokens of(String sql) {
    return new Tokens(SqlLexer.lex(sql));
  }

  public int size() {
    return list.size();
  }

  public Token get(int i) {
    return list.get(i);
  }

  /** The token at {@code i}, or null when {@code i} is out of range. */
  public Token at(int i) {
    return i >= 0 && i < list.size() ? list.get(i) : null;
  }

  /** Index of the first non-space token after {@code i}, or -1. */
  public int next(int i) {
    for (int j = i + 1; j < list.size(); j++) {
      if (list.get(j).kind() != Token.Kind.SPACE) {
        return j;
      }
    }
    return -1;
  }

  /** Index of the last non-space token before {@code i}, or -1. */
  public int prev(int i) {
    for (int j = i - 1; j >= 0; j--) {
      if (list.get(j).kind() != Token.Kind.SPACE) {
        return j;
      }
    }
    return -1;
  }

  /** True when the next non-space token after {@code i} is this punctuation or operator. */
  public boolean nextIs(int i, String punct) {
    Token t = at(next(i));
    return t != null && t.is(punct);
  }

  public boolean prevIs(int i, String punct) {
    Token t = at(prev(i));
    return t != null && t.is(punct);
  }

  /** Index of the parenthesis closing the one at {@code open}, or -1 when unbalanced. */
  public int closing(int open) {
    int depth = 0;
    for (int j = open; j < list.size(); j++) {
      Token t = list.get(j);
      if (t.is("(") || t.is("[")) {
        depth++;
      } else if (t.is(")") || t.is("]")) {
        if (--depth == 0) {
          return j;
        }
      }
    }
    return -1;
  }

  /** Index of the parenthesis opening the one at {@code close}, or -1 when unbalanced. */
  public int opening(int close) {
    int depth = 0;
    for (int j = close; j >= 0; j--) {
      Token t = list.get(j);
      if (t.is(")") || t.is("]")) {
        depth++;
      } else if (t.is("(") || t.is("[")) {
        if (--depth == 0) {
          return j;
        }
      }
    }
    return -1;
  }

  /**
   * Index of the first token strictly between {@code open} and {@code close} that stands outside
   * any nested bracket and matches, or -1: the AS of {@code CAST(x AS t)}, an argument's comma.
   */
  public int firstTopLevel(int open, int close, Predicate<Token> match) {
    List<Integer> found = topLevel(open, close, match, true);
    return found.isEmpty() ? -1 : found.get(0);
  }

  /**
   * Where a condition, list or clause that starts at {@code from} ends: the index of the first
   * token from there on that stands outside the brackets opened since and matches {@code stop}
   * (given its index), or that closes a bracket opened before {@code from}; {@link #size()} if
   * none.
   */
  public int topLevelEnd(int from, IntPredicate stop) {
    int depth = 0;
    for (int j = from; j < list.size(); j++) {
      Token t = list.get(j);
      if (t.is("(") || t.is("[")) {
        depth++;
      } else if (t.is(")") || t.is("]")) {
        if (--depth < 0) {
          return j;
        }
      } else if (depth == 0 && stop.test(j)) {
        return j;
      }
    }
    return list.size();
  }

  /** Indexes of every token {@link #firstTopLevel} would consider a match. */
  public List<Integer> allTopLevel(int open, int close, Predicate<Token> match) {
    return topLevel(open, close, match, false);
  }

  /**
   * The tokens strictly between {@code open} and {@code close}, split at the top-level tokens that
   * match {@code separator} (left out): the arguments of a call, split at its commas.
   */
  public List<List<Token>> splitTopLevel(int open, int close, Predicate<Token> separator) {
    List<List<Token>> parts = new ArrayList<>();
    int from = open;
    for (int at : allTopLevel(open, close, separator)) {
      parts.add(new ArrayList<>(list.subList(from + 1, at)));
      from = at;
    }
    parts.add(new ArrayList<>(list.subList(from + 1, close)));
    return parts;
  }

  private List<Integer> topLevel(int open, int close, Predicate<Token> match, boolean firstOnly) {
    List<Integer> found = new ArrayList<>();
    int depth = 0;
    for (int j = open + 1; j < close; j++) {
      Token t = list.get(j);
      if (t.is("(") || t.is("[")) {
        depth++;
      } else if (t.is(")") || t.is("]")) {
        depth--;
      } else if (depth == 0 && match.test(t)) {
        found.add(j);
        if (firstOnly) {
          break;
        }
      }
    }
    return found;
  }

  /** Replaces tokens {@code from..to} (inclusive) with {@code replacement}. */
  public void replace(int from, int to, List<Token> replacement) {
    list.subList(from, to + 1).clear();
    list.addAll(from, replacement);
    changed = true;
  }

  public void set(int i, Token token) {
    list.set(i, token);
    changed = true;
  }

  public void insert(int i, List<Token> tokens) {
    list.addAll(i, tokens);
    changed = true;
  }

  public boolean changed() {
    return changed;
  }

  /** The SQL text of tokens {@code from..to} inclusive. */
  public String text(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int j = from; j <= to; j++) {
      sb.append(list.get(j).text());
    }
    return sb.toString();
  }

  /** A copy of tokens {@code from..to} inclusive. */
  public List<Token> copy(int from, int to) {
    return new ArrayList<>(list.subList(from, to + 1));
  }

  public String render() {
    return list.isEmpty() ? "" : text(0, list.size() - 1);
  }

  /** Tokens for a dotted name such as {@code a.b.c}, each part as given (already quoted if needed). */
  public static List<Token> dotted(String... parts) {
    List<Token> out = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.add(Token.punct("."));
      }
      out.add(Token.word(parts[i]));
    }
    return out;
  }
}
