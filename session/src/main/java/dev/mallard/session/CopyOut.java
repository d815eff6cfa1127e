package dev.mallard.session;

import dev.mallard.engine.Column;
import dev.mallard.engine.Identifiers;
import dev.mallard.engine.PreparedQuery;
import dev.mallard.engine.QueryResult;
import dev.mallard.engine.copy.CopyStatement;
import dev.mallard.wire.copy.CopyFormat;
import dev.mallard.wire.copy.CopyOutWriter;
import dev.mallard.wire.message.BackendMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A COPY TO STDOUT: the table or query runs like any query, and its rows leave as CopyData in the
 * requested format through the same streaming (and backpressure) as DataRows.
 */
final class CopyOut {
  private final Session session;
  private final PreparedQuery query;
  private final CopyOutWriter writer;
  private final ResultStreamer streamer;
  private final List<Column> columns;

  private CopyOut(Session session, PreparedQuery query, CopyOutWriter writer,
      ResultStreamer streamer, List<Column> columns) {
    this.session = session;
    this.query = query;
    this.writer = writer;
    this.streamer = streamer;
    this.columns = columns;
  }

  static CopyOut start(Session session, CopyStatement copy) {
    String sql = copy.query() != null ? copy.query() : selectFrom(copy);
    PreparedQuery query = session.engine().prepare(sql, new int[0]);
    try {
      QueryResult result = session.engine().execute(query, new Object[0]);
      if (!result.hasRows()) {
        throw new dev.mallard.wire.error.PgException(
            dev.mallard.wire.error.SqlState.FEATURE_NOT_SUPPORTED, "COPY query must have a result");
      }
      List<Column> columns = result.cursor().columns();
      List<String> names = new ArrayList<>();
      for (Column c : columns) {
        names.add(c.name());
      }
      boolean binary = copy.options().format() == CopyFormat.BINARY;
      short[] formats = new short[columns.size()];
      java.util.Arrays.fill(formats, (short) (binary ? 1 : 0));
      session.send(new BackendMessage.CopyOutResponse(copy.options().format().protocolCode(), formats));
      CopyOutWriter writer = new CopyOutWriter(copy.options(), names);
      writer.writeHeader(session.outbox().rows(), names);
      session.outbox().commitRows();
      ResultStreamer streamer = new ResultStreamer(
          result.cursor(), columns, formats, session.outbox(), session, writer::writeRow);
      return new CopyOut(session, query, writer, streamer, columns);
    } catch (RuntimeException e) {
      query.close();
      throw e;
    }
  }

  private static String selectFrom(CopyStatement copy) {
    if (copy.columns().isEmpty()) {
      return "SELECT * FROM " + copy.table();
    }
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < copy.columns().size(); i++) {
      if (i > 0) {
        sql.append(", ");
      }
      sql.append(Identifiers.quote(copy.columns().get(i)));
    }
    return sql.append(" FROM ").append(copy.table()).toString();
  }

  ResultStreamer streamer() {
    return streamer;
  }

  List<Column> columns() {
    return columns;
  }

  /** After the last row: the binary trailer, then CopyDone. */
  void finish() {
    writer.writeTrailer(session.outbox().rows());
    session.outbox().commitRows();
    session.send(new BackendMessage.CopyDone());
    close();
  }

  void close() {
    query.close();
  }
}
