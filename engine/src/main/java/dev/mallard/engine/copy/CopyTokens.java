package dev.mallard.engine.copy;

import dev.mallard.engine.Identifiers;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A small cursor over the tokens of a COPY statement. */
final class CopyTokens {
  private final String sql;
  private int pos;

  CopyTokens(String sql) {
    this.sql = sql;
  }

  boolean atEnd() {
    skipSpace();
    return pos >= sql.length() || sql.charAt(pos) == ';';
  }

  /** The next token's raw text without consuming it ("" at the end). */
  String peek() {
    int save = pos;
    String t = next();
    pos = save;
    return t;
  }

  boolean peekIs(String token) {
    return peek().equalsIgnoreCase(token);
  }

  String next() {
    skipSpace();
    if (pos >= sql.length()) {
      return "";
    }
    int start = pos;
    char c = sql.charAt(pos);
    if (c == '\'' || ((c == 'E' || c == 'e') && pos + 1 < sql.length() && sql.charAt(pos + 1) == '\'')) {
      pos = skipQuoted(c == '\'' ? pos : pos + 1, '\'');
    } else if (c == '"') {
      pos = skipQuoted(pos, '"');
    } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '+') {
      while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos))
          || sql.charAt(pos) == '_' || sql.charAt(pos) == '$' || sql.charAt(pos) == '-'
          || sql.charAt(pos) == '+')) {
        pos++;
      }
    } else {
      pos++;
    }
    return sql.substring(start, pos);
  }

  String nextWord() {
    return next().toUpperCase(Locale.ROOT);
  }

  boolean accept(String token) {
    if (peekIs(token)) {
      next();
      return true;
    }
    return false;
  }

  boolean acceptWord(String word) {
    return accept(word);
  }

  void expect(String token) {
    String t = next();
    if (!t.equalsIgnoreCase(token)) {
      throw CopyStatement.syntax(t.isEmpty() ? "end of input" : t);
    }
  }

  void expectWord(String word) {
    expect(word);
  }

  /** The raw text between a "(" and its matching ")", quotes respected. */
  String parenthesized() {
    expect("(");
    int start = pos;
    int depth = 1;
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (c == '\'' || c == '"') {
        pos = skipQuoted(pos, c);
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        String inner = sql.substring(start, pos);
        pos++;
        return inner;
      }
      pos++;
    }
    throw CopyStatement.syntax("end of input");
  }

  /** A possibly schema-qualified name, kept as written so DuckDB resolves it. */
  String qualifiedName() {
    StringBuilder name = new StringBuilder(next());
    while (peekIs(".")) {
      name.append(next()).append(next());
    }
    if (name.length() == 0) {
      throw CopyStatement.syntax("end of input");
    }
    return name.toString();
  }

  /** One identifier: unquoted ones fold to lower case as in PostgreSQL. */
  String identifier() {
    String t = next();
    if (!t.startsWith("\"") && (t.isEmpty() || !(Character.isLetter(t.charAt(0)) || t.charAt(0) == '_'))) {
      throw CopyStatement.syntax(t.isEmpty() ? "end of input" : t);
    }
    return Identifiers.fold(t);
  }

  List<String> identifierList() {
    boolean parens = accept("(");
    List<String> out = new ArrayList<>();
    do {
      out.add(identifier());
    } while (accept(","));
    if (parens) {
      expect(")");
    }
    return out;
  }

  /** An option value: a string literal (unquoted), an identifier list in parentheses, or a word. */
  String optionValue() {
    if (peekIs("(")) {
      return String.join(",", identifierList());
    }
    if (peekIs("*")) {
      return next();
    }
    String t = next();
    if (t.startsWith("'")) {
      return t.substring(1, t.length() - 1).replace("''", "'");
    }
    if (t.startsWith("E'") || t.startsWith("e'")) {
      return unescape(t.substring(2, t.length() - 1).replace("''", "'"));
    }
    if (t.isEmpty()) {
      throw CopyStatement.syntax("end of input");
    }
    return t.startsWith("\"") ? t.substring(1, t.length() - 1) : t;
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        out.append(switch (n) {
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'r' -> '\r';
          default -> n;
        });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private void skipSpace() {
    while (pos < sql.length() && Character.isWhitespace(sql.charAt(pos))) {
      pos++;
    }
  }

  private int skipQuoted(int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    throw new PgException(SqlState.SYNTAX_ERROR, "unterminated quoted string");
  }
}
