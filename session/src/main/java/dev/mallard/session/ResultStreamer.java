package dev.mallard.session;

import dev.mallard.engine.Column;
import dev.mallard.engine.DuckDbErrors;
import dev.mallard.engine.ResultCursor;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import dev.mallard.wire.types.ColumnEncoder;
import dev.mallard.wire.types.ColumnEncoders;
import dev.mallard.wire.types.DataRowWriter;
import dev.mallard.wire.types.EncodingContext;
import dev.mallard.wire.types.MessageBuffer;
import io.netty.buffer.ByteBuf;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Streams rows of an open {@link ResultCursor} as DataRow messages, encoded straight from the
 * Arrow vectors. It stops when the row limit is reached, the result ends, or the channel stops
 * being writable (then it is resumed later from the same row).
 */
final class ResultStreamer {
  private final ResultCursor cursor;
  private final List<Column> columns;
  private final short[] formats;
  private final Outbox out;
  private final Session session;
  private final RowWriter rowWriter;
  private long encodedBatch = -1;
  /** The settings {@link #encoders} follow; a SET between two Executes may change them. */
  private EncodingContext encodedContext;
  private ColumnEncoder[] encoders;
  private long rowsSent;
  /** Where prefetched rows are encoded before being copied into chunks; made on first use. */
  private MessageBuffer ahead;

  /**
   * @param columns the column types announced in RowDescription (the target of encoding)
   * @param formats one format code per column
   */
  /** Writes one row's message: a DataRow, or a CopyData for COPY TO STDOUT. */
  @FunctionalInterface
  interface RowWriter {
    void write(MessageBuffer out, ColumnEncoder[] encoders, int row);
  }

  ResultStreamer(
      ResultCursor cursor, List<Column> columns, short[] formats, Outbox out, Session session) {
    this(cursor, columns, formats, out, session, DataRowWriter::write);
  }

  ResultStreamer(
      ResultCursor cursor, List<Column> columns, short[] formats, Outbox out, Session session,
      RowWriter rowWriter) {
    this.rowWriter = rowWriter;
    this.cursor = cursor;
    this.columns = columns;
    this.formats = formats;
    this.out = out;
    this.session = session;
  }

  enum Outcome {
    DONE,
    LIMIT_REACHED,
    PAUSED
  }

  /**
   * Sends rows until the result ends ({@link Outcome#DONE}), {@code limit} more rows were sent
   * ({@link Outcome#LIMIT_REACHED}; 0 = no limit), or the client must catch up ({@link
   * Outcome#PAUSED}).
   */
  Outcome stream(long limit) {
    long sentThisCall = 0;
    try {
      while (true) {
        session.checkInterrupts();
        if (limit > 0 && sentThisCall >= limit) {
          return cursor.advance() ? Outcome.LIMIT_REACHED : Outcome.DONE;
        }
        if (!out.writable()) {
          out.flush();
          return Outcome.PAUSED;
        }
        if (!cursor.advance()) {
          return Outcome.DONE;
        }
        prepareEncoders();
        int start = cursor.rowInBatch();
        int n = cursor.remainingInBatch();
        if (limit > 0) {
          n = (int) Math.min(n, limit - sentThisCall);
        }
        MessageBuffer rows = out.rows();
        int row = start;
        int end = start + n;
        while (row < end) {
          writeRow(rows, row);
          row++;
          if (rows.writerIndex() >= Outbox.CHUNK_BYTES) {
            out.commitRows();
            if (!out.writable()) {
              break;
            }
          }
        }
        int written = row - start;
        cursor.consume(written);
        sentThisCall += written;
        rowsSent += written;
      }
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, null);
    } catch (OutOfMemoryError e) {
      throw new PgException(SqlState.OUT_OF_MEMORY, "out of memory while sending the result");
    }
  }

  /** One row; if encoding it fails, none of it stays (no half DataRow before the ErrorResponse). */
  private void writeRow(MessageBuffer rows, int row) {
    int rowStart = rows.writerIndex();
    try {
      rowWriter.write(rows, encoders, row);
    } catch (RuntimeException | Error e) {
      rows.truncate(rowStart);
      throw e;
    }
  }

  private void prepareEncoders() {
    EncodingContext context = session.encoding();
    if (cursor.batchNumber() == encodedBatch && context.equals(encodedContext)) {
      return;
    }
    encodedBatch = cursor.batchNumber();
    encodedContext = context;
    encoders = encodersFor(cursor.batch(), context);
  }

  private ColumnEncoder[] encodersFor(VectorSchemaRoot batch, EncodingContext context) {
    ColumnEncoder[] result = new ColumnEncoder[columns.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = ColumnEncoders.create(
          batch.getVector(i), columns.get(i).type(), formats[i], context, cursor.dictionaries());
    }
    return result;
  }

  /**
   * Rows encoded ahead of time while the client was busy with the previous ones, not yet sent
   * nor consumed from the cursor, in chunks of about {@link Outbox#CHUNK_BYTES} (one growing
   * buffer would be copied at every doubling). They are valid only while the encoding context
   * is the same. {@code end} is true when they reach the end of the result.
   */
  record Prefetched(List<ByteBuf> chunks, long rows, long bytes, boolean end,
      EncodingContext context) {
    void release() {
      chunks.forEach(ByteBuf::release);
    }

    /** These rows followed by {@code next}'s, which were encoded right after them. */
    Prefetched append(Prefetched next) {
      List<ByteBuf> all = new ArrayList<>(chunks.size() + next.chunks.size());
      all.addAll(chunks);
      all.addAll(next.chunks);
      return new Prefetched(all, rows + next.rows, bytes + next.bytes, next.end, context);
    }
  }

  /**
   * Encodes up to {@code limit} rows (and at most about {@code maxBytes}) into new buffers,
   * starting {@code skip} rows after the consumer's position (rows already encoded ahead), and
   * leaving the cursor where it is. Stops early, at a chunk's end, once {@code yield} says that
   * other work waits.
   */
  Prefetched prefetch(long skip, long limit, int maxBytes, BooleanSupplier yield) {
    EncodingContext context = session.encoding();
    List<ByteBuf> chunks = new ArrayList<>();
    if (ahead == null) {
      ahead = new MessageBuffer(Outbox.CHUNK_BYTES + 8 * 1024);
    }
    ahead.clear();
    long rows = 0;
    long full = 0;
    long toSkip = skip;
    boolean yielded = false;
    try {
      var segments = cursor.lookahead();
      while (rows < limit && full < maxBytes && !yielded && segments.hasNext()) {
        var segment = segments.next();
        int row = segment.from() + (int) Math.min(toSkip, segment.to() - segment.from());
        toSkip -= row - segment.from();
        if (row == segment.to()) {
          continue;
        }
        ColumnEncoder[] enc = encodersFor(segment.batch(), context);
        while (row < segment.to() && rows < limit && full < maxBytes && !yielded) {
          rowWriter.write(ahead, enc, row++);
          rows++;
          if (ahead.writerIndex() >= Outbox.CHUNK_BYTES) {
            full += ahead.writerIndex();
            chunks.add(chunkOf(ahead));
            yielded = yield.getAsBoolean();
          }
        }
      }
      boolean end = rows < limit && full < maxBytes && !yielded && !segments.hasNext();
      if (ahead.writerIndex() > 0) {
        full += ahead.writerIndex();
        chunks.add(chunkOf(ahead));
      }
      return new Prefetched(chunks, rows, full, end, context);
    } catch (RuntimeException e) {
      chunks.forEach(ByteBuf::release);
      ahead.clear();
      throw e;
    }
  }

  /** The encoded rows in a buffer of their own, leaving {@code rows} empty. */
  private ByteBuf chunkOf(MessageBuffer rows) {
    ByteBuf chunk = out.allocate(rows.writerIndex());
    rows.moveTo(chunk);
    return chunk;
  }

  /** Sends prefetched rows as if they had just been streamed. */
  void sendPrefetched(Prefetched p) {
    out.sendEncoded(p.chunks());
    consumed(p);
  }

  /** Moves past prefetched rows that were sent another way ({@link ExpressLane}). */
  void consumed(Prefetched p) {
    try {
      cursor.skip(p.rows());
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, null);
    }
    rowsSent += p.rows();
  }

  /** Rows loaded from DuckDB and not yet sent (some may be encoded ahead); loads nothing. */
  long loadedRows() {
    return cursor.loadedRows();
  }

  /** Whether unread rows remain. */
  boolean hasMore() {
    try {
      return cursor.advance();
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, null);
    }
  }

  long rowsSent() {
    return rowsSent;
  }

  void close() {
    cursor.close();
  }
}
