package dev.mallard.engine;

import dev.mallard.engine.databases.DatabaseStatementParser;
import dev.mallard.engine.roles.RoleStatementParser;
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
    return new Statement(sql, kindOf(sql, words), words);
  }

  private static StatementKind kindOf(String sql, List<String> w) {
    if (w.isEmpty()) {
      return StatementKind.QUERY; // e.g. "(SELECT 1)"
    }
    String first = w.get(0);
    String second = w.size() > 1 ? w.get(1) : "";
    switch (first) {
      case "WITH":
        return kindAfterWith(sql);
      case "SELECT": case "VALUES": case "TABLE": case "FROM": case "DESCRIBE":
      case "SUMMARIZE": case "PIVOT": case "UNPIVOT": case "EXPLAIN":
        return StatementKind.QUERY;
      case "INSERT": case "UPDATE": case "DELETE": case "MERGE":
        return dmlKind(first);
      case "CREATE": case "DROP": case "ALTER":
        if (DatabaseStatementParser.isDatabaseStatement(w)) {
          return StatementKind.DATABASE;
        }
        return RoleStatementParser.isRoleStatement(w, List.of())
            ? StatementKind.ROLE : StatementKind.DDL;
      case "GRANT": case "REVOKE":
        return RoleStatementParser.isRoleStatement(w, topLevelWords(sql, 64))
            ? StatementKind.ROLE : StatementKind.OTHER;
      case "COMMENT":
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
      case "DEALLOCATE":
        return StatementKind.DEALLOCATE;
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
      case "DECLARE":
        return StatementKind.DECLARE_CURSOR;
      case "FETCH":
        return StatementKind.FETCH;
      case "MOVE":
        return StatementKind.MOVE;
      case "CLOSE":
        return StatementKind.CLOSE_CURSOR;
      case "LISTEN": case "UNLISTEN": case "NOTIFY":
        return StatementKind.LISTEN;
      default:
        return StatementKind.OTHER;
    }
  }

  /**
   * The kind of the statement a WITH clause leads into: PostgreSQL tags "WITH x AS (...) INSERT
   * ..." as an INSERT. The CTE bodies are parenthesised, so only their names, AS, [NOT]
   * MATERIALIZED and commas are seen at the top level.
   */
  private static StatementKind kindAfterWith(String sql) {
    List<String> w = topLevelWords(sql, 64);
    int i = 1;
    if (wordAt(w, i).equals("RECURSIVE")) {
      i++;
    }
    while (i < w.size()) {
      i++; // the CTE's name; its column list is in parentheses
      if (!wordAt(w, i).equals("AS")) {
        return StatementKind.QUERY;
      }
      i++;
      if (wordAt(w, i).equals("NOT")) {
        i++;
      }
      if (wordAt(w, i).equals("MATERIALIZED")) {
        i++;
      }
      if (!wordAt(w, i).equals(",")) {
        break;
      }
      i++;
    }
    StatementKind dml = dmlKind(wordAt(w, i));
    return dml != null ? dml : StatementKind.QUERY;
  }

  /** The kind of a DML keyword; null for any other word. */
  private static StatementKind dmlKind(String word) {
    switch (word) {
      case "INSERT":
        return StatementKind.INSERT;
      case "UPDATE":
        return StatementKind.UPDATE;
      case "DELETE":
        return StatementKind.DELETE;
      case "MERGE":
        return StatementKind.MERGE;
      default:
        return null;
    }
  }

  private static String wordAt(List<String> words, int i) {
    return i < words.size() ? words.get(i) : "";
  }

  /**
   * Up to {@code max} upper-cased words, quoted identifiers and commas that stand outside
   * parentheses, literals and comments: the skeleton of a statement.
   */
  static List<String> topLevelWords(String sql, int max) {
    List<String> words = new ArrayList<>();
    int depth = 0;
    int i = 0;
    int n = sql.length();
    while (i < n && words.size() < max) {
      char c = sql.charAt(i);
      int skipped = SqlSplitter.skipLiteralOrComment(sql, i);
      if (skipped > i) {
        if (c == '"' && depth == 0) {
          words.add(sql.substring(i, skipped));
        }
        i = skipped;
      } else if (c == '(') {
        depth++;
        i++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
            || sql.charAt(i) == '$')) {
          i++;
        }
        if (depth == 0) {
          words.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
        }
      } else {
        if (c == ',' && depth == 0) {
          words.add(",");
        }
        i++;
      }
    }
    return words;
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
