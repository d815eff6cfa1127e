package dev.mallard.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cheap classification by leading keywords, enough to pick the command tag and to route
 * transaction control and session commands. It never decides authorization.
 */
public final class StatementClassifier {
  private static final int MAX_WORDS = 8;

  private StatementClassifier() {}

  public static Statement classify(String sql) {
    List<String> words = leadingWords(sql);
    return new Statement(sql, kindOf(words), words);
  }

  private static StatementKind kindOf(List<String> w) {
    if (w.isEmpty()) {
      return StatementKind.QUERY; // e.g. "(SELECT 1)"
    }
    String first = w.get(0);
    String second = w.size() > 1 ? w.get(1) : "";
    switch (first) {
      case "SELECT": case "VALUES": case "TABLE": case "FROM": case "WITH": case "DESCRIBE":
      case "SUMMARIZE": case "PIVOT": case "UNPIVOT": case "EXPLAIN":
        return StatementKind.QUERY;
      case "INSERT":
        return StatementKind.INSERT;
      case "UPDATE":
        return StatementKind.UPDATE;
      case "DELETE":
        return StatementKind.DELETE;
      case "MERGE":
        return StatementKind.MERGE;
      case "CREATE": case "DROP": case "ALTER": case "COMMENT":
        return StatementKind.DDL;
      case "TRUNCATE":
        return StatementKind.TRUNCATE;
      case "BEGIN": case "START":
        return StatementKind.BEGIN;
      case "COMMIT": case "END":
        return second.equals("PREPARED") ? StatementKind.PREPARE_TRANSACTION : StatementKind.COMMIT;
      case "ABORT":
        return StatementKind.ROLLBACK;
      case "ROLLBACK":
        if (second.equals("PREPARED")) {
          return StatementKind.PREPARE_TRANSACTION;
        }
        return w.contains("TO") ? StatementKind.ROLLBACK_TO_SAVEPOINT : StatementKind.ROLLBACK;
      case "SAVEPOINT":
        return StatementKind.SAVEPOINT;
      case "RELEASE":
        return StatementKind.RELEASE_SAVEPOINT;
      case "PREPARE":
        return second.equals("TRANSACTION") ? StatementKind.PREPARE_TRANSACTION : StatementKind.OTHER;
      case "SET":
        return StatementKind.SET;
      case "SHOW":
        return StatementKind.SHOW;
      case "RESET":
        return StatementKind.RESET;
      case "COPY":
        return StatementKind.COPY;
      case "DISCARD":
        return StatementKind.DISCARD;
      default:
        return StatementKind.OTHER;
    }
  }

  /** Up to {@value #MAX_WORDS} leading keywords, upper-cased, skipping comments and "(". */
  static List<String> leadingWords(String sql) {
    List<String> words = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n && words.size() < MAX_WORDS) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c) || c == '(') {
        i++;
      } else if (sql.startsWith("--", i)) {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
      } else if (sql.startsWith("/*", i)) {
        i = SqlSplitter.skipBlockComment(sql, i);
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
          i++;
        }
        words.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
      } else {
        break;
      }
    }
    return words;
  }
}
