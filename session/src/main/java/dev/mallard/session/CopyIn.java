package dev.mallard.session;

import dev.mallard.engine.copy.CopySink;
import dev.mallard.engine.copy.CopyStatement;
import dev.mallard.wire.copy.BinaryCopyParser;
import dev.mallard.wire.copy.CopyFormat;
import dev.mallard.wire.copy.TextCopyParser;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;

/**
 * A COPY FROM STDIN in progress (protocol "COPY Operations"): CopyData chunks are parsed and
 * appended as they arrive; CopyDone commits them in one statement, CopyFail or a bad row discards
 * them all. After an error the rest of the data is read and ignored until CopyDone or CopyFail,
 * as PostgreSQL does.
 */
final class CopyIn {
  private final CopySink sink;
  private final TextCopyParser text;
  private final BinaryCopyParser binary;
  private PgException error;
  private boolean finished;
  private long rows;

  CopyIn(CopyStatement statement, CopySink sink) {
    this.sink = sink;
    if (statement.options().format() == CopyFormat.BINARY) {
      this.binary = new BinaryCopyParser(sink.columns().size(), sink::row);
      this.text = null;
    } else {
      this.text = new TextCopyParser(statement.options(), sink.columns(), sink::row);
      this.binary = null;
    }
  }

  void data(byte[] chunk) {
    if (error != null) {
      return;
    }
    try {
      if (text != null) {
        text.feed(chunk);
      } else {
        binary.feed(chunk);
      }
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  void done() {
    if (error == null) {
      try {
        if (text != null) {
          text.finish();
        } else {
          binary.finish();
        }
        rows = sink.finish();
      } catch (RuntimeException e) {
        fail(e);
      }
    }
    finish();
  }

  void clientFailed(String message) {
    if (error == null) {
      error = new PgException(SqlState.QUERY_CANCELED, "COPY from stdin failed: " + message);
    }
    finish();
  }

  void abort(PgException e) {
    if (error == null) {
      error = e;
    }
    finish();
  }

  private void fail(RuntimeException e) {
    PgException pg = ErrorResponses.toPgException(e);
    if (pg.where() == null) {
      long line = text != null ? text.lines() : binary.rows();
      pg.withWhere(sink.context(line));
    }
    error = pg;
  }

  private void finish() {
    finished = true;
    sink.close();
  }

  boolean finished() {
    return finished;
  }

  /** The rows copied; throws the COPY's error if it failed. */
  long result() {
    if (error != null) {
      throw error;
    }
    return rows;
  }
}
