package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The branches of a statement's top-level UNION / INTERSECT / EXCEPT, so that the engine can ask
 * DuckDB for each branch's column types: PostgreSQL refuses to combine columns of different type
 * categories (integer and text: 42804), where DuckDB casts both to VARCHAR.
 *
 * @param operator the first set operation's key word, upper case (UNION, INTERSECT, EXCEPT)
 * @param with the statement's WITH clause ("" without one), which each branch may use
 * @param branches each branch's SQL
 * @param untyped per branch, per column, whether it is an untyped constant ('a', NULL), which
 *     PostgreSQL coerces to the other branches' type; null for a branch whose columns are not
 *     known from its text (VALUES, a parenthesized query)
 */
public record SetOperations(String operator, String with, List<String> branches,
    List<boolean[]> untyped) {
  private static final Set<String> OPERATORS = Set.of("union", "intersect", "except");
  private static final Pattern SET_OPERATOR_WORD =
      Pattern.compile("(?i)\\b(union|intersect|except)\\b");
  private static final Set<String> QUERY_END = Set.of("order", "limit", "offset", "fetch", "for");

  /** The top-level set operation of {@code sql}, or null when it has none (or is not read). */
  public static SetOperations of(String sql) {
    if (!SET_OPERATOR_WORD.matcher(sql).find()) {
      return null; // most queries: not worth lexing
    }
    Tokens tokens = Tokens.of(sql);
    int first = tokens.next(-1);
    int main = first;
    if (first >= 0 && tokens.get(first).isWord("with")) {
      WithClause with = WithClause.of(tokens);
      main = with == null ? -1 : with.main();
    }
    if (main < 0) {
      return null;
    }
    List<String> branches = new ArrayList<>();
    List<boolean[]> untyped = new ArrayList<>();
    String operator = null;
    int depth = 0;
    int start = main;
    int j = main;
    for (; j < tokens.size(); j++) {
      Token k = tokens.get(j);
      if (k.is("(") || k.is("[")) {
        depth++;
      } else if (k.is(")") || k.is("]")) {
        depth--;
      } else if (depth == 0 && (k.is(";") || isWordIn(k, QUERY_END))) {
        break;
      } else if (depth == 0 && isWordIn(k, OPERATORS)) {
        operator = operator == null ? k.text().toUpperCase(Locale.ROOT) : operator;
        add(tokens, start, tokens.prev(j), branches, untyped);
        start = tokens.next(j);
        Token after = tokens.at(start);
        if (after != null && (after.isWord("all") || after.isWord("distinct"))) {
          start = tokens.next(start);
        }
        if (tokens.at(start) != null && tokens.get(start).isWord("by")) {
          return null; // DuckDB's UNION BY NAME matches columns by name
        }
      }
    }
    if (operator == null || start < 0) {
      return null;
    }
    add(tokens, start, tokens.prev(j), branches, untyped);
    String with = main == first ? "" : tokens.text(first, tokens.prev(main));
    return new SetOperations(operator, with, branches, untyped);
  }

  private static void add(Tokens tokens, int from, int to, List<String> branches,
      List<boolean[]> untyped) {
    String text = tokens.text(from, to);
    branches.add(text);
    Tokens branch = Tokens.of(text);
    int first = branch.next(-1);
    if (first < 0 || !branch.get(first).isWord("select")) {
      untyped.add(null);
      return;
    }
    List<int[]> items = ColumnNames.mainSelectItems(branch);
    boolean[] flags = new boolean[items.size()];
    for (int n = 0; n < items.size(); n++) {
      flags[n] = isUntypedConstant(branch, items.get(n)[0], items.get(n)[1]);
    }
    untyped.add(flags);
  }

  /** {@code 'a'}, {@code NULL}, with or without an alias. */
  private static boolean isUntypedConstant(Tokens tokens, int s, int e) {
    if (s < 0 || e < s || !"unknown".equals(PgTypeof.evidentType(tokens, s, s))) {
      return false;
    }
    int next = tokens.next(s);
    if (next < 0 || next > e) {
      return true;
    }
    if (tokens.get(next).isWord("as")) {
      next = tokens.next(next);
    }
    return next == e && tokens.get(e).isIdentifier();
  }

  private static boolean isWordIn(Token t, Set<String> words) {
    return t.isWord() && words.contains(t.text().toLowerCase(Locale.ROOT));
  }
}
