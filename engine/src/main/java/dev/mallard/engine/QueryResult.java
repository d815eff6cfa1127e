package dev.mallard.engine;

import java.util.List;

/**
 * What executing one statement produced: rows to stream (a cursor), or a count of changed rows
 * with no rows. The command tag follows from the statement and the count. {@code notices} are
 * sent before the command completes (PostgreSQL's NOTICE and WARNING messages).
 */
public record QueryResult(Statement statement, ResultCursor cursor, long changedRows,
    List<Notice> notices) {

  public QueryResult(Statement statement, ResultCursor cursor, long changedRows) {
    this(statement, cursor, changedRows, List.of());
  }

  public boolean hasRows() {
    return cursor != null;
  }

  /** A NoticeResponse to send: severity NOTICE or WARNING, its SQLSTATE and message. */
  public record Notice(String severity, String sqlState, String message) {
    public static Notice notice(String message) {
      return new Notice("NOTICE", "00000", message);
    }

    public static Notice warning(String message) {
      return new Notice("WARNING", "01000", message);
    }
  }
}
