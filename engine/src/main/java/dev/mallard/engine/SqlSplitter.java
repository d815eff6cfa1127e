package dev.mallard.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a simple-query string into statements at top-level semicolons, the way PostgreSQL's
 * lexer sees them: semicolons inside quoted strings, quoted identifiers, dollar-quoted bodies and
 * comments do not split. Statements that are empty or only comments are dropped, so an empty query
 * string yields an empty list (EmptyQueryResponse).
 */
public final class SqlSplitter {
  private SqlSplitter() {}

  public static List<String> split(String sql) {
    List<String> statements = new ArrayList<>();
    int start = 0;
    int i = 0;
    int n = sql.length();
    int parenDepth = 0;
    while (i < n) {
      char c = sql.charAt(i);
      int skipped = skipLiteralOrComment(sql, i);
      if (skipped > i) {
        i = skipped;
      } else if (c == '(') {
        parenDepth++;
        i++;
      } else if (c == ')') {
        parenDepth = Math.max(0, parenDepth - 1);
        i++;
      } else if (c == ';' && parenDepth == 0) {
        add(statements, sql.substring(start, i));
        start = ++i;
      } else {
        i++;
      }
    }
    add(statements, sql.substring(start));
    return statements;
  }

  /**
   * Index just past the string, quoted identifier, comment or dollar-quoted body starting at
   * {@code i} (past the dollar sign of a positional parameter); {@code i} when none starts there.
   */
  static int skipLiteralOrComment(String sql, int i) {
    char c = sql.charAt(i);
    int n = sql.length();
    if (c == '\'') {
      boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
          && (i < 2 || !Character.isLetterOrDigit(sql.charAt(i - 2)));
      return skipQuoted(sql, i, '\'', escapes);
    } else if (c == '"') {
      return skipQuoted(sql, i, '"', false);
    } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
      int eol = sql.indexOf('\n', i);
      return eol < 0 ? n : eol + 1;
    } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
      return skipBlockComment(sql, i);
    } else if (c == '$' && (i == 0 || !isIdentChar(sql.charAt(i - 1)))) {
      return skipDollarQuoted(sql, i);
    }
    return i;
  }

  private static void add(List<String> statements, String statement) {
    if (!isBlank(statement)) {
      statements.add(statement.strip());
    }
  }

  /** True when the text holds nothing but whitespace and comments. */
  public static boolean isBlank(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        i = skipBlockComment(sql, i);
      } else {
        return false;
      }
    }
    return true;
  }

  /** Index just past the comment starting at {@code i}; PostgreSQL block comments nest. */
  static int skipBlockComment(String sql, int i) {
    int depth = 0;
    int n = sql.length();
    while (i < n) {
      if (sql.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (sql.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return n;
  }

  private static int skipQuoted(String sql, int i, char quote, boolean backslashEscapes) {
    int n = sql.length();
    i++;
    while (i < n) {
      char c = sql.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < n && sql.charAt(i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return n;
  }

  private static int skipDollarQuoted(String sql, int i) {
    int n = sql.length();
    if (i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
      return i + 1; // a positional parameter such as $1
    }
    int j = i + 1;
    while (j < n && isIdentChar(sql.charAt(j))) {
      j++;
    }
    if (j >= n || sql.charAt(j) != '$') {
      return i + 1; // a lone dollar sign, not a dollar quote
    }
    String tag = sql.substring(i, j + 1);
    int end = sql.indexOf(tag, j + 1);
    return end < 0 ? n : end + tag.length();
  }

  private static boolean isIdentChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
