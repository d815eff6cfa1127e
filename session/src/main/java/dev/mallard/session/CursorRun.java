package dev.mallard.session;

import dev.mallard.engine.Column;
import dev.mallard.engine.Statement;
import dev.mallard.engine.StatementKind;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import dev.mallard.wire.message.BackendMessage;
import java.util.Arrays;
import java.util.List;

/**
 * Runs DECLARE, FETCH, MOVE or CLOSE for a portal, in either protocol. FETCH streams its rows like
 * any result (pausing while the client is not reading) and leaves the cursor open after them.
 */
final class CursorRun implements Job {
  private final Session session;
  private final Portal portal;
  private final boolean simpleProtocol;
  private SqlCursor cursor;
  private ResultStreamer streamer;
  private short[] formats;
  /** Rows the FETCH asks for (0 for ALL), and the rows it sent so far. */
  private long fetchCount;
  private long sent;
  /** The Execute's row limit (0 = none) and the rows sent before that Execute began. */
  private long maxRows;
  private long sentBeforeExecute;
  private boolean finished;

  /**
   * @param simpleProtocol true for a Query message: RowDescription precedes FETCH's rows
   * @param maxRows the Execute's row limit; 0 for none (always, in the simple protocol)
   */
  CursorRun(Session session, Portal portal, boolean simpleProtocol, long maxRows) {
    this.session = session;
    this.portal = portal;
    this.simpleProtocol = simpleProtocol;
    this.maxRows = maxRows;
  }

  static boolean handles(StatementKind kind) {
    return kind == StatementKind.DECLARE_CURSOR || kind == StatementKind.FETCH
        || kind == StatementKind.MOVE || kind == StatementKind.CLOSE_CURSOR;
  }

  @Override
  public boolean run() {
    try {
      return streamer != null ? stream() : start();
    } catch (RuntimeException e) {
      end();
      throw e;
    }
  }

  /** A further Execute of a FETCH portal that stopped at the previous Execute's row limit. */
  boolean resume(long executeMaxRows) {
    maxRows = executeMaxRows;
    sentBeforeExecute = sent;
    try {
      session.checkNotFailed(portal.query.statement().sql());
      if (session.cursors().find(cursor.name) != cursor) {
        throw new PgException(
            SqlState.INVALID_CURSOR_NAME, "cursor \"" + cursor.name + "\" does not exist");
      }
    } catch (RuntimeException e) {
      end();
      throw e;
    }
    // a held cursor's result may have been closed for another statement and opened again
    streamer = newStreamer();
    return run();
  }

  private ResultStreamer newStreamer() {
    return new ResultStreamer(cursor.rows(), cursor.columns(), formats, session.outbox(), session);
  }

  private void end() {
    portal.cursorRun = null;
    if (!finished) {
      finished = true;
      session.afterStatement();
    }
  }

  private boolean start() {
    Statement statement = portal.query.statement();
    session.beforeStatement(statement);
    SqlCursors cursors = session.cursors();
    switch (statement.kind()) {
      case DECLARE_CURSOR:
        if (cursors.declare(portal, session.inTransactionBlock()).declaration.hold()) {
          // its table is part of the transaction's changes
          String name = portal.query.declaration().name();
          session.savepoints().changedUnrepeatably(
              "cursor WITH HOLD \"" + name + "\" was declared before it");
        }
        return complete(statement.commandTag(0));
      case CLOSE_CURSOR:
        CursorCommand close = CursorCommand.parseClose(statement.sql());
        if (close.cursor() == null) {
          cursors.closeAll();
        } else {
          cursors.close(close.cursor());
        }
        return complete(statement.commandTag(0));
      default:
        break;
    }
    CursorCommand command = CursorCommand.parseFetch(statement.sql());
    cursor = cursors.get(command.cursor());
    long count = command.count();
    if (cursor.scrollable()) {
      count = cursor.scroll(command);
    } else if (!command.forward()) {
      throw backward();
    }
    if (statement.kind() == StatementKind.MOVE) {
      return complete(statement.commandTag(
          cursor.scrollable() ? count : cursor.skip(count, session::checkInterrupts)));
    }
    List<Column> columns = cursor.columns();
    formats = formats(columns.size());
    if (simpleProtocol) {
      session.send(RowDescriptions.of(columns, formats));
    }
    if (count == 0) { // a SCROLL cursor's FETCH that lands on no row
      return complete(statement.commandTag(0));
    }
    fetchCount = count == CursorCommand.ALL ? 0 : count;
    streamer = newStreamer();
    return stream();
  }

  /**
   * Text unless the cursor is BINARY; over the extended protocol the FETCH's Bind decides, as
   * PostgreSQL documents for DECLARE.
   */
  private short[] formats(int count) {
    if (!simpleProtocol) {
      return portal.formats(count);
    }
    short[] f = new short[count];
    Arrays.fill(f, (short) (cursor.binary() ? 1 : 0));
    return f;
  }

  /**
   * Sends rows until the FETCH's count, the end of the cursor, or the Execute's row limit; at the
   * last, PortalSuspended lets the next Execute of the portal go on with the same FETCH.
   */
  private boolean stream() {
    long fetchLeft = fetchCount == 0 ? Long.MAX_VALUE : fetchCount - sent;
    long executeLeft = maxRows == 0 ? Long.MAX_VALUE : maxRows - (sent - sentBeforeExecute);
    long limit = Math.min(fetchLeft, executeLeft);
    long before = streamer.rowsSent();
    ResultStreamer.Outcome outcome;
    try {
      outcome = streamer.stream(limit == Long.MAX_VALUE ? 0 : limit);
    } finally {
      long rows = streamer.rowsSent() - before;
      sent += rows;
      cursor.advanced(rows);
    }
    if (outcome == ResultStreamer.Outcome.PAUSED) {
      return false;
    }
    if (outcome == ResultStreamer.Outcome.LIMIT_REACHED && executeLeft < fetchLeft) {
      portal.cursorRun = this;
      session.send(new BackendMessage.PortalSuspended());
      return true;
    }
    // as for any portal, PostgreSQL's tag counts the rows of this Execute
    return complete(portal.query.statement().commandTag(sent - sentBeforeExecute));
  }

  /**
   * PostgreSQL's error for a cursor without SCROLL whose plan cannot go back. Mallard streams
   * such cursors, so none can (PostgreSQL's simple plans could).
   */
  private static PgException backward() {
    return new PgException(PgException.Severity.ERROR, SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
        "cursor can only scan forward", null,
        "Declare it with the SCROLL option to enable backward scan.", 0, null);
  }

  private boolean complete(String tag) {
    end();
    portal.completed = true;
    // a FETCH returns rows: run again, it fetches none; DECLARE, MOVE and CLOSE cannot run again
    portal.rerunTag = portal.query.statement().kind() == StatementKind.FETCH ? "FETCH 0" : null;
    session.send(new BackendMessage.CommandComplete(tag));
    return true;
  }
}
