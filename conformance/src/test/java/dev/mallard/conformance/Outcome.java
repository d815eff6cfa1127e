package dev.mallard.conformance;

import java.util.List;

/** What one statement produced on one server, as the client saw it. */
sealed interface Outcome {

  /**
   * A result set.
   *
   * @param columns as described by RowDescription
   * @param rows each value as the driver's text for it (null for SQL NULL)
   * @param ordered whether the statement has a top-level ORDER BY, so that row order counts
   */
  record Rows(List<Column> columns, List<List<String>> rows, boolean ordered) implements Outcome {}

  /** A statement without a result set, with its row count (0 for DDL). */
  record Count(long count) implements Outcome {}

  /** The statement failed. */
  record Failure(String sqlState, String message) implements Outcome {}

  /**
   * One result column.
   *
   * @param name the label the server sent
   * @param oid the type OID the server sent
   * @param format 0 text, 1 binary: how the values travelled
   */
  record Column(String name, int oid, int format) {}
}
