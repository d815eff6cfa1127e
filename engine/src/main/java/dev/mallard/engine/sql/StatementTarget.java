package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The relation a statement writes or reads: INSERT INTO's, UPDATE's, DELETE FROM's, or the one
 * FROM item of a SELECT that reads a single relation (past {@code PREPARE name AS}). Rules that
 * need a column's type ask the session's catalog for this relation's columns.
 *
 * @param schema the qualifying schema as written, or null
 * @param end the index of the last token of the name (of INSERT's column list, if any)
 * @param insertColumns INSERT's column list (empty: none given), null for other statements
 */
record StatementTarget(String schema, String table, int end, List<String> insertColumns) {
  /** The statement's target, or null when it has none this can read. */
  static StatementTarget of(Tokens tokens) {
    int first = statementStart(tokens);
    return first < 0 ? null : target(tokens, first);
  }

  /** Whether the statement is a SELECT (rather than INSERT, UPDATE or DELETE). */
  boolean isSelect(Tokens tokens) {
    return isWordAt(tokens, statementStart(tokens), "select");
  }

  /** The first token of the statement proper: past {@code PREPARE name [(types)] AS}. */
  private static int statementStart(Tokens tokens) {
    int first = tokens.next(-1);
    if (first < 0 || !tokens.get(first).isWord("prepare")) {
      return first;
    }
    for (int j = first; j >= 0; j = tokens.next(j)) {
      if (tokens.get(j).is("(")) {
        j = tokens.closing(j);
        if (j < 0) {
          return -1;
        }
      } else if (tokens.get(j).isWord("as")) {
        return tokens.next(j);
      }
    }
    return -1;
  }

  private static StatementTarget target(Tokens tokens, int first) {
    Token word = tokens.get(first);
    int name;
    if (word.isWord("insert") && isWordAt(tokens, tokens.next(first), "into")) {
      name = tokens.next(tokens.next(first));
    } else if (word.isWord("update")) {
      name = skipOnly(tokens, tokens.next(first));
    } else if (word.isWord("delete") && isWordAt(tokens, tokens.next(first), "from")) {
      name = skipOnly(tokens, tokens.next(tokens.next(first)));
    } else if (word.isWord("select")) {
      name = singleFromItem(tokens, first);
    } else {
      return null;
    }
    List<String> parts = new ArrayList<>();
    int end = qualifiedName(tokens, name, parts);
    if (end < 0 || parts.size() > 2) {
      return null;
    }
    List<String> insertColumns = null;
    if (word.isWord("insert")) {
      insertColumns = new ArrayList<>();
      end = insertColumns(tokens, end, insertColumns);
      if (end < 0) {
        return null;
      }
    }
    String schema = parts.size() == 2 ? parts.get(0) : null;
    return new StatementTarget(schema, parts.get(parts.size() - 1), end, insertColumns);
  }

  private static int skipOnly(Tokens tokens, int i) {
    return isWordAt(tokens, i, "only") ? tokens.next(i) : i;
  }

  /** The FROM item of a SELECT that reads one relation (no join, no list), or -1. */
  private static int singleFromItem(Tokens tokens, int select) {
    int from = -1;
    for (int j : tokens.allTopLevel(select - 1, tokens.size(), t -> t.isWord("from")
        || t.is(",") || t.isWord("join") || t.isWord("union") || t.isWord("intersect")
        || t.isWord("except"))) {
      Token t = tokens.get(j);
      if (!t.isWord("from") && !t.is(",") || from >= 0) {
        return -1; // a join, a set operation, a second FROM or a list of relations
      } else if (t.isWord("from")) {
        from = j;
      }
    }
    return from < 0 ? -1 : tokens.next(from);
  }

  /** Reads {@code a}, {@code a.b} into parts; the index of its last token, or -1. */
  static int qualifiedName(Tokens tokens, int i, List<String> parts) {
    Token t = tokens.at(i);
    if (t == null || !t.isIdentifier() || t.isWord() && Operands.isKeyword(t)) {
      return -1;
    }
    parts.add(t.identifier());
    int end = i;
    while (tokens.nextIs(end, ".")) {
      Token part = tokens.at(tokens.next(tokens.next(end)));
      if (part == null || !part.isIdentifier()) {
        return -1;
      }
      parts.add(part.identifier());
      end = tokens.next(tokens.next(end));
    }
    return end;
  }

  /** After INSERT INTO t [AS alias]: its column list, if any; the index of the last token read. */
  private static int insertColumns(Tokens tokens, int end, List<String> columns) {
    int next = tokens.next(end);
    if (isWordAt(tokens, next, "as")) {
      end = tokens.next(next);
      next = tokens.next(end);
    }
    Token open = tokens.at(next);
    if (open == null || !open.is("(")) {
      return end;
    }
    int close = tokens.closing(next);
    if (close < 0) {
      return end;
    }
    for (List<Token> part : tokens.splitTopLevel(next, close, k -> k.is(","))) {
      List<Token> words = part.stream().filter(k -> k.kind() != Token.Kind.SPACE).toList();
      if (words.size() != 1 || !words.get(0).isIdentifier()) {
        columns.clear();
        return -1;
      }
      columns.add(words.get(0).identifier());
    }
    return close;
  }

  static boolean isWordAt(Tokens tokens, int i, String word) {
    Token t = tokens.at(i);
    return t != null && t.isWord(word);
  }
}
