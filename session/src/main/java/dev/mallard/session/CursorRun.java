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
  private long limit;
  private boolean finished;

  /** @param simpleProtocol true for a Query message: RowDescription precedes FETCH's rows */
  CursorRun(Session session, Portal portal, boolean simpleProtocol) {
    this.session = session;
    this.portal = portal;
    this.simpleProtocol = simpleProtocol;
  }

  static boolean handles(StatementKind kind) {
    return kind == StatementKind.DECLARE_CURSOR || kind == StatementKind.FETCH
        || kind == StatementKind.MOVE || kind == StatementKind.CLOSE_CURSOR;
  }

  @Override
  public boolean run() {
    boolean done = false;
    try {
      done = streamer != null ? stream() : start();
      return done;
    } catch (RuntimeException e) {
      done = true;
      throw e;
    } finally {
      if (done && !finished) {
        finished = true;
        session.afterStatement();
      }
    }
  }

  private boolean start() {
    Statement statement = portal.query.statement();
    session.beforeStatement(statement);
    SqlCursors cursors = session.cursors();
    switch (statement.kind()) {
      case DECLARE_CURSOR:
        if (cursors.declare(portal, session.inTransactionBlock()).declaration.hold()) {
          session.savepoints().changed(); // its table is part of the transaction's changes
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
    if (!command.forward()) {
      throw backward(cursor);
    }
    if (statement.kind() == StatementKind.MOVE) {
      return complete(statement.commandTag(cursor.skip(command.count(), session::checkInterrupts)));
    }
    List<Column> columns = cursor.columns();
    short[] formats = formats(columns.size());
    if (simpleProtocol) {
      session.send(RowDescriptions.of(columns, formats));
    }
    limit = command.count() == CursorCommand.ALL ? 0 : command.count();
    streamer = new ResultStreamer(cursor.rows(), columns, formats, session.outbox(), session);
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

  private boolean stream() {
    long before = streamer.rowsSent();
    ResultStreamer.Outcome outcome;
    try {
      outcome = streamer.stream(limit == 0 ? 0 : limit - before);
    } finally {
      cursor.advanced(streamer.rowsSent() - before);
    }
    if (outcome == ResultStreamer.Outcome.PAUSED) {
      return false;
    }
    return complete(portal.query.statement().commandTag(streamer.rowsSent()));
  }

  private static PgException backward(SqlCursor cursor) {
    if (Boolean.TRUE.equals(cursor.declaration.scroll())) {
      return new PgException(SqlState.FEATURE_NOT_SUPPORTED,
          "backward FETCH and MOVE are not supported: Mallard reads a cursor's result forward only");
    }
    return new PgException(PgException.Severity.ERROR, SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
        "cursor can only scan forward", null,
        "Declare it with SCROLL option to enable backward scan.", 0, null);
  }

  private boolean complete(String tag) {
    portal.completed = true;
    portal.completionTag = tag;
    session.send(new BackendMessage.CommandComplete(tag));
    return true;
  }
}
