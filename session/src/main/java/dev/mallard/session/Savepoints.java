package dev.mallard.session;

import dev.mallard.engine.QueryResult;
import dev.mallard.engine.Statement;
import dev.mallard.engine.StatementKind;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * The savepoints of the running transaction block, innermost last, and the data changes made
 * around them.
 *
 * <p>DuckDB has no savepoints and cannot undo part of a transaction. So a savepoint is a marker
 * here, in the session's state and in the {@link TransactionLog} of the block's changes. ROLLBACK
 * TO is a matter of session state when nothing in DuckDB needs undoing; otherwise DuckDB's
 * transaction is started again and the changes made before the savepoint are run again, when
 * that gives the same changes (see {@link SavepointCommands}). A change is any statement DuckDB
 * ran that is not a query (INSERT, UPDATE, DDL, COPY FROM, ...), counted whether or not it
 * touched a row.
 */
final class Savepoints {
  /** One SAVEPOINT: the session state to go back to, and whether data changed since. */
  static final class Savepoint {
    final String name;
    final SessionSettings.Snapshot settings;
    final long cursorMark;
    final int logMark;
    /** Why the changes made before it cannot be run again, as far as their text tells; or null. */
    final String unrepeatable;
    boolean changedSince;

    Savepoint(String name, SessionSettings.Snapshot settings, long cursorMark, int logMark,
        String unrepeatable) {
      this.name = name;
      this.settings = settings;
      this.cursorMark = cursorMark;
      this.logMark = logMark;
      this.unrepeatable = unrepeatable;
    }
  }

  private final List<Savepoint> stack = new ArrayList<>();
  private final TransactionLog log = new TransactionLog();

  /** A new transaction block (or its end): no savepoints, no changes. */
  void reset() {
    stack.clear();
    log.truncate(0);
  }

  TransactionLog log() {
    return log;
  }

  /**
   * Records a statement DuckDB ran successfully for {@code portal}: anything but a query may
   * have changed data. Inside a transaction block ({@code inBlock}) the change is logged, with
   * {@code result}'s row count and the {@code searchPath} it ran under. Role statements are
   * not DuckDB's and not transactional (README), so they are not changes here.
   */
  void ran(Portal portal, QueryResult result, boolean inBlock, String searchPath) {
    Statement statement = portal.query.statement();
    List<String> words = statement.words();
    boolean explainAnalyze = words.size() > 1 && words.get(0).equals("EXPLAIN")
        && words.get(1).equals("ANALYZE"); // DuckDB runs the explained statement
    boolean query = statement.kind() == StatementKind.QUERY && !explainAnalyze
        && !portal.query.hasWritableCtes();
    StatementKind kind = statement.kind();
    if (query || kind == StatementKind.ROLE || kind == StatementKind.DATABASE) {
      return;
    }
    changed();
    if (inBlock) {
      log.ran(portal.query, portal.parameters, result.hasRows() ? -1 : result.changedRows(),
          searchPath);
    }
  }

  /** Records a change (or possible change) whose input is not kept, so it cannot be run again. */
  void changedUnrepeatably(String why) {
    changed();
    log.unrepeatable(why);
  }

  /** Records that a statement changed (or may have changed) data in the transaction. */
  private void changed() {
    for (Savepoint s : stack) {
      s.changedSince = true;
    }
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
    log.truncate(savepoint.logMark);
  }
}
