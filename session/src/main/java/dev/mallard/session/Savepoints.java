package dev.mallard.session;

import dev.mallard.engine.Statement;
import dev.mallard.engine.StatementKind;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * The savepoints of the running transaction block, innermost last, and what is known about the
 * data changes made around them.
 *
 * <p>DuckDB has no savepoints and cannot undo part of a transaction. So a savepoint is only a
 * marker here, and ROLLBACK TO can be honoured only when there is nothing in DuckDB to undo: when
 * no statement changed data since the savepoint. An error in DuckDB may also have aborted its
 * whole transaction; it can then be started again only if the transaction had changed nothing at
 * all (see {@link SessionCommands}). Everything else is refused with 0A000 rather than pretending.
 * A change is any statement DuckDB ran that is not a query (INSERT, UPDATE, DDL, COPY FROM, ...),
 * counted whether or not it touched a row.
 */
final class Savepoints {
  /** One SAVEPOINT: the session state to go back to, and whether data changed since. */
  static final class Savepoint {
    final String name;
    final SessionSettings.Snapshot settings;
    final long cursorMark;
    boolean changedSince;

    Savepoint(String name, SessionSettings.Snapshot settings, long cursorMark) {
      this.name = name;
      this.settings = settings;
      this.cursorMark = cursorMark;
    }
  }

  private final List<Savepoint> stack = new ArrayList<>();
  private boolean changedInTransaction;

  /** A new transaction block (or its end): no savepoints, no changes. */
  void reset() {
    stack.clear();
    changedInTransaction = false;
  }

  /**
   * Records a statement DuckDB ran successfully: anything but a query may have changed data,
   * which a later ROLLBACK TO SAVEPOINT could not undo.
   */
  void ran(Statement statement) {
    List<String> words = statement.words();
    boolean explainAnalyze = words.size() > 1 && words.get(0).equals("EXPLAIN")
        && words.get(1).equals("ANALYZE"); // DuckDB runs the explained statement
    if (statement.kind() != StatementKind.QUERY || explainAnalyze) {
      changed();
    }
  }

  /** Records that a statement changed (or may have changed) data in the transaction. */
  void changed() {
    changedInTransaction = true;
    for (Savepoint s : stack) {
      s.changedSince = true;
    }
  }

  boolean changedInTransaction() {
    return changedInTransaction;
  }

  void add(Savepoint savepoint) {
    stack.add(savepoint);
  }

  /** The innermost savepoint of that name; 3B001 when there is none, as in PostgreSQL. */
  Savepoint find(String name) {
    for (int i = stack.size() - 1; i >= 0; i--) {
      if (stack.get(i).name.equals(name)) {
        return stack.get(i);
      }
    }
    throw new PgException(
        SqlState.INVALID_SAVEPOINT_SPECIFICATION, "savepoint \"" + name + "\" does not exist");
  }

  /** RELEASE: the savepoint and all later ones go; their changes stay in the transaction. */
  void release(Savepoint savepoint) {
    stack.subList(stack.indexOf(savepoint), stack.size()).clear();
  }

  /** ROLLBACK TO (once allowed): later savepoints go, this one stays with nothing since. */
  void rolledBackTo(Savepoint savepoint) {
    stack.subList(stack.indexOf(savepoint) + 1, stack.size()).clear();
    savepoint.changedSince = false;
  }
}
