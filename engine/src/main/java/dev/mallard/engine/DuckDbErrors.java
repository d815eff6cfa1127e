package dev.mallard.engine;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps DuckDB's errors to the SQLSTATE PostgreSQL would send for the same mistake. DuckDB reports
 * an error type ("Catalog Error", "Binder Error", ...) and a message; the type narrows the class and
 * the message picks the code. The caret line DuckDB prints gives the error position.
 */
public final class DuckDbErrors {
  private static final Pattern TYPE_PREFIX = Pattern.compile("^([A-Za-z ]+) Error: ", Pattern.DOTALL);
  private static final String PENDING_WRAPPER =
      "Attempting to execute an unsuccessful or closed pending query result\nError: ";
  /** An error raised by one of Mallard's Java functions inside DuckDB: "[SQLSTATE] message". */
  private static final Pattern CARRIED =
      Pattern.compile("[\\w.$]+: \\[([0-9A-Z]{5})\\] ([^\\n]*)");
  private static final Pattern LINE = Pattern.compile("\\n\\s*LINE (\\d+): (.*)\\n(\\s*)\\^");

  private DuckDbErrors() {}

  public static PgException translate(SQLException e, String sql) {
    String raw = e.getMessage() == null ? "unknown error" : e.getMessage();
    int wrapped = raw.indexOf(PENDING_WRAPPER);
    if (wrapped >= 0) {
      raw = raw.substring(wrapped + PENDING_WRAPPER.length());
    }
    Matcher carried = CARRIED.matcher(raw);
    if (carried.find()) {
      String text = carried.group(2);
      // A CHECK constraint's failure wraps the raised error in parentheses: "... (Error: [..] ..)".
      if (carried.start() > 0 && raw.charAt(carried.start() - 1) == '(' && text.endsWith(")")) {
        text = text.substring(0, text.length() - 1);
      }
      return new PgException(carried.group(1), text, e);
    }
    String type = "";
    String message = raw;
    Matcher m = TYPE_PREFIX.matcher(raw);
    if (m.find()) {
      type = m.group(1);
      message = raw.substring(m.end());
    }
    int position = position(message, sql);
    String hint = null;
    int lineInfo = message.indexOf("\n\nLINE ");
    if (lineInfo < 0) {
      lineInfo = message.indexOf("\nLINE ");
    }
    if (lineInfo >= 0) {
      message = message.substring(0, lineInfo);
    }
    // PostgreSQL's primary message is one line; DuckDB's further lines ("Did you mean ...",
    // "Candidate bindings: ...", candidate function lists) are advice, so they become the hint.
    message = message.strip();
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      hint = message.substring(newline + 1).strip();
      message = message.substring(0, newline).strip();
    }
    if (position == 0 && sql != null && message.endsWith("at end of input")) {
      position = sql.codePointCount(0, sql.length()) + 1; // PostgreSQL points just past the end
    }
    return new PgException(
        PgException.Severity.ERROR, sqlState(type, message), message, null, hint, position, e);
  }

  /**
   * DuckDB messages that name one mistake PostgreSQL has its own SQLSTATE for, as (lower-case
   * fragment, SQLSTATE), checked in order before the error type's general rule. DuckDB's words
   * are matched, never the statement's text.
   */
  private static final String[][] SPECIFIC = {
      {"more than one row returned by a subquery", "21000"},
      {"field value out of range", "22008"},
      {"cannot take square root of a negative number", "2201F"},
      {"cannot take logarithm of", "2201E"},
      {"limit/offset cannot be negative", "2201W"},
      {"order term out of range", "42P10"},
      {"cannot contain aggregates", "42803"},
      {"aggregate function calls cannot be nested", "42803"},
      {"cannot contain window functions", "42P20"},
      {"unimplemented type for cast", "42846"},
      {"extract specifier", "22023"},
      {"set operations can only apply to expressions with the same number", "42601"},
      {"does not have a column named", "42703"},
      {"circular reference to cte", "42P19"},
      {"'array_extract(", "42804"},
  };
  /** RE2's messages for a malformed pattern: PostgreSQL's invalid_regular_expression. */
  private static final Pattern REGEX_ERROR = Pattern.compile("^(missing \\)|missing \\]|unexpected \\)"
      + "|invalid escape sequence|trailing \\\\|invalid character class|bad repetition operator"
      + "|invalid nested repetition operator|missing argument to repetition operator"
      + "|invalid perl operator|invalid repetition size|invalid named capture group)");

  static String sqlState(String type, String message) {
    String lower = message.toLowerCase();
    for (String[] specific : SPECIFIC) {
      if (lower.contains(specific[0])) {
        return specific[1];
      }
    }
    if (type.equals("Invalid Input") && REGEX_ERROR.matcher(lower).find()) {
      return "2201B";
    }
    if (lower.startsWith("prepared statement") && lower.contains("does not exist")) {
      return SqlState.INVALID_SQL_STATEMENT_NAME;
    }
    if (lower.contains("division by zero")) {
      return SqlState.DIVISION_BY_ZERO;
    }
    switch (type) {
      case "Parser":
        return SqlState.SYNTAX_ERROR;
      case "Catalog":
        return catalogState(lower);
      case "Binder":
        return binderState(lower);
      case "Conversion":
        return lower.contains("out of range") ? SqlState.NUMERIC_VALUE_OUT_OF_RANGE
            : lower.contains("date") || lower.contains("time")
                ? SqlState.INVALID_DATETIME_FORMAT : SqlState.INVALID_TEXT_REPRESENTATION;
      case "Out of Range":
        return SqlState.NUMERIC_VALUE_OUT_OF_RANGE;
      case "Constraint":
        return constraintState(lower);
      case "TransactionContext":
        return lower.contains("conflict") ? SqlState.SERIALIZATION_FAILURE
            : lower.contains("aborted") ? SqlState.IN_FAILED_SQL_TRANSACTION
            : SqlState.INVALID_TRANSACTION_STATE;
      case "INTERRUPT":
      case "Interrupt":
        return SqlState.QUERY_CANCELED;
      case "Not implemented":
        return SqlState.FEATURE_NOT_SUPPORTED;
      case "Permission":
        return SqlState.INSUFFICIENT_PRIVILEGE;
      case "Out of Memory":
        return SqlState.OUT_OF_MEMORY;
      case "IO":
        return SqlState.IO_ERROR;
      case "Invalid Input":
        return lower.contains("interrupt") ? SqlState.QUERY_CANCELED
            : SqlState.INVALID_TEXT_REPRESENTATION;
      case "Invalid type":
        return SqlState.DATATYPE_MISMATCH;
      case "Dependency":
        return "2BP01";
      case "Sequence":
        return "2200H";
      default:
        return lower.contains("interrupted") ? SqlState.QUERY_CANCELED : SqlState.INTERNAL_ERROR;
    }
  }

  private static String catalogState(String lower) {
    if (lower.contains("already exists")) {
      return lower.startsWith("schema") ? SqlState.DUPLICATE_SCHEMA
          : lower.startsWith("table") || lower.startsWith("view") ? SqlState.DUPLICATE_TABLE
          : SqlState.DUPLICATE_OBJECT;
    }
    if (lower.contains("function with name") || lower.contains("macro function")) {
      return SqlState.UNDEFINED_FUNCTION;
    }
    if (lower.startsWith("table with name") || lower.startsWith("view with name")
        || lower.contains("table or view")) {
      return SqlState.UNDEFINED_TABLE;
    }
    if (lower.startsWith("schema with name") || lower.contains("schema") && lower.contains("does not exist")) {
      return SqlState.UNDEFINED_SCHEMA;
    }
    if (lower.startsWith("type with name")) {
      return SqlState.UNDEFINED_OBJECT;
    }
    if (lower.contains("does not exist")) {
      return SqlState.UNDEFINED_OBJECT;
    }
    return SqlState.INTERNAL_ERROR;
  }

  private static String binderState(String lower) {
    if (lower.contains("referenced column") || lower.contains("column") && lower.contains("not found")) {
      return SqlState.UNDEFINED_COLUMN;
    }
    if (lower.contains("ambiguous")) {
      return SqlState.AMBIGUOUS_COLUMN;
    }
    if (lower.contains("no function matches") || lower.contains("could not choose a best candidate")) {
      return SqlState.UNDEFINED_FUNCTION;
    }
    if (lower.contains("group by")) {
      return SqlState.GROUPING_ERROR;
    }
    if (lower.contains("table") && lower.contains("does not exist")) {
      return SqlState.UNDEFINED_TABLE;
    }
    if (lower.contains("cannot") && lower.contains("cast") || lower.contains("type mismatch")) {
      return SqlState.DATATYPE_MISMATCH;
    }
    return SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION;
  }

  private static String constraintState(String lower) {
    if (lower.contains("not null")) {
      return SqlState.NOT_NULL_VIOLATION;
    }
    if (lower.contains("duplicate key") || lower.contains("unique")) {
      return SqlState.UNIQUE_VIOLATION;
    }
    if (lower.contains("foreign key")) {
      return SqlState.FOREIGN_KEY_VIOLATION;
    }
    if (lower.contains("check constraint")) {
      return SqlState.CHECK_VIOLATION;
    }
    return SqlState.INTEGRITY_CONSTRAINT_VIOLATION;
  }

  /**
   * 1-based position in {@code sql} from DuckDB's "LINE n: text" and caret lines; 0 when DuckDB gave
   * none or the snippet was shortened beyond recognition.
   */
  static int position(String message, String sql) {
    if (sql == null) {
      return 0;
    }
    Matcher m = LINE.matcher(message);
    if (!m.find()) {
      return 0;
    }
    int lineNo = Integer.parseInt(m.group(1));
    String snippet = m.group(2);
    String prefix = "LINE " + m.group(1) + ": ";
    int caretColumn = m.group(3).length() - prefix.length();
    boolean elided = snippet.startsWith("...");
    String body = elided ? snippet.substring(3) : snippet;
    int lineStart = 0;
    for (int l = 1; l < lineNo && lineStart >= 0; l++) {
      int nl = sql.indexOf('\n', lineStart);
      lineStart = nl < 0 ? -1 : nl + 1;
    }
    if (lineStart < 0) {
      return 0;
    }
    int bodyStart = lineStart;
    if (elided) {
      String probe = body.endsWith("...") ? body.substring(0, body.length() - 3) : body;
      int found = sql.indexOf(probe, lineStart);
      if (found < 0) {
        return 0;
      }
      bodyStart = found - 3;
    }
    int offset = bodyStart + caretColumn;
    return offset >= 0 && offset <= sql.length() ? offset + 1 : 0;
  }
}
