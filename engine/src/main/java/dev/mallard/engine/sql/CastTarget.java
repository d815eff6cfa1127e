package dev.mallard.engine.sql;

import java.util.Locale;

/** The type a string constant is cast to, in any of PostgreSQL's spellings of a cast. */
final class CastTarget {
  private CastTarget() {}

  /**
   * The type of {@code 'text'::type}, {@code CAST('text' AS type)} or {@code type 'text'} for the
   * string at {@code i}, lower case and without spaces (e.g. "int4[]"), or null when the string
   * is not cast.
   */
  static String of(Tokens tokens, int i) {
    int type = typeStart(tokens, i);
    if (type >= 0) {
      return typeText(tokens, type);
    }
    int prev = tokens.prev(i);
    Token p = tokens.at(prev);
    if (p != null && p.isWord() && !tokens.prevIs(prev, "::") && !tokens.prevIs(prev, ".")) {
      String word = p.text().toLowerCase(Locale.ROOT);
      if (word.equals("bytea")) {
        return word;
      }
    }
    return null;
  }

  /** Index of the first token of the type in {@code 'text'::type} or CAST('text' AS type), or -1. */
  static int typeStart(Tokens tokens, int i) {
    int next = tokens.next(i);
    Token n = tokens.at(next);
    if (n != null && n.is("::")) {
      return tokens.next(next);
    }
    int prev = tokens.prev(i);
    Token p = tokens.at(prev);
    if (n != null && n.isWord("as") && p != null && p.is("(")) {
      Token cast = tokens.at(tokens.prev(prev));
      if (cast != null && (cast.isWord("cast") || cast.isWord("try_cast"))) {
        return tokens.next(next);
      }
    }
    return -1;
  }

  private static String typeText(Tokens tokens, int start) {
    int end = Operands.typeEnd(tokens, start);
    if (end < 0) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (int j = start; j <= end; j++) {
      if (tokens.get(j).kind() != Token.Kind.SPACE) {
        sb.append(tokens.get(j).isWord() ? tokens.get(j).text().toLowerCase(Locale.ROOT)
            : tokens.get(j).text());
      }
    }
    return sb.toString();
  }
}
