package dev.mallard.session;

import dev.mallard.engine.Column;
import dev.mallard.engine.QueryResult;
import dev.mallard.engine.Statement;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import dev.mallard.wire.message.BackendMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Executes one portal: a statement the session answers itself, or one DuckDB runs, whose rows are
 * streamed. Used by both protocols: the simple one sends RowDescription first, the extended one
 * announced it at Describe and may stop after {@code maxRows} (PortalSuspended).
 */
final class StatementRun implements Job {
  private final Session session;
  private final Portal portal;
  private final long maxRows;
  private final boolean sendRowDescription;
  private long rowsAtStart = -1;
  private boolean started;
  /** Set while this run waits for COPY FROM STDIN data. */
  private CopyIn copyIn;
  /** Set for COPY TO STDOUT: writes the trailer and CopyDone before CommandComplete. */
  private CopyOut copyOut;
  /** Set for DECLARE, FETCH, MOVE and CLOSE. */
  private CursorRun cursorRun;

  StatementRun(Session session, Portal portal, long maxRows, boolean sendRowDescription) {
    this.session = session;
    this.portal = portal;
    this.maxRows = maxRows;
    this.sendRowDescription = sendRowDescription;
  }

  @Override
  public boolean run() {
    if (copyIn != null) {
      return finishCopyIn();
    }
    if (cursorRun != null) {
      return cursorRun.run();
    }
    if (!started) {
      started = true;
      if (portal.completed) {
        if (portal.rerunTag == null) {
          throw new PgException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
              "portal \"" + portal.name + "\" cannot be run");
        }
        session.send(new BackendMessage.CommandComplete(portal.rerunTag));
        return true;
      }
      if (portal.cursorRun != null) {
        cursorRun = portal.cursorRun;
        return cursorRun.resume(maxRows);
      }
      if (portal.query != null && CursorRun.handles(portal.query.statement().kind())) {
        cursorRun = new CursorRun(session, portal, sendRowDescription, maxRows);
        return cursorRun.run();
      }
      if (portal.streamer == null) {
        if (!begin()) {
          return copyIn == null; // a COPY FROM STDIN waits for its data
        }
      } else {
        // resuming a suspended portal: a failed transaction block refuses it too
        session.checkNotFailed(portal.query.statement().sql());
      }
    }
    return stream();
  }

  /** Starts execution; returns true when there are rows to stream. */
  private boolean begin() {
    Statement statement = portal.query.statement();
    session.beforeStatement(statement);
    boolean ok = false;
    try {
      if (portal.query.copy() != null) {
        boolean rows = startCopy();
        ok = true;
        return rows;
      }
      if (portal.query.isSessionCommand()) {
        CommandResult result = session.commands().run(statement);
        if (result != null) {
          sendCommandResult(result);
          ok = true;
          return false;
        }
      }
      QueryResult result = portal.pending != null
          ? portal.pending : session.engine().execute(portal.query, portal.parameters);
      portal.pending = null;
      session.statementRan(portal, result);
      portal.tagged = result.statement();
      for (QueryResult.Notice n : result.notices()) {
        session.notice(n.severity(), n.sqlState(), n.message());
      }
      if (!result.hasRows()) {
        complete(result.statement().commandTag(result.changedRows()), null);
        ok = true;
        return false;
      }
      List<Column> columns = portal.columns != null ? portal.columns : result.cursor().columns();
      portal.columns = columns;
      short[] formats = portal.formats(columns.size());
      if (sendRowDescription) {
        session.send(RowDescriptions.of(columns, formats));
      }
      portal.streamer = new ResultStreamer(
          result.cursor(), columns, formats, session.outbox(), session);
      ok = true;
      return true;
    } finally {
      if (!ok) {
        session.afterStatement();
      }
    }
  }

  /** Starts a COPY; returns true when rows are to be streamed (TO STDOUT). */
  private boolean startCopy() {
    if (portal.query.copy().from()) {
      session.savepoints().changedUnrepeatably("COPY FROM STDIN ran before it");
      copyIn = session.startCopyIn(portal.query.copy());
      return false;
    }
    copyOut = CopyOut.start(session, portal.query.copy());
    portal.streamer = copyOut.streamer();
    portal.columns = copyOut.columns();
    return true;
  }

  private boolean finishCopyIn() {
    if (!copyIn.finished()) {
      return false;
    }
    CopyIn done = copyIn;
    copyIn = null;
    long rows;
    try {
      rows = done.result();
    } finally {
      session.afterStatement();
    }
    portal.completed = true;
    session.send(new BackendMessage.CommandComplete("COPY " + rows));
    return true;
  }

  private boolean stream() {
    ResultStreamer streamer = portal.streamer;
    if (rowsAtStart < 0) {
      rowsAtStart = streamer.rowsSent();
      usePrefetched(streamer);
    }
    long sentNow = streamer.rowsSent() - rowsAtStart;
    ResultStreamer.Outcome outcome;
    try {
      if (maxRows > 0 && sentNow >= maxRows) {
        // prefetched rows already filled this Execute's row limit
        outcome = streamer.hasMore() ? ResultStreamer.Outcome.LIMIT_REACHED : ResultStreamer.Outcome.DONE;
      } else {
        outcome = streamer.stream(maxRows > 0 ? maxRows - sentNow : 0);
      }
    } catch (RuntimeException e) {
      streamer.close();
      portal.streamer = null;
      if (copyOut != null) {
        copyOut.close();
      }
      session.afterStatement();
      throw e;
    }
    switch (outcome) {
      case PAUSED:
        return false;
      case LIMIT_REACHED:
        session.send(new BackendMessage.PortalSuspended());
        if (session.status() == TransactionStatus.IN_TRANSACTION) {
          PrefetchJob.schedule(session, portal, maxRows);
        }
        return true;
      default:
        streamer.close();
        portal.streamer = null;
        if (copyOut != null) {
          copyOut.finish();
        }
        // PostgreSQL counts the rows of this Execute, not of the whole portal
        complete(portal.tagged.commandTag(streamer.rowsSent() - rowsAtStart),
            copyOut == null ? portal.tagged.commandTag(0) : null);
        return true;
    }
  }

  /** Sends rows prepared while the client was reading the previous ones, if still valid. */
  private void usePrefetched(ResultStreamer streamer) {
    RuntimeException failure = portal.prefetchError;
    portal.prefetchError = null;
    if (failure != null) {
      portal.prefetched.release();
      throw failure;
    }
    ResultStreamer.Prefetched p = portal.prefetched.poll();
    if (p == null) {
      return;
    }
    if (p.context().equals(session.encoding()) && (maxRows <= 0 || p.rows() <= maxRows)) {
      streamer.sendPrefetched(p);
      if (maxRows <= 0 || p.rows() < maxRows) {
        // this Execute streams the rows that follow; what was encoded after them is stale
        portal.prefetched.release();
      }
    } else {
      p.release(); // settings changed since, or a smaller fetch: encode again
      portal.prefetched.release();
    }
  }

  private void complete(String tag, String rerunTag) {
    portal.completed = true;
    portal.rerunTag = rerunTag;
    session.afterStatement();
    session.send(new BackendMessage.CommandComplete(tag));
  }

  private void sendCommandResult(CommandResult result) {
    for (CommandResult.Warning warning : result.warnings()) {
      session.notice("WARNING", warning.sqlState(), warning.message());
    }
    if (result.hasRows()) {
      if (sendRowDescription) {
        session.send(RowDescriptions.text(result.columnNames()));
      }
      for (String[] row : result.rows()) {
        List<byte[]> values = new ArrayList<>(row.length);
        for (String v : row) {
          values.add(v == null ? null : v.getBytes(StandardCharsets.UTF_8));
        }
        session.send(new BackendMessage.DataRow(values));
      }
    }
    complete(result.tag(), result.hasRows() ? result.tag() : null);
  }
}
