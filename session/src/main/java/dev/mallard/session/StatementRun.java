package dev.mallard.session;

import dev.mallard.engine.Column;
import dev.mallard.engine.QueryResult;
import dev.mallard.engine.Statement;
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

  StatementRun(Session session, Portal portal, long maxRows, boolean sendRowDescription) {
    this.session = session;
    this.portal = portal;
    this.maxRows = maxRows;
    this.sendRowDescription = sendRowDescription;
  }

  @Override
  public boolean run() {
    if (!started) {
      started = true;
      if (portal.completed) {
        session.send(new BackendMessage.CommandComplete(portal.completionTag));
        return true;
      }
      if (portal.streamer == null && !begin()) {
        return true;
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
      if (portal.query.isSessionCommand()) {
        CommandResult result = session.commands().run(statement);
        if (result != null) {
          sendCommandResult(result);
          ok = true;
          return false;
        }
      }
      QueryResult result = session.engine().execute(portal.query, portal.parameters);
      if (!result.hasRows()) {
        complete(statement.commandTag(result.changedRows()));
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
          result.cursor(), columns, formats, session.encoding(), session.outbox(), session);
      ok = true;
      return true;
    } finally {
      if (!ok) {
        session.afterStatement();
      }
    }
  }

  private boolean stream() {
    ResultStreamer streamer = portal.streamer;
    if (rowsAtStart < 0) {
      rowsAtStart = streamer.rowsSent();
    }
    long limit = maxRows <= 0 ? 0 : maxRows - (streamer.rowsSent() - rowsAtStart);
    ResultStreamer.Outcome outcome;
    try {
      outcome = limit < 0 ? ResultStreamer.Outcome.LIMIT_REACHED : streamer.stream(limit);
    } catch (RuntimeException e) {
      streamer.close();
      portal.streamer = null;
      session.afterStatement();
      throw e;
    }
    switch (outcome) {
      case PAUSED:
        return false;
      case LIMIT_REACHED:
        session.send(new BackendMessage.PortalSuspended());
        return true;
      default:
        streamer.close();
        portal.streamer = null;
        complete(portal.query.statement().commandTag(streamer.rowsSent()));
        return true;
    }
  }

  private void complete(String tag) {
    portal.completed = true;
    portal.completionTag = tag;
    session.afterStatement();
    session.send(new BackendMessage.CommandComplete(tag));
  }

  private void sendCommandResult(CommandResult result) {
    for (String warning : result.warnings()) {
      session.notice("WARNING", "25001", warning);
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
    complete(result.tag());
  }
}
