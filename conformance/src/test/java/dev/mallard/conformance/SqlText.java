package dev.mallard.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The little lexical knowledge of SQL the harness needs: statement ends and a top-level ORDER BY. */
final class SqlText {
  private SqlText() {}

  /**
   * Splits an entry's text into statements. A statement ends with a semicolon that is the last
   * character of a line, so semicolons inside literals stay put as long as they do not end a line.
   * Comment-only pieces are dropped.
   */
  static List<String> statements(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String trimmed = line.stripTrailing();
      if (trimmed.endsWith(";")) {
        current.append(trimmed, 0, trimmed.length() - 1);
        add(out, current);
      } else {
        current.append(line).append('\n');
      }
    }
    add(out, current);
    return out;
  }

  private static void add(List<String> out, StringBuilder statement) {
    String sql = statement.toString().strip();
    statement.setLength(0);
    if (!code(sql).isBlank()) {
      out.add(sql);
    }
  }

  /**
   * Whether the statement orders its result: ORDER BY outside any parentheses (so not in a window,
   * an aggregate's argument list or a subquery). Without one, PostgreSQL promises no row order and
   * the rows are compared as a multiset.
   */
  static boolean ordersResult(String sql) {
    String code = code(sql).toLowerCase(Locale.ROOT);
    int depth = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && code.startsWith("order", i) && isWordAt(code, i, 5)) {
        int j = i + 5;
        while (j < code.length() && Character.isWhitespace(code.charAt(j))) {
          j++;
        }
        if (code.startsWith("by", j) && isWordAt(code, j, 2)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isWordAt(String s, int start, int length) {
    boolean before = start == 0 || !isWordChar(s.charAt(start - 1));
    int end = start + length;
    boolean after = end >= s.length() || !isWordChar(s.charAt(end));
    return before && after;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /**
   * The statement with comments removed and the contents of string literals and quoted identifiers
   * blanked (quotes kept), so that keywords and parentheses can be found by position.
   */
  static String code(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '-' && sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end;
      } else if (c == '/' && sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 2;
        out.append(' ');
      } else if (c == '\'' || c == '"') {
        int end = closingQuote(sql, i);
        out.append(c).append(" ".repeat(Math.max(0, end - i - 1))).append(c);
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Index of the quote closing the literal opened at start; a doubled quote is an escaped one. */
  private static int closingQuote(String sql, int start) {
    char quote = sql.charAt(start);
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i;
      }
      i++;
    }
    return sql.length() - 1;
  }
}
