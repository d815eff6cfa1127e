package dev.mallard.engine.sql;

import dev.mallard.engine.sql.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL into tokens the way PostgreSQL's scanner sees them (strings with '' and E'' escapes,
 * dollar quotes, nested block comments, quoted identifiers, operators). Concatenating the tokens'
 * text gives back the input exactly.
 */
public final class SqlLexer {
  private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

  private final String sql;
  private final List<Token> tokens = new ArrayList<>();
  private int i;

  private SqlLexer(String sql) {
    this.sql = sql;
  }

  public static List<Token> lex(String sql) {
    SqlLexer lexer = new SqlLexer(sql);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    int n = sql.length();
    while (i < n) {
      int start = i;
      char c = sql.charAt(i);
      Kind kind;
      if (Character.isWhitespace(c)) {
        while (i < n && Character.isWhitespace(sql.charAt(i))) {
          i++;
        }
        kind = Kind.SPACE;
      } else if (c == '-' && sql.startsWith("--", i)) {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
        kind = Kind.SPACE;
      } else if (c == '/' && sql.startsWith("/*", i)) {
        i = blockCommentEnd(i);
        kind = Kind.SPACE;
      } else if (c == '\'') {
        i = quotedEnd(i, '\'', false);
        kind = Kind.STRING;
      } else if ((c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'') {
        i = quotedEnd(i + 1, '\'', true);
        kind = Kind.STRING;
      } else if ((c == 'B' || c == 'b' || c == 'X' || c == 'x' || c == 'N' || c == 'n')
          && i + 1 < n && sql.charAt(i + 1) == '\'') {
        i = quotedEnd(i + 1, '\'', false);
        kind = Kind.STRING;
      } else if (c == '"') {
        i = quotedEnd(i, '"', false);
        kind = Kind.QUOTED_IDENT;
      } else if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
        i++;
        while (i < n && Character.isDigit(sql.charAt(i))) {
          i++;
        }
        kind = Kind.PARAM;
      } else if (c == '$' && dollarQuoteEnd(i) > 0) {
        i = dollarQuoteEnd(i);
        kind = Kind.STRING;
      } else if (isIdentStart(c)) {
        while (i < n && isIdentPart(sql.charAt(i))) {
          i++;
        }
        kind = Kind.WORD;
      } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
        i = numberEnd(i);
        kind = Kind.NUMBER;
      } else if (c == ':' && sql.startsWith("::", i)) {
        i += 2;
        kind = Kind.OPERATOR;
      } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
        i = operatorEnd(i);
        kind = Kind.OPERATOR;
      } else {
        i++;
        kind = Kind.PUNCT;
      }
      tokens.add(new Token(kind, sql.substring(start, i)));
    }
  }

  private static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_' || c > 127;
  }

  private static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
  }

  private int blockCommentEnd(int j) {
    int depth = 0;
    int n = sql.length();
    while (j < n) {
      if (sql.startsWith("/*", j)) {
        depth++;
        j += 2;
      } else if (sql.startsWith("*/", j)) {
        j += 2;
        if (--depth == 0) {
          return j;
        }
      } else {
        j++;
      }
    }
    return n;
  }

  private int quotedEnd(int j, char quote, boolean backslashEscapes) {
    int n = sql.length();
    j++;
    while (j < n) {
      char c = sql.charAt(j);
      if (backslashEscapes && c == '\\') {
        j += 2;
      } else if (c == quote) {
        if (j + 1 < n && sql.charAt(j + 1) == quote) {
          j += 2;
        } else {
          return j + 1;
        }
      } else {
        j++;
      }
    }
    return n;
  }

  /** End of the dollar-quoted string starting at {@code j}, or -1 when none starts there. */
  private int dollarQuoteEnd(int j) {
    int n = sql.length();
    int k = j + 1;
    while (k < n && isIdentPart(sql.charAt(k)) && sql.charAt(k) != '$') {
      k++;
    }
    if (k >= n || sql.charAt(k) != '$') {
      return -1;
    }
    String tag = sql.substring(j, k + 1);
    int end = sql.indexOf(tag, k + 1);
    return end < 0 ? n : end + tag.length();
  }

  private int numberEnd(int j) {
    int n = sql.length();
    while (j < n && (Character.isDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
      j++;
    }
    if (j < n && sql.charAt(j) == '.' && !(j + 1 < n && sql.charAt(j + 1) == '.')) {
      j++;
      while (j < n && Character.isDigit(sql.charAt(j))) {
        j++;
      }
    }
    if (j < n && (sql.charAt(j) == 'e' || sql.charAt(j) == 'E')) {
      int k = j + 1;
      if (k < n && (sql.charAt(k) == '+' || sql.charAt(k) == '-')) {
        k++;
      }
      if (k < n && Character.isDigit(sql.charAt(k))) {
        j = k;
        while (j < n && Character.isDigit(sql.charAt(j))) {
          j++;
        }
      }
    }
    return j;
  }

  /**
   * PostgreSQL's rule: an operator is a run of operator characters, but a run ending in + or -
   * is cut short unless it holds one of ~ ! @ # % ^ & | ` ?, so that {@code a*-1} is * then -1.
   * Comment starts end an operator too.
   */
  private int operatorEnd(int j) {
    int n = sql.length();
    int start = j;
    while (j < n && OPERATOR_CHARS.indexOf(sql.charAt(j)) >= 0
        && !(j > start && (sql.startsWith("--", j) || sql.startsWith("/*", j)))) {
      j++;
    }
    String op = sql.substring(start, j);
    if (op.length() > 1 && (op.endsWith("+") || op.endsWith("-"))
        && op.chars().noneMatch(ch -> "~!@#%^&|`?".indexOf(ch) >= 0)) {
      while (op.length() > 1 && (op.endsWith("+") || op.endsWith("-"))) {
        op = op.substring(0, op.length() - 1);
      }
      j = start + op.length();
    }
    return j;
  }
}
