package dev.mallard.engine;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
 * <p>A DuckDB connection streams one result at a time: running another statement ends the stream.
 * So before the session's connection runs anything else, an unfinished cursor {@linkplain
 * #detach() reads the rest of its result into memory} (as PostgreSQL materializes a holdable
 * cursor), within the session's Arrow memory limit.
 */
public final class ResultCursor implements AutoCloseable {
  private final List<Column> columns;
  private final ArrowReader reader;
  private final ResultSet resultSet;
  private final Runnable onClose;
  private int rowInBatch;
  private int batchRows;
  private boolean exhausted;
  private long batchNumber;
  private boolean closed;
  /** After {@link #detach()}: the batches still to be read, and the one being read. */
  private Deque<VectorSchemaRoot> detached;
  private VectorSchemaRoot detachedCurrent;

  ResultCursor(List<Column> columns, ArrowReader reader, ResultSet resultSet, Runnable onClose) {
    this.columns = columns;
    this.reader = reader;
    this.resultSet = resultSet;
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
      if (!loadNext()) {
        exhausted = true;
        return false;
      }
      rowInBatch = 0;
      batchNumber++;
      batchRows = batch().getRowCount();
    }
    return true;
  }

  private boolean loadNext() throws SQLException {
    if (detached != null) {
      if (detachedCurrent != null) {
        detachedCurrent.close();
      }
      detachedCurrent = detached.poll();
      return detachedCurrent != null;
    }
    try {
      return reader.loadNextBatch();
    } catch (IOException e) {
      throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
    }
  }

  public VectorSchemaRoot batch() {
    if (detached != null) {
      return detachedCurrent;
    }
    try {
      return reader.getVectorSchemaRoot();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads the rest of the result from DuckDB into memory so the connection is free for another
   * statement. The current batch and position are kept. 54000 when the rest does not fit in the
   * session's Arrow memory.
   */
  void detach(BufferAllocator allocator) throws SQLException {
    if (detached != null || exhausted || closed) {
      return;
    }
    Deque<VectorSchemaRoot> rest = new ArrayDeque<>();
    try {
      VectorSchemaRoot current = batchRows > 0 ? copyOut(batch(), allocator) : null;
      while (reader.loadNextBatch()) {
        rest.add(copyOut(reader.getVectorSchemaRoot(), allocator));
      }
      detached = rest;
      detachedCurrent = current;
      batchNumber++; // the current batch now lives in other vectors: encoders are rebuilt
    } catch (IOException e) {
      rest.forEach(VectorSchemaRoot::close);
      throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
    } catch (OutOfMemoryException e) {
      rest.forEach(VectorSchemaRoot::close);
      throw new PgException(SqlState.PROGRAM_LIMIT_EXCEEDED,
          "an open portal's remaining rows do not fit in memory while another statement runs;"
              + " read it to the end first or use a smaller result");
    }
  }

  /** Moves a batch's buffers out of the reader's reused root into a root of its own. */
  private static VectorSchemaRoot copyOut(VectorSchemaRoot root, BufferAllocator allocator) {
    List<FieldVector> vectors = new ArrayList<>(root.getFieldVectors().size());
    for (FieldVector v : root.getFieldVectors()) {
      var pair = v.getTransferPair(allocator);
      pair.transfer();
      vectors.add((FieldVector) pair.getTo());
    }
    return new VectorSchemaRoot(root.getSchema().getFields(), vectors, root.getRowCount());
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

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (detached != null) {
      if (detachedCurrent != null) {
        detachedCurrent.close();
      }
      detached.forEach(VectorSchemaRoot::close);
      detached.clear();
    }
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
