package dev.mallard.conformance;

import java.util.List;

/**
 * How Mallard's outcome for an entry differs from PostgreSQL's.
 *
 * @param kinds every aspect that differs in that statement, most basic first (see {@link Kind})
 * @param statement 1-based index of the first statement of the entry whose outcomes differ
 * @param details one line per differing aspect of that statement, expected before actual
 */
record Difference(List<Kind> kinds, int statement, List<String> details) {

  /** The most basic aspect that differs: what the entry's failure is classified as. */
  Kind kind() {
    return kinds.get(0);
  }

  /** Ordered from the most to the least basic: a difference is classified by its first kind. */
  enum Kind {
    /** PostgreSQL raised an error and Mallard returned a result. */
    MISSING_ERROR,
    /** PostgreSQL returned a result and Mallard raised an error. */
    UNEXPECTED_ERROR,
    /** Both raised an error, with different SQLSTATEs. */
    SQLSTATE,
    /** One returned rows and the other a row count, or the row counts of DML differ. */
    COMMAND_RESULT,
    /** Number or names of the result columns. */
    COLUMNS,
    /** Type OIDs of the result columns. */
    TYPES,
    /** Number of rows. */
    ROW_COUNT,
    /** Values. */
    VALUES,
    /** The same rows in another order, under a top-level ORDER BY. */
    ROW_ORDER;

    String label() {
      return name().toLowerCase().replace('_', '-');
    }
  }
}
