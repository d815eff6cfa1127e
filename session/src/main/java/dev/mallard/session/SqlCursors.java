package dev.mallard.session;

import dev.mallard.engine.CursorDeclaration;
import dev.mallard.engine.EngineSession;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A session's cursors made by DECLARE, by name, with their lifetimes as in PostgreSQL: a cursor
 * WITHOUT HOLD ends with its transaction, one WITH HOLD survives its COMMIT (not its ROLLBACK),
 * and ROLLBACK TO SAVEPOINT closes those declared after the savepoint.
 */
final class SqlCursors {
  private final EngineSession engine;
  private final Map<String, SqlCursor> cursors = new LinkedHashMap<>();
  private long sequence;

  SqlCursors(EngineSession engine) {
    this.engine = engine;
  }

  /**
   * DECLARE: runs the declaring portal's query. {@code inTransactionBlock} says whether a
   * transaction block (explicit, or a multi-statement Query's implicit one) is running.
   */
  SqlCursor declare(Portal portal, boolean inTransactionBlock) {
    CursorDeclaration d = portal.query.declaration();
    if (cursors.containsKey(d.name())) {
      throw new PgException(SqlState.DUPLICATE_CURSOR, "cursor \"" + d.name() + "\" already exists");
    }
    if (!d.hold() && !inTransactionBlock) {
      throw new PgException(SqlState.NO_ACTIVE_SQL_TRANSACTION,
          "DECLARE CURSOR can only be used in transaction blocks");
    }
    long seq = ++sequence;
    SqlCursor cursor = d.hold() || Boolean.TRUE.equals(d.scroll())
        ? SqlCursor.stored(engine, portal, seq, "mallard_cursor_" + seq)
        : SqlCursor.streamed(engine, portal, seq);
    cursor.declaredInTransaction = inTransactionBlock;
    cursors.put(d.name(), cursor);
    return cursor;
  }

  SqlCursor get(String name) {
    SqlCursor c = cursors.get(name);
    if (c == null) {
      throw new PgException(SqlState.INVALID_CURSOR_NAME, "cursor \"" + name + "\" does not exist");
    }
    return c;
  }

  /** The cursor of that name, or null. */
  SqlCursor find(String name) {
    return cursors.get(name);
  }

  void close(String name) {
    get(name);
    cursors.remove(name).close();
  }

  /** CLOSE ALL, DISCARD ALL and the end of the session. */
  void closeAll() {
    closeWhere(c -> true);
  }

  /** The sequence number the next cursor will be above: marks a savepoint. */
  long mark() {
    return sequence;
  }

  /** ROLLBACK TO SAVEPOINT: cursors declared after the savepoint go. */
  void rolledBackTo(long mark) {
    closeWhere(c -> c.sequence > mark);
  }

  /** The name of an open cursor that streams from DuckDB's running transaction, or null. */
  String streamedInTransaction() {
    for (Map.Entry<String, SqlCursor> e : cursors.entrySet()) {
      if (!e.getValue().declaration.hold()) {
        return e.getKey();
      }
    }
    return null;
  }

  /** Before COMMIT or ROLLBACK runs: cursors WITHOUT HOLD end with the transaction. */
  void transactionEnding() {
    closeWhere(c -> !c.declaration.hold());
  }

  /** After the transaction ended: a rollback also takes the held cursors it declared. */
  void transactionEnded(boolean committed) {
    if (!committed) {
      closeWhere(c -> c.declaredInTransaction);
    }
    cursors.values().forEach(c -> c.declaredInTransaction = false);
  }

  private void closeWhere(Predicate<SqlCursor> which) {
    List<SqlCursor> closing = new ArrayList<>();
    cursors.values().removeIf(c -> which.test(c) && closing.add(c));
    RuntimeException failure = null;
    for (SqlCursor c : closing) {
      try {
        c.close();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
