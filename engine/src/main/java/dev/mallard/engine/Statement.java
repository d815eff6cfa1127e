package dev.mallard.engine;

import java.util.List;

/**
 * One SQL statement with its classification. {@code words} are its leading keywords in upper case
 * (comments and parentheses skipped), from which the command tag is built.
 */
public record Statement(String sql, StatementKind kind, List<String> words) {

  /** The CommandComplete tag for this statement given the rows it returned or changed. */
  public String commandTag(long rows) {
    switch (kind) {
      case QUERY:
        return !words.isEmpty() && words.get(0).equals("EXPLAIN") ? "EXPLAIN" : "SELECT " + rows;
      case INSERT:
        return "INSERT 0 " + rows;
      case UPDATE:
        return "UPDATE " + rows;
      case DELETE:
        return "DELETE " + rows;
      case MERGE:
        return "MERGE " + rows;
      case BEGIN:
        return words.get(0).equals("START") ? "START TRANSACTION" : "BEGIN";
      case COMMIT:
        return "COMMIT";
      case ROLLBACK:
        return "ROLLBACK";
      case SET:
        return "SET";
      case RESET:
        return "RESET";
      case SHOW:
        return "SHOW";
      case COPY:
        return "COPY " + rows;
      case TRUNCATE:
        return "TRUNCATE TABLE";
      case DEALLOCATE:
        return words.contains("ALL") ? "DEALLOCATE ALL" : "DEALLOCATE";
      case DDL:
        return ddlTag(rows);
      case DATABASE:
        return words.get(0) + " DATABASE";
      case SAVEPOINT:
        return "SAVEPOINT";
      case RELEASE_SAVEPOINT:
        return "RELEASE";
      case ROLLBACK_TO_SAVEPOINT:
        return "ROLLBACK";
      case DECLARE_CURSOR:
        return "DECLARE CURSOR";
      case FETCH:
        return "FETCH " + rows;
      case MOVE:
        return "MOVE " + rows;
      case CLOSE_CURSOR:
        return words.contains("ALL") ? "CLOSE CURSOR ALL" : "CLOSE CURSOR";
      case ROLE:
        if (words.size() > 1 && words.get(1).equals("DEFAULT")) {
          return "ALTER DEFAULT PRIVILEGES";
        }
        if ((words.get(0).equals("GRANT") || words.get(0).equals("REVOKE"))
            && StatementClassifier.topLevelWords(sql, 64).contains("ON")) {
          return words.get(0); // privileges on objects; GRANT ROLE is for role membership
        }
        // PostgreSQL tags the USER and GROUP spellings, and ALTER GROUP ... ADD USER, as ROLE.
        return words.get(0) + " ROLE";
      default:
        return words.isEmpty() ? "" : words.get(0);
    }
  }

  /**
   * PostgreSQL tags DDL with the verb and object type: "CREATE TABLE", "DROP VIEW", ... Modifiers
   * between them (OR REPLACE, TEMP, UNIQUE, IF NOT EXISTS...) are not part of the tag, except
   * MATERIALIZED VIEW. CREATE TABLE AS and CREATE MATERIALIZED VIEW report "SELECT n"; an AS
   * inside the column list (a generated column) does not make a CREATE TABLE AS.
   */
  private String ddlTag(long rows) {
    String verb = words.get(0);
    if (verb.equals("COMMENT")) {
      return verb;
    }
    int i = 1;
    while (i < words.size() && DdlWords.isModifier(words.get(i))) {
      i++;
    }
    if (i >= words.size()) {
      return verb;
    }
    String object = words.get(i);
    if (object.equals("MATERIALIZED") && i + 1 < words.size()) {
      object = "MATERIALIZED " + words.get(i + 1);
    } else if (object.equals("FOREIGN") && i + 1 < words.size()) {
      object = "FOREIGN " + words.get(i + 1);
    }
    if (verb.equals("CREATE") && (object.equals("MATERIALIZED VIEW")
        || object.equals("TABLE") && StatementClassifier.topLevelWords(sql, 32).contains("AS"))) {
      return "SELECT " + rows;
    }
    return verb + " " + object;
  }

  /** Words that may stand between a DDL verb and its object type. */
  private static final class DdlWords {
    private static final List<String> MODIFIERS =
        List.of("OR", "REPLACE", "TEMP", "TEMPORARY", "UNIQUE", "UNLOGGED", "GLOBAL", "LOCAL",
            "IF", "NOT", "EXISTS", "PERSISTENT", "RECURSIVE", "TRUSTED", "PROCEDURAL");

    static boolean isModifier(String word) {
      return MODIFIERS.contains(word);
    }
  }
}
