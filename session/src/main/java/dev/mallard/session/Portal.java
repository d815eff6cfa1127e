package dev.mallard.session;

import dev.mallard.engine.Column;
import dev.mallard.engine.PreparedQuery;
import dev.mallard.engine.QueryResult;
import dev.mallard.engine.Statement;
import java.util.List;

/**
 * A bound statement ready to execute (protocol "Extended Query"). Once executed with a row limit
 * it holds the open result so the next Execute resumes where the last one stopped.
 */
final class Portal {
  final String name;
  final SharedQuery shared;
  final PreparedQuery query;
  final Object[] parameters;
  final short[] resultFormats;
  /** Columns announced to the client; null until described or executed. */
  List<Column> columns;
  /** The statement whose command tag reports this portal (an EXECUTE's prepared statement). */
  Statement tagged;
  /** A result started early by Describe, to learn columns that depend on the parameters. */
  QueryResult pending;
  /** The running result; null before the first Execute or for statements without rows. */
  ResultStreamer streamer;
  /** Rows encoded ahead while the client read the previous ones; see {@link PrefetchJob}. */
  final EncodedAhead prefetched = new EncodedAhead();
  /** True while a {@link PrefetchJob} for this portal is queued. */
  boolean prefetchScheduled;
  /** The row limit of the Executes that rows are encoded ahead for. */
  long prefetchRows;
  /** A failure while prefetching, reported by the next Execute. */
  RuntimeException prefetchError;
  /** A FETCH stopped at an Execute's row limit, to go on at the next Execute; else null. */
  CursorRun cursorRun;
  /** True once the statement ran to completion. */
  boolean completed;
  /**
   * After completion, the CommandComplete tag of a further Execute: a row-returning statement's
   * tag with a count of 0, since PostgreSQL then fetches nothing more; null for the others, which
   * PostgreSQL refuses to run again.
   */
  String rerunTag;

  /** @param shared the statement, already retained for this portal */
  Portal(String name, SharedQuery shared, Object[] parameters, short[] resultFormats) {
    this.name = name;
    this.shared = shared;
    this.query = shared.query;
    this.tagged = shared.query == null ? null : shared.query.statement();
    this.parameters = parameters;
    this.resultFormats = resultFormats;
  }

  /** The format code of column {@code i} per Bind's result-format list rules. */
  short format(int i) {
    if (resultFormats.length == 0) {
      return 0;
    }
    return resultFormats.length == 1 ? resultFormats[0] : resultFormats[i];
  }

  short[] formats(int columnCount) {
    short[] f = new short[columnCount];
    for (int i = 0; i < columnCount; i++) {
      f[i] = format(i);
    }
    return f;
  }

  private boolean closed;

  boolean isClosed() {
    return closed;
  }

  void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (pending != null && pending.hasRows()) {
      pending.cursor().close();
    }
    pending = null;
    prefetched.release();
    if (streamer != null) {
      streamer.close();
      streamer = null;
    }
    shared.release();
  }
}
