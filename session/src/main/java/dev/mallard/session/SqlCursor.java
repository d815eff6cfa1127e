package dev.mallard.session;

import dev.mallard.engine.Column;
import dev.mallard.engine.CursorDeclaration;
import dev.mallard.engine.DuckDbErrors;
import dev.mallard.engine.EngineSession;
import dev.mallard.engine.Identifiers;
import dev.mallard.engine.PreparedQuery;
import dev.mallard.engine.QueryResult;
import dev.mallard.engine.ResultCursor;
import dev.mallard.wire.error.PgException;
import java.sql.SQLException;
import java.util.List;

/**
 * One cursor made by DECLARE (PostgreSQL's SQL-level cursor): an open result read forward by FETCH
 * and MOVE.
 *
 * <p>A cursor WITHOUT HOLD streams its query's result straight from DuckDB; if the connection must
 * run another statement in between, the rest of the result is read into memory first, within the
 * session's Arrow memory limit (as for an open portal). A cursor WITH HOLD must outlive its
 * transaction, which DuckDB's streamed results cannot, so its rows are stored in a temporary
 * table of the session's DuckDB connection at DECLARE (DuckDB spills it to disk, so memory stays
 * bounded) and read from there; when another statement interrupts the read, it is opened again at
 * the row where it stopped. A SCROLL cursor is stored the same way, and each FETCH or MOVE reads
 * the range of rows its direction asks for by the table's row ids, in either order.
 */
final class SqlCursor {
  final String name;
  final CursorDeclaration declaration;
  /** Orders cursors by declaration, so ROLLBACK TO SAVEPOINT closes the later ones. */
  final long sequence;
  /** True while the transaction that declared it is running: a rollback removes it. */
  boolean declaredInTransaction;
  private final EngineSession engine;
  /** The DECLARE statement: its prepared query serves the streamed result and must stay open. */
  private final SharedQuery declaredBy;
  /** WITH HOLD: the table holding the rows; null otherwise. */
  private final String table;
  private PreparedQuery tableQuery;
  private ResultCursor rows;
  private List<Column> columns;
  /**
   * Without SCROLL: rows consumed so far by FETCH and MOVE. With SCROLL: PostgreSQL's position,
   * 0 before the first row, 1 to {@code total} on a row, {@code total + 1} after the last.
   */
  private long position;
  /** SCROLL: the stored rows; the range the running FETCH reads (1-based, in reading order). */
  private final boolean scrollable;
  private long total;
  private long rangeFirst;
  private long rangeCount;
  private boolean rangeBackward;
  private long rangeRead;

  private SqlCursor(String name, CursorDeclaration declaration, long sequence, EngineSession engine,
      SharedQuery declaredBy, String table) {
    this.scrollable = table != null && Boolean.TRUE.equals(declaration.scroll());
    this.name = name;
    this.declaration = declaration;
    this.sequence = sequence;
    this.engine = engine;
    this.declaredBy = declaredBy;
    this.table = table;
  }

  /** Runs the query of a WITHOUT HOLD cursor; its result streams as FETCH reads it. */
  static SqlCursor streamed(EngineSession engine, Portal declare, long sequence) {
    PreparedQuery query = declare.query.cursorQuery();
    CursorDeclaration d = declare.query.declaration();
    QueryResult result = engine.execute(query, declare.parameters);
    SqlCursor c = new SqlCursor(d.name(), d, sequence, engine, declare.shared.retain(), null);
    c.rows = result.cursor();
    c.columns = result.cursor().columns();
    return c;
  }

  /**
   * Stores the rows of a WITH HOLD or SCROLL cursor's query in a temporary table named
   * {@code table}.
   */
  static SqlCursor stored(EngineSession engine, Portal declare, long sequence, String table) {
    CursorDeclaration d = declare.query.declaration();
    long total = engine.materialize(declare.query.cursorQuery(), declare.parameters, table);
    SqlCursor c = new SqlCursor(d.name(), d, sequence, engine, null, table);
    c.total = total;
    try {
      c.columns = c.rows().columns();
      // The table renamed duplicate column names (a, a_1); clients expect the query's own.
      List<Column> declared = declare.query.cursorQuery().columns();
      if (declared != null && declared.size() == c.columns.size()) {
        List<Column> named = new java.util.ArrayList<>(declared.size());
        for (int i = 0; i < declared.size(); i++) {
          named.add(new Column(declared.get(i).name(), c.columns.get(i).type()));
        }
        c.columns = named;
      }
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  List<Column> columns() {
    return columns;
  }

  boolean binary() {
    return declaration.binary();
  }

  boolean scrollable() {
    return scrollable;
  }

  /** The result positioned at the next unread row, opened again if it had to be closed. */
  ResultCursor rows() {
    if (table != null && (rows == null || rows.isClosed())) {
      if (tableQuery != null) {
        tableQuery.close();
      }
      String quoted = "temp.main." + Identifiers.quote(table);
      String from = "SELECT * FROM " + quoted;
      tableQuery = engine.prepare(scrollable ? from + rangeCondition(quoted) : from + " OFFSET "
          + position, new int[0]);
      rows = engine.execute(tableQuery, new Object[0]).cursor();
      rows.closeWhenConnectionClaimed();
    }
    return rows;
  }

  /**
   * The unread part of the running FETCH's range, by DuckDB's row ids, which count the rows in
   * the order the query gave them: from 0 once committed, from a large base in the transaction
   * that made them (hence the offset from the smallest).
   */
  private String rangeCondition(String quotedTable) {
    long left = rangeCount - rangeRead;
    if (left <= 0) {
      return " WHERE false";
    }
    long next = rangeBackward ? rangeFirst - rangeRead : rangeFirst + rangeRead;
    long last = rangeBackward ? next - left + 1 : next + left - 1;
    return " WHERE rowid - (SELECT min(rowid) FROM " + quotedTable + ") BETWEEN "
        + (Math.min(next, last) - 1) + " AND " + (Math.max(next, last) - 1) + " ORDER BY rowid"
        + (rangeBackward ? " DESC" : "");
  }

  /** Records rows consumed by a FETCH. */
  void advanced(long count) {
    if (scrollable) {
      rangeRead += count;
    } else {
      position += count;
    }
  }

  /**
   * A FETCH or MOVE on a SCROLL cursor: moves to where PostgreSQL's cursor ends up and sets the
   * range of rows a FETCH returns on the way; returns how many rows that is.
   */
  long scroll(CursorCommand command) {
    long count = command.count();
    rangeRead = 0;
    rangeBackward = command.direction() == CursorCommand.Direction.BACKWARD;
    switch (command.direction()) {
      case FORWARD -> {
        long available = Math.max(0, total - position);
        rangeFirst = position + 1;
        rangeCount = Math.min(count, available);
        position = count > available ? total + 1 : position + count;
      }
      case BACKWARD -> {
        long available = Math.max(0, position - 1);
        rangeFirst = position - 1;
        rangeCount = Math.min(count, available);
        position = count > available ? 0 : position - count;
      }
      default -> { // ABSOLUTE and RELATIVE: one row, if the target is one
        boolean absolute = command.direction() == CursorCommand.Direction.ABSOLUTE;
        long target = absolute ? (count >= 0 ? count : total + count + 1) : position + count;
        position = target < 1 ? 0 : Math.min(target, total + 1);
        rangeFirst = position;
        rangeCount = position >= 1 && position <= total ? 1 : 0;
      }
    }
    if (rows != null) {
      rows.close(); // the next read opens the new range
    }
    return rangeCount;
  }

  /** MOVE: skips up to {@code count} rows without sending them; returns how many it skipped. */
  long skip(long count, Runnable checkInterrupts) {
    ResultCursor r = rows();
    long moved = 0;
    try {
      while (moved < count && r.advance()) {
        checkInterrupts.run();
        int n = (int) Math.min(r.remainingInBatch(), count - moved);
        r.consume(n);
        moved += n;
      }
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, null);
    } finally {
      position += moved;
    }
    return moved;
  }

  /** Releases the result; a held cursor's table is dropped when the transaction allows it. */
  void close() {
    if (rows != null) {
      rows.close();
      rows = null;
    }
    if (tableQuery != null) {
      tableQuery.close();
      tableQuery = null;
    }
    if (declaredBy != null) {
      declaredBy.release();
    }
    if (table != null) {
      try {
        engine.executeUtility("DROP TABLE IF EXISTS temp.main." + Identifiers.quote(table));
      } catch (PgException e) {
        // a failed transaction refuses it; the table goes with the connection at the latest
      }
    }
  }
}
