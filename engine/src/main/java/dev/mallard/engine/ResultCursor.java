package dev.mallard.engine;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * An open query result read from DuckDB as Arrow record batches. It remembers how far into the
 * current batch the consumer got, so a portal executed with a row limit can stop mid-batch and
 * resume there. Closing it releases the Arrow buffers and DuckDB's result.
 *
 * <p>The reader reuses one set of vectors for every batch it loads, so a batch that must outlive
 * the next load is first moved into vectors of its own ("owned"). That happens when rows are
 * looked at ahead of the consumer ({@link #lookahead()}, for prefetching) and when the cursor is
 * {@linkplain #detach detached}: a DuckDB connection streams one result at a time and running
 * another statement ends the stream, so before the session's connection runs anything else an
 * unfinished cursor reads the rest of its result into memory (as PostgreSQL materializes a
 * holdable cursor), within the session's Arrow memory limit.
 */
public final class ResultCursor implements AutoCloseable {
  private final List<Column> columns;
  private final ArrowReader reader;
  private final ResultSet resultSet;
  private final BufferAllocator allocator;
  private final Runnable onClose;
  /** The batch being read: the reader's reused root, or an owned one. Null before the first. */
  private VectorSchemaRoot current;
  private boolean currentOwned;
  /** Owned batches loaded after {@link #current}, in order. */
  private final Deque<VectorSchemaRoot> ahead = new ArrayDeque<>();
  private boolean readerDone;
  private int rowInBatch;
  private int batchRows;
  private boolean exhausted;
  private long batchNumber;
  private boolean closed;
  /** Closed rather than read into memory when the connection must run another statement. */
  private boolean closeOnClaim;
  /** Bytes of the largest batch read ahead, to stop before the memory limit is hit mid-batch. */
  private long largestBatchBytes;

  ResultCursor(List<Column> columns, ArrowReader reader, ResultSet resultSet,
      BufferAllocator allocator, Runnable onClose) {
    this.columns = columns;
    this.reader = reader;
    this.resultSet = resultSet;
    this.allocator = allocator;
    this.onClose = onClose;
  }

  public List<Column> columns() {
    return columns;
  }

  /**
   * Makes a batch with unread rows current. Returns false once the result is exhausted. DuckDB
   * errors raised while producing a batch surface here.
   */
  public boolean advance() throws SQLException {
    if (exhausted) {
      return false;
    }
    while (rowInBatch >= batchRows) {
      if (!nextBatch()) {
        exhausted = true;
        return false;
      }
    }
    return true;
  }

  private boolean nextBatch() throws SQLException {
    if (currentOwned) {
      current.close();
    }
    current = null;
    currentOwned = false;
    if (!ahead.isEmpty()) {
      current = ahead.poll();
      currentOwned = true;
    } else if (loadFromReader()) {
      current = readerRoot();
    } else {
      return false;
    }
    rowInBatch = 0;
    batchRows = current.getRowCount();
    batchNumber++;
    return true;
  }

  private boolean loadFromReader() throws SQLException {
    if (readerDone) {
      return false;
    }
    try {
      if (reader.loadNextBatch()) {
        return true;
      }
      readerDone = true;
      return false;
    } catch (IOException e) {
      throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
    }
  }

  private VectorSchemaRoot readerRoot() {
    try {
      return reader.getVectorSchemaRoot();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public VectorSchemaRoot batch() {
    return current;
  }

  /**
   * Loads one more batch into {@link #ahead}; false at the end of the result. The current batch
   * is moved out of the reader's vectors first, since loading reuses them.
   */
  private boolean pullAhead() throws SQLException {
    try {
      if (current != null && !currentOwned) {
        current = copyOut(current);
        currentOwned = true;
        batchNumber++; // the current rows now live in other vectors: encoders are rebuilt
      }
      // Arrow's C import leaks its array when an allocation fails halfway through a batch, so
      // stop before a batch as large as the largest so far could run out of room.
      if (allocator.getHeadroom() < 2 * largestBatchBytes) {
        throw new OutOfMemoryException("no room for another batch");
      }
      if (!loadFromReader()) {
        return false;
      }
      VectorSchemaRoot owned = copyOut(readerRoot());
      long bytes = 0;
      for (FieldVector v : owned.getFieldVectors()) {
        bytes += v.getBufferSize();
      }
      largestBatchBytes = Math.max(largestBatchBytes, bytes);
      ahead.add(owned);
      return true;
    } catch (OutOfMemoryException e) {
      throw tooLarge();
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof OutOfMemoryException) {
        throw tooLarge(); // how Arrow's C import reports a failed allocation
      }
      throw e;
    }
  }

  private static PgException tooLarge() {
    return new PgException(SqlState.PROGRAM_LIMIT_EXCEEDED,
        "an open portal's rows do not fit in memory while another statement runs;"
            + " read it to the end first or use a smaller result");
  }

  /**
   * Reads the rest of the result from DuckDB into memory so the connection is free for another
   * statement. The current batch and position are kept. 54000 when the rest does not fit in the
   * session's Arrow memory.
   */
  void detach() throws SQLException {
    if (exhausted || closed) {
      return;
    }
    while (pullAhead()) {
      // keep reading
    }
  }

  /** Moves a batch's buffers out of the reader's reused root into a root of its own. */
  private VectorSchemaRoot copyOut(VectorSchemaRoot root) {
    List<FieldVector> vectors = new ArrayList<>(root.getFieldVectors().size());
    for (FieldVector v : root.getFieldVectors()) {
      var pair = v.getTransferPair(allocator);
      pair.transfer();
      vectors.add((FieldVector) pair.getTo());
    }
    return new VectorSchemaRoot(root.getSchema().getFields(), vectors, root.getRowCount());
  }

  /** A run of unread rows of one batch: rows {@code from} (inclusive) to {@code to}. */
  public record Segment(VectorSchemaRoot batch, int from, int to) {}

  /**
   * The unread rows ahead of the consumer, batch by batch, without consuming them: batches are
   * loaded (and kept) as the iteration needs them. Finish with a segment before asking for the
   * next: loading may move the earlier batch's buffers. Consume the rows later with {@link #skip}.
   */
  public Iterator<Segment> lookahead() {
    return new Iterator<>() {
      private boolean currentSeen;
      private int nextAhead;

      private boolean currentPending() {
        return !currentSeen && current != null && rowInBatch < batchRows;
      }

      @Override
      public boolean hasNext() {
        if (currentPending()) {
          return true;
        }
        try {
          while (nextAhead >= ahead.size()) {
            if (!pullAhead()) {
              return false;
            }
          }
          return true;
        } catch (SQLException e) {
          throw DuckDbErrors.translate(e, null);
        }
      }

      @Override
      public Segment next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        if (currentPending()) {
          currentSeen = true;
          return new Segment(current, rowInBatch, batchRows);
        }
        currentSeen = true;
        VectorSchemaRoot b = nth(nextAhead++);
        return new Segment(b, 0, b.getRowCount());
      }
    };
  }

  private VectorSchemaRoot nth(int i) {
    Iterator<VectorSchemaRoot> it = ahead.iterator();
    VectorSchemaRoot b = it.next();
    for (int k = 0; k < i; k++) {
      b = it.next();
    }
    return b;
  }

  /**
   * Rows already loaded from DuckDB and not consumed: the rest of the current batch and the
   * batches read ahead. Loads nothing; the result may have more rows than this.
   */
  public long loadedRows() {
    long rows = current != null ? batchRows - rowInBatch : 0;
    for (VectorSchemaRoot b : ahead) {
      rows += b.getRowCount();
    }
    return rows;
  }

  /** Consumes {@code rows} rows, moving through batches as needed. */
  public void skip(long rows) throws SQLException {
    long left = rows;
    while (left > 0 && advance()) {
      int n = (int) Math.min(left, remainingInBatch());
      consume(n);
      left -= n;
    }
  }

  public DictionaryProvider dictionaries() {
    return reader;
  }

  /** Increases each time a new batch is loaded; encoders must be rebuilt for a new batch. */
  public long batchNumber() {
    return batchNumber;
  }

  /** Index in the current batch of the next unread row. */
  public int rowInBatch() {
    return rowInBatch;
  }

  /** Rows of the current batch not yet consumed. */
  public int remainingInBatch() {
    return batchRows - rowInBatch;
  }

  public void consume(int rows) {
    rowInBatch += rows;
  }

  public boolean isExhausted() {
    return exhausted;
  }

  boolean isOpen() {
    return !closed && !exhausted;
  }

  public boolean isClosed() {
    return closed;
  }

  /**
   * Makes the cursor close instead of reading the rest of its result into memory when another
   * statement needs the connection: for results that can be opened again where they stopped (a
   * holdable cursor's rows, kept in a DuckDB table).
   */
  public void closeWhenConnectionClaimed() {
    closeOnClaim = true;
  }

  boolean closesOnClaim() {
    return closeOnClaim;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (currentOwned) {
      current.close();
    }
    current = null;
    ahead.forEach(VectorSchemaRoot::close);
    ahead.clear();
    try {
      reader.close();
    } catch (IOException e) {
      // the buffers are released regardless; nothing useful to report to the client
    }
    try {
      resultSet.close();
    } catch (SQLException e) {
      // DuckDB already dropped the result
    }
    onClose.run();
  }
}
