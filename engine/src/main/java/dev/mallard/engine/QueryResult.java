package dev.mallard.engine;

/**
 * What executing one statement produced: rows to stream (a cursor), or a count of changed rows
 * with no rows. The command tag follows from the statement and the count.
 */
public record QueryResult(Statement statement, ResultCursor cursor, long changedRows) {

  public boolean hasRows() {
    return cursor != null;
  }
}
